package dev.forcelink.testkit;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Chooses the requests a fault applies to, by method and decoded path (without the query string). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * RequestMatcher.pathStartsWith("/services/data/").method("GET")
 * RequestMatcher.pathMatches("/services/data/v\\d+\\.0/sobjects/Account/.*")
 * RequestMatcher.pathStartsWith("/services/oauth2/token")
 * }</pre>
 */
public final class RequestMatcher {

    private final String method;
    private final String prefix;
    private final Pattern regex;

    private RequestMatcher(String method, String prefix, Pattern regex) {
        this.method = method;
        this.prefix = prefix;
        this.regex = regex;
    }

    /** @return a matcher of every request */
    public static RequestMatcher any() {
        return new RequestMatcher(null, "/", null);
    }

    /**
     * @param prefix the start of the decoded path, e.g. {@code /services/data/}
     * @return a matcher of requests whose path starts with the prefix
     * @throws NullPointerException if {@code prefix} is null
     */
    public static RequestMatcher pathStartsWith(String prefix) {
        return new RequestMatcher(null, Objects.requireNonNull(prefix, "prefix"), null);
    }

    /**
     * @param regex a regular expression the whole decoded path must match
     * @return the matcher
     * @throws java.util.regex.PatternSyntaxException if the expression is invalid
     */
    public static RequestMatcher pathMatches(String regex) {
        return new RequestMatcher(null, null, Pattern.compile(regex));
    }

    /**
     * @param httpMethod a method such as {@code GET}, any case
     * @return a matcher that also requires this method
     */
    public RequestMatcher method(String httpMethod) {
        return new RequestMatcher(httpMethod.toUpperCase(Locale.ROOT), prefix, regex);
    }

    /**
     * @param httpMethod the request method
     * @param path the decoded request path
     * @return whether the request matches
     */
    public boolean matches(String httpMethod, String path) {
        if (method != null && !method.equalsIgnoreCase(httpMethod)) {
            return false;
        }
        return regex != null ? regex.matcher(path).matches() : path.startsWith(prefix);
    }

    @Override
    public String toString() {
        return (method == null ? "any method" : method) + " " + (regex != null ? "matching " + regex.pattern()
                : "under " + prefix);
    }
}
