package dev.forcelink.testkit.internal.rest;

import dev.forcelink.testkit.internal.http.ApiSession;
import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.http.RouteHandler;
import dev.forcelink.testkit.internal.http.Router;
import dev.forcelink.testkit.internal.http.SessionResolver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The versioned data API under {@code /services/data/vXX.X/}: every route added here gets the version check
 * (404 for versions not served), bearer authentication (401 {@code INVALID_SESSION_ID}), API usage counting and
 * the {@code Sforce-Limit-Info} header. Also serves the versions list, the resource map, {@code /limits} and the
 * 404 for unknown resources.
 *
 * <p>Thread-safe.
 */
public final class DataApi {

    /** The path variable holding the raw version segment. */
    public static final String VERSION_VARIABLE = "apiVersion";
    private static final String PREFIX = "/services/data/{" + VERSION_VARIABLE + "}";
    private static final String[] RESOURCES = {"sobjects", "query", "queryAll", "search", "parameterizedSearch",
        "composite", "recent", "limits", "tabs", "theme", "jobs", "ui-api", "tooling", "metadata", "analytics",
        "actions", "process"};

    private final Router router;
    private final SessionResolver sessions;
    private final ApiLimits limits;
    private final boolean enforceDailyLimit;
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();

    /**
     * @param router where routes go
     * @param sessions resolves bearer tokens
     * @param limits the org's limits
     * @param enforceDailyLimit whether calls beyond {@code DailyApiRequests} get 403 {@code REQUEST_LIMIT_EXCEEDED}
     */
    public DataApi(Router router, SessionResolver sessions, ApiLimits limits, boolean enforceDailyLimit) {
        this.router = router;
        this.sessions = sessions;
        this.limits = limits;
        this.enforceDailyLimit = enforceDailyLimit;
    }

    /**
     * Adds a versioned route.
     *
     * @param method HTTP method
     * @param subPath the path after the version, starting with {@code /}, e.g. {@code /sobjects/{sobject}}
     * @param handler the handler; it finds the version in {@link Exchange#apiVersion()} and the caller in
     *     {@link Exchange#session()}
     */
    public void add(String method, String subPath, RouteHandler handler) {
        router.add(method, PREFIX + subPath, guarded(handler));
    }

    /**
     * Returns this emulator's one instance of a component that several features' resources share (such as the
     * query cursors behind {@code nextRecordsUrl}, which {@code /query} and Composite subrequests both open),
     * creating it on first use. Features may start in any order; the first caller's factory wins.
     *
     * @param type the component's class, the key
     * @param factory makes the instance when there is none yet
     * @param <T> the component type
     * @return the shared instance
     */
    public <T> T shared(Class<T> type, Supplier<? extends T> factory) {
        return type.cast(shared.computeIfAbsent(type, key -> factory.get()));
    }

    /**
     * Installs the versions list, resource map, {@code /limits} and the unknown-resource 404.
     *
     * @param identityUrl the identity URL of a session, listed as {@code identity} in the resource map
     */
    public void installBaseRoutes(Function<ApiSession, String> identityUrl) {
        router.add("GET", "/services/data", exchange -> exchange.sendJson(200, ApiVersions.list()));
        add("GET", "", exchange -> {
            Map<String, String> resources = new LinkedHashMap<>();
            for (String resource : RESOURCES) {
                resources.put(resource, "/services/data/v" + exchange.apiVersion() + "/" + resource);
            }
            resources.put("identity", identityUrl.apply(exchange.session()));
            exchange.sendJson(200, resources);
        });
        add("GET", "/limits", exchange -> exchange.sendJson(200, limits.snapshot()));
        add("*", "/{unknownResource*}",
                exchange -> exchange.sendError(404, "NOT_FOUND", "The requested resource does not exist"));
    }

    private RouteHandler guarded(RouteHandler handler) {
        return exchange -> {
            String version = ApiVersions.resolve(exchange.pathVariable(VERSION_VARIABLE));
            if (version == null) {
                exchange.sendError(404, "NOT_FOUND", "The requested resource does not exist");
                return;
            }
            String token = SessionResolver.bearerToken(exchange.header("Authorization"));
            ApiSession session = token == null ? null : sessions.resolve(token);
            if (session == null) {
                exchange.sendError(401, "INVALID_SESSION_ID", "Session expired or invalid");
                return;
            }
            long used = limits.consume(ApiLimits.DAILY_API_REQUESTS, 1);
            long max = limits.max(ApiLimits.DAILY_API_REQUESTS);
            exchange.responseHeader("Sforce-Limit-Info", "api-usage=" + used + "/" + max);
            if (enforceDailyLimit && used > max) {
                exchange.sendError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
                return;
            }
            exchange.apiVersion(version);
            exchange.session(session);
            handler.handle(exchange);
        };
    }
}
