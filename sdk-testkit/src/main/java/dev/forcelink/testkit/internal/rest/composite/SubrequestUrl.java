package dev.forcelink.testkit.internal.rest.composite;

import dev.forcelink.testkit.internal.rest.ApiVersions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The URL of a subrequest, {@code /services/data/vXX.X/sobjects/Account/001…?fields=Name}, split into its API
 * version, decoded path segments after the version and decoded query parameters.
 *
 * <p>Subrequest URLs travel inside JSON, so clients often leave spaces, quotes and {@code %} of SOQL unencoded
 * ({@code LIKE 'Acme%'}); decoding is lenient: a {@code %} not followed by two hex digits stays as it is.
 * Immutable.
 *
 * @param version the resolved API version, e.g. {@code 60.0}
 * @param segments the decoded path segments after the version
 * @param query the decoded query parameters, in order
 */
record SubrequestUrl(String version, List<String> segments, Map<String, List<String>> query) {

    static final String PREFIX = "/services/data/";

    /**
     * @param url the subrequest's {@code url}
     * @return the parsed URL, or {@code null} when it does not start with {@code /services/data/vXX.X/} or names
     *     a version the emulator does not serve
     */
    static SubrequestUrl parse(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            return null;
        }
        int queryStart = url.indexOf('?');
        String path = queryStart < 0 ? url.substring(PREFIX.length()) : url.substring(PREFIX.length(), queryStart);
        String rawQuery = queryStart < 0 ? null : url.substring(queryStart + 1);
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(decode(segment, false));
            }
        }
        if (segments.isEmpty()) {
            return null;
        }
        String version = ApiVersions.resolve(segments.get(0));
        if (version == null) {
            return null;
        }
        return new SubrequestUrl(version, List.copyOf(segments.subList(1, segments.size())), parseQuery(rawQuery));
    }

    /**
     * @param name a query parameter
     * @return its first value, or {@code null}
     */
    String parameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return the path after the version, joined with {@code /}, for messages */
    String resourcePath() {
        return "/" + String.join("/", segments);
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Percent-decodes leniently; {@code plusIsSpace} for query text (form encoding). */
    static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && (!plusIsSpace || text.indexOf('+') < 0)) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                out.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else if (b == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
