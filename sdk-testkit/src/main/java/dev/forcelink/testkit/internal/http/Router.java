package dev.forcelink.testkit.internal.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Maps method and path to a {@link RouteHandler}. Routes can be added while the server runs, so that later
 * features (REST, Bulk, Composite) plug in without touching the front.
 *
 * <p>Thread-safe: the route list is copy-on-write.
 */
public final class Router {

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    /**
     * Adds a route.
     *
     * @param method an HTTP method such as {@code GET}, or {@code *} for any
     * @param pathTemplate a {@link PathPattern} template
     * @param handler the handler
     * @throws IllegalArgumentException if the same method and template are already routed
     */
    public void add(String method, String pathTemplate, RouteHandler handler) {
        String upper = method.toUpperCase(Locale.ROOT);
        for (Route route : routes) {
            if (route.method.equals(upper) && route.pattern.toString().equals(pathTemplate)) {
                throw new IllegalArgumentException("route already defined: " + upper + " " + pathTemplate);
            }
        }
        routes.add(new Route(upper, PathPattern.compile(pathTemplate), Objects.requireNonNull(handler, "handler")));
    }

    /**
     * Finds the most specific route for a request.
     *
     * @param method the request method
     * @param segments the decoded path segments
     * @return the match, which may say "not found" or "method not allowed"
     */
    public Resolution resolve(String method, List<String> segments) {
        Route best = null;
        Map<String, String> bestVariables = null;
        TreeSet<String> allowed = new TreeSet<>();
        int bestPathSpecificity = -1;
        for (Route route : routes) {
            Map<String, String> variables = route.pattern.match(segments);
            if (variables == null) {
                continue;
            }
            int specificity = route.pattern.specificity();
            boolean methodMatches = route.method.equals(method) || route.method.equals("*");
            if (specificity > bestPathSpecificity) {
                bestPathSpecificity = specificity;
                allowed.clear();
                best = null;
            }
            if (specificity == bestPathSpecificity) {
                if (!route.method.equals("*")) {
                    allowed.add(route.method);
                }
                if (methodMatches && (best == null || best.method.equals("*"))) {
                    best = route;
                    bestVariables = variables;
                }
            }
        }
        if (best != null) {
            return new Resolution(best.handler, bestVariables, List.of());
        }
        return new Resolution(null, Map.of(), List.copyOf(allowed));
    }

    /**
     * The outcome of routing.
     *
     * @param handler the handler, or {@code null}
     * @param variables path variables by name
     * @param allowedMethods when no handler: the methods the path does accept (empty means "not found")
     */
    public record Resolution(RouteHandler handler, Map<String, String> variables, List<String> allowedMethods) {
    }

    private static final class Route {
        final String method;
        final PathPattern pattern;
        final RouteHandler handler;

        Route(String method, PathPattern pattern, RouteHandler handler) {
            this.method = method;
            this.pattern = pattern;
            this.handler = handler;
        }
    }
}
