package dev.forcelink.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request the emulator received, with secrets redacted: the {@code Authorization}, {@code Cookie} and
 * session headers, and token, password, secret, assertion and code query parameters read
 * {@value #REDACTED}. Immutable and thread-safe.
 */
public final class RecordedRequest {

    /** What replaces a secret value. */
    public static final String REDACTED = "[REDACTED]";

    private final Instant receivedAt;
    private final String requestId;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final int status;
    private final String fault;
    private final Duration injectedDelay;

    RecordedRequest(Instant receivedAt, String requestId, String method, String path, String query,
                    Map<String, List<String>> headers, int status, String fault, Duration injectedDelay) {
        this.receivedAt = receivedAt;
        this.requestId = requestId;
        this.method = method;
        this.path = path;
        this.query = query;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
        this.status = status;
        this.fault = fault;
        this.injectedDelay = injectedDelay;
    }

    /** @return when the request arrived, by the emulator's clock */
    public Instant receivedAt() { return receivedAt; }

    /** @return the id sent back in {@code x-sfdc-request-id} */
    public String requestId() { return requestId; }

    /** @return the method, e.g. {@code GET} */
    public String method() { return method; }

    /** @return the decoded path, e.g. {@code /services/data/v60.0/limits} */
    public String path() { return path; }

    /** @return the raw query string with secret parameters redacted, or {@code null} */
    public String query() { return query; }

    /** @return the request headers by case-insensitive name, secrets redacted */
    public Map<String, List<String>> headers() { return headers; }

    /**
     * @param name a header name, any case
     * @return its first value, or {@code null}
     */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return the response status, or -1 when the connection was dropped */
    public int status() { return status; }

    /** @return the injected fault in words (e.g. {@code respond 503}, {@code delay PT0.2S}), if any */
    public Optional<String> fault() { return Optional.ofNullable(fault); }

    /** @return the latency added by faults, zero when none */
    public Duration injectedDelay() { return injectedDelay; }

    @Override
    public String toString() {
        return method + " " + path + " -> " + status + (fault == null ? "" : " [" + fault + "]");
    }
}
