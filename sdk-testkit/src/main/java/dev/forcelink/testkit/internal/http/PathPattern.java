package dev.forcelink.testkit.internal.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A path template such as {@code /services/data/{version}/sobjects/{sobject}/{id}}: literal segments,
 * {@code {name}} variables matching one segment, and a final {@code {name*}} matching the rest (zero or more
 * segments). Matching works on decoded segments. Immutable and thread-safe.
 */
public final class PathPattern {

    private final String template;
    private final List<String> segments;
    private final boolean tail;
    private final int literalCount;

    private PathPattern(String template, List<String> segments, boolean tail, int literalCount) {
        this.template = template;
        this.segments = segments;
        this.tail = tail;
        this.literalCount = literalCount;
    }

    /**
     * @param template the template, starting with {@code /}
     * @return the compiled pattern
     * @throws IllegalArgumentException if the template is malformed
     */
    public static PathPattern compile(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("path templates start with '/': " + template);
        }
        List<String> segments = split(template);
        int literals = 0;
        boolean tail = false;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.endsWith("*}")) {
                if (i != segments.size() - 1) {
                    throw new IllegalArgumentException("a {name*} variable must be last: " + template);
                }
                tail = true;
            } else if (!isVariable(segment)) {
                literals++;
            }
        }
        return new PathPattern(template, Collections.unmodifiableList(segments), tail, literals);
    }

    /**
     * Splits a path into its segments, ignoring empty ones (so a trailing slash does not matter).
     *
     * @param path a path
     * @return its non-empty segments
     */
    public static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i > start) {
                    out.add(path.substring(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * @param path decoded segments of a request path
     * @return the variables if the path matches, else {@code null}
     */
    public Map<String, String> match(List<String> path) {
        int fixed = tail ? segments.size() - 1 : segments.size();
        if (tail ? path.size() < fixed : path.size() != fixed) {
            return null;
        }
        Map<String, String> variables = null;
        for (int i = 0; i < fixed; i++) {
            String segment = segments.get(i);
            if (isVariable(segment)) {
                if (variables == null) {
                    variables = new HashMap<>(4);
                }
                variables.put(segment.substring(1, segment.length() - 1), path.get(i));
            } else if (!segment.equals(path.get(i))) {
                return null;
            }
        }
        if (variables == null) {
            variables = new HashMap<>(2);
        }
        if (tail) {
            String last = segments.get(segments.size() - 1);
            variables.put(last.substring(1, last.length() - 2), String.join("/", path.subList(fixed, path.size())));
        }
        return variables;
    }

    /**
     * Orders competing matches: more literal segments win, then exact length over a tail variable.
     *
     * @return a higher number for a more specific pattern
     */
    int specificity() {
        return literalCount * 4 + (tail ? 0 : 2);
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    @Override
    public String toString() {
        return template;
    }
}
