package dev.forcelink.testkit.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One request and its response, as handlers see it: decoded path and query, body (gunzipped when sent with
 * {@code Content-Encoding: gzip}), and ways to send JSON, bytes or a streamed body (gzipped when the client sent
 * {@code Accept-Encoding: gzip}). Under a slow-body fault the body, as it goes on the wire, is handed to a
 * {@link PacedBody}, which then owns the exchange.
 *
 * <p>Not thread-safe: one exchange belongs to the thread handling it.
 */
public final class Exchange {

    /** The content type of every JSON response. */
    public static final String JSON_TYPE = "application/json;charset=UTF-8";

    private final HttpExchange http;
    private final List<String> segments;
    private final String requestId;
    private Map<String, String> pathVariables = Map.of();
    private Map<String, List<String>> queryParameters;
    private String apiVersion;
    private ApiSession session;
    private int status;
    private boolean responded;
    private java.util.function.IntConsumer responseListener = statusCode -> { };
    private PacedBody pacedBody;
    private boolean bodyHandedOff;

    /**
     * @param http the server's exchange
     * @param segments the decoded path segments
     * @param requestId the id sent back in {@code x-sfdc-request-id}
     */
    public Exchange(HttpExchange http, List<String> segments, String requestId) {
        this.http = http;
        this.segments = segments;
        this.requestId = requestId;
    }

    /** @return the request method in upper case */
    public String method() {
        return http.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    /** @return the raw (still percent-encoded) path */
    public String rawPath() {
        return http.getRequestURI().getRawPath();
    }

    /** @return the decoded, non-empty path segments */
    public List<String> segments() {
        return segments;
    }

    /** @return the request id of this exchange */
    public String requestId() {
        return requestId;
    }

    /**
     * @param name a variable of the route's template
     * @return its decoded value, or {@code null}
     */
    public String pathVariable(String name) {
        return pathVariables.get(name);
    }

    void onResponse(java.util.function.IntConsumer listener) {
        this.responseListener = listener;
    }

    /** @param body sends the response body slowly; set before the handler runs */
    void paceBody(PacedBody body) {
        this.pacedBody = body;
    }

    /** @return whether a slow body took the exchange over: it closes the exchange, not the front */
    boolean bodyHandedOff() {
        return bodyHandedOff;
    }

    void pathVariables(Map<String, String> variables) {
        this.pathVariables = variables;
    }

    /** @return the raw query string, or {@code null} */
    public String rawQuery() {
        return http.getRequestURI().getRawQuery();
    }

    /**
     * @param name a query parameter
     * @return its first decoded value, or {@code null}
     */
    public String queryParameter(String name) {
        List<String> values = queryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return every query parameter, decoded, in order */
    public Map<String, List<String>> queryParameters() {
        if (queryParameters == null) {
            queryParameters = parseForm(rawQuery());
        }
        return queryParameters;
    }

    /**
     * @param name a header name, any case
     * @return the first value, or {@code null}
     */
    public String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    /** @return the request headers (read-only use) */
    public Headers requestHeaders() {
        return http.getRequestHeaders();
    }

    /**
     * @return the request body as a stream, gunzipped if it was sent gzipped
     * @throws IOException if the gzip header is malformed
     */
    public InputStream bodyStream() throws IOException {
        InputStream raw = http.getRequestBody();
        String encoding = header("Content-Encoding");
        return encoding != null && encoding.trim().equalsIgnoreCase("gzip") ? new GZIPInputStream(raw, 8192) : raw;
    }

    /**
     * @return the whole request body
     * @throws IOException if reading fails
     */
    public byte[] body() throws IOException {
        try (InputStream in = bodyStream()) {
            return in.readAllBytes();
        }
    }

    /**
     * @return the body parsed as JSON, or a missing node when the body is empty
     * @throws IOException if reading fails or the body is not JSON
     */
    public JsonNode jsonBody() throws IOException {
        byte[] body = body();
        return body.length == 0 ? Json.mapper().missingNode() : Json.mapper().readTree(body);
    }

    /**
     * @return the body parsed as {@code application/x-www-form-urlencoded}
     * @throws IOException if reading fails
     */
    public Map<String, List<String>> formBody() throws IOException {
        return parseForm(new String(body(), StandardCharsets.UTF_8));
    }

    /** @return the API version this request was routed under ({@code 60.0}), or {@code null} */
    public String apiVersion() {
        return apiVersion;
    }

    /** @param version the resolved API version, set by the data API guard */
    public void apiVersion(String version) {
        this.apiVersion = version;
    }

    /** @return the authenticated session, or {@code null} on unauthenticated routes */
    public ApiSession session() {
        return session;
    }

    /** @param session the authenticated session, set by the data API guard */
    public void session(ApiSession session) {
        this.session = session;
    }

    /**
     * Sets a response header; call before sending.
     *
     * @param name header name
     * @param value header value
     */
    public void responseHeader(String name, String value) {
        http.getResponseHeaders().set(name, value);
    }

    /** @return the response status sent, or 0 before a response */
    public int status() {
        return status;
    }

    /** @return whether a response has been sent */
    public boolean responded() {
        return responded;
    }

    /**
     * Sends a JSON body (pretty-printed when the request carries {@code X-PrettyPrint: 1}).
     *
     * @param statusCode HTTP status
     * @param body a Jackson tree, map, list or other serialisable value
     * @throws IOException if writing fails
     */
    public void sendJson(int statusCode, Object body) throws IOException {
        ObjectWriter writer = "1".equals(header("X-PrettyPrint"))
                ? Json.mapper().writerWithDefaultPrettyPrinter() : Json.mapper().writer();
        sendBytes(statusCode, JSON_TYPE, writer.writeValueAsBytes(body));
    }

    /**
     * Sends the REST error envelope {@code [{"message":…,"errorCode":…}]}.
     *
     * @param statusCode HTTP status
     * @param errorCode Salesforce error code
     * @param message the message
     * @throws IOException if writing fails
     */
    public void sendError(int statusCode, String errorCode, String message) throws IOException {
        sendError(statusCode, errorCode, message, null);
    }

    /**
     * Sends the REST error envelope with a {@code fields} list.
     *
     * @param statusCode HTTP status
     * @param errorCode Salesforce error code
     * @param message the message
     * @param fields the fields concerned, or {@code null} to leave {@code fields} out
     * @throws IOException if writing fails
     */
    public void sendError(int statusCode, String errorCode, String message, List<String> fields) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("errorCode", errorCode);
        if (fields != null) {
            error.put("fields", fields);
        }
        sendJson(statusCode, List.of(error));
    }

    /**
     * Sends a status without a body ({@code 204}, {@code 304}, …).
     *
     * @param statusCode HTTP status
     * @throws IOException if writing fails
     */
    public void sendEmpty(int statusCode) throws IOException {
        markResponded(statusCode);
        http.sendResponseHeaders(statusCode, -1);
    }

    /**
     * Sends a complete body, gzipped when the client accepts it.
     *
     * @param statusCode HTTP status
     * @param contentType the content type, or {@code null}
     * @param body the body
     * @throws IOException if writing fails
     */
    public void sendBytes(int statusCode, String contentType, byte[] body) throws IOException {
        markResponded(statusCode);
        if (contentType != null) {
            http.getResponseHeaders().set("Content-Type", contentType);
        }
        if (acceptsGzip()) {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(Math.max(64, body.length / 4));
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                gzip.write(body);
            }
            http.getResponseHeaders().set("Content-Encoding", "gzip");
            http.getResponseHeaders().set("Vary", "Accept-Encoding");
            body = compressed.toByteArray();
        }
        if (pacedBody != null && body.length > 0) {
            pacedBody.send(http, statusCode, body);
            bodyHandedOff = true;
            return;
        }
        http.sendResponseHeaders(statusCode, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Streams a body of unknown length (chunked), gzipped when the client accepts it, without holding it in
     * memory.
     *
     * @param statusCode HTTP status
     * @param contentType the content type
     * @param writer writes the body
     * @throws IOException if writing fails
     */
    public void sendStream(int statusCode, String contentType, BodyWriter writer) throws IOException {
        markResponded(statusCode);
        http.getResponseHeaders().set("Content-Type", contentType);
        boolean gzip = acceptsGzip();
        if (gzip) {
            http.getResponseHeaders().set("Content-Encoding", "gzip");
            http.getResponseHeaders().set("Vary", "Accept-Encoding");
        }
        if (pacedBody != null) {
            sendStreamPaced(statusCode, gzip, writer);
            return;
        }
        http.sendResponseHeaders(statusCode, 0);
        OutputStream raw = http.getResponseBody();
        try (OutputStream out = gzip ? new GZIPOutputStream(raw, 8192) : raw) {
            writer.writeTo(out);
        }
    }

    // A paced body is produced in full before it is sent, because its slices are cut by length; only a scripted
    // slow-body fault pays for holding it in memory.
    private void sendStreamPaced(int statusCode, boolean gzip, BodyWriter writer) throws IOException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream(8192);
        try (OutputStream out = gzip ? new GZIPOutputStream(captured, 8192) : captured) {
            writer.writeTo(out);
        }
        byte[] body = captured.toByteArray();
        if (body.length == 0) {
            http.sendResponseHeaders(statusCode, -1);
            return;
        }
        pacedBody.send(http, statusCode, body);
        bodyHandedOff = true;
    }

    /**
     * Announces a body of {@code declaredLength} bytes, lets {@code writer} send fewer, then closes the connection:
     * the client sees the connection drop mid-body (fault injection). Never gzipped.
     *
     * @param statusCode HTTP status
     * @param contentType the content type
     * @param declaredLength the {@code Content-Length} announced, at least 1
     * @param writer writes fewer than {@code declaredLength} bytes; do not close the stream
     * @throws IOException if writing fails
     */
    public void sendTruncated(int statusCode, String contentType, long declaredLength, BodyWriter writer)
            throws IOException {
        markResponded(statusCode);
        http.getResponseHeaders().set("Content-Type", contentType);
        if (pacedBody != null) {
            ByteArrayOutputStream captured = new ByteArrayOutputStream(8192);
            writer.writeTo(captured);
            if (captured.size() > 0) {
                pacedBody.sendTruncated(http, statusCode, captured.toByteArray(), declaredLength);
                bodyHandedOff = true;
                return;
            }
            http.sendResponseHeaders(statusCode, declaredLength);
            http.close();
            return;
        }
        http.sendResponseHeaders(statusCode, declaredLength);
        OutputStream out = http.getResponseBody();
        writer.writeTo(out);
        out.flush();
        // Closing the exchange while the fixed-length body is incomplete makes the server close the socket.
        http.close();
    }

    /**
     * Closes the connection without any response, as a dropped connection would.
     */
    public void dropConnection() {
        markResponded(-1);
        // Closing before response headers are sent makes the server close the socket itself.
        http.close();
    }

    private void markResponded(int statusCode) {
        if (responded) {
            throw new IllegalStateException("a response was already sent for this request");
        }
        responded = true;
        status = statusCode;
        // Heard before any byte leaves, so that whoever reads the response also finds it in the journal.
        responseListener.accept(statusCode);
    }

    private boolean acceptsGzip() {
        List<String> values = http.getRequestHeaders().get("Accept-Encoding");
        if (values == null) {
            return false;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                String[] tokens = part.trim().split(";");
                if (tokens[0].trim().equalsIgnoreCase("gzip")) {
                    return tokens.length < 2 || !tokens[1].replace(" ", "").matches("q=0(\\.0*)?");
                }
            }
        }
        return false;
    }

    /**
     * Parses {@code a=1&b=2} form or query text.
     *
     * @param text the text, may be {@code null}
     * @return decoded names to values, in order
     */
    public static Map<String, List<String>> parseForm(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        return Collections.unmodifiableMap(out);
    }
}
