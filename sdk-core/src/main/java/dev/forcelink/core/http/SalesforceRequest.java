package dev.forcelink.core.http;

import dev.forcelink.core.internal.log.Redaction;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One logical HTTP call to Salesforce, sent with
 * {@link dev.forcelink.core.SalesforceConnection#send(SalesforceRequest,
 * java.net.http.HttpResponse.BodyHandler)}. The target is either a {@linkplain Builder#path(String)
 * path} relative to the instance URL or an {@linkplain Builder#uri(URI) absolute URI} on the same
 * host (for links such as {@code nextRecordsUrl}). The connection adds the bearer token, the
 * correlation id, {@code Accept-Encoding}, {@code Accept} and {@code User-Agent}.
 *
 * <p>Immutable and thread-safe, except that a streamed body's supplier is called once per attempt
 * (see {@link Builder#body(Supplier, String)}). {@link #toString()} shows no header values other
 * than allow-listed ones and no secret query values.
 */
public final class SalesforceRequest {
  private static final Pattern METHOD = Pattern.compile("[A-Z]{3,10}");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final String method;
  private final String path;
  private final URI absoluteUri;
  private final List<Map.Entry<String, String>> queryParams;
  private final List<Map.Entry<String, String>> headers;
  private final byte[] bodyBytes;
  private final Supplier<HttpRequest.BodyPublisher> bodySupplier;
  private final String contentType;
  private final Idempotency idempotency;
  private final String correlationId;
  private final boolean authenticated;
  private final Duration timeout;
  private final String description;
  private final boolean describedByCaller;

  private SalesforceRequest(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.absoluteUri = b.absoluteUri;
    this.queryParams = List.copyOf(b.queryParams);
    this.headers = List.copyOf(b.headers);
    this.bodyBytes = b.bodyBytes;
    this.bodySupplier = b.bodySupplier;
    this.contentType = b.contentType;
    this.idempotency = b.idempotency != null ? b.idempotency : Idempotency.defaultFor(b.method);
    this.correlationId = b.correlationId;
    this.authenticated = b.authenticated;
    this.timeout = b.timeout;
    this.describedByCaller = b.description != null;
    this.description = describedByCaller ? b.description : b.method + " " + redactedTarget();
  }

  /**
   * Starts a builder (method GET, authenticated).
   *
   * @return a builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this request's values.
   *
   * @return a builder; not thread-safe
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.method = method;
    b.path = path;
    b.absoluteUri = absoluteUri;
    b.queryParams.addAll(queryParams);
    b.headers.addAll(headers);
    b.bodyBytes = bodyBytes;
    b.bodySupplier = bodySupplier;
    b.contentType = contentType;
    b.idempotency = idempotency;
    b.correlationId = correlationId;
    b.authenticated = authenticated;
    b.timeout = timeout;
    // A derived description would go stale if the method or target changes.
    b.description = describedByCaller ? description : null;
    return b;
  }

  /**
   * Returns the HTTP method in upper case.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * Returns the path relative to the instance URL, when the request was built with one.
   *
   * @return the path, possibly with a query string the caller wrote into it
   */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /**
   * Returns the absolute target, when the request was built with {@link Builder#uri(URI)}.
   *
   * @return the absolute URI
   */
  public Optional<URI> absoluteUri() {
    return Optional.ofNullable(absoluteUri);
  }

  /**
   * Returns the query parameters in the order they were added (not yet encoded).
   *
   * @return an unmodifiable list of name/value pairs
   */
  public List<Map.Entry<String, String>> queryParams() {
    return queryParams;
  }

  /**
   * Returns the caller's headers in the order they were added.
   *
   * @return an unmodifiable list of name/value pairs
   */
  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /**
   * Returns the first value of a caller-set header, compared without case.
   *
   * @param name the header name
   * @return the value, if set
   */
  public Optional<String> header(String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return Optional.of(h.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether the request has a body.
   *
   * @return true when a body was set
   */
  public boolean hasBody() {
    return bodyBytes != null || bodySupplier != null;
  }

  /**
   * Returns a read-only view of an in-memory body.
   *
   * @return the body bytes, empty for a streamed body or no body
   */
  public Optional<ByteBuffer> bodyBytes() {
    return bodyBytes == null ? Optional.empty() : Optional.of(ByteBuffer.wrap(bodyBytes).asReadOnlyBuffer());
  }

  /**
   * Returns a fresh publisher of the body, for one attempt. For a streamed body this calls the
   * caller's supplier.
   *
   * @return the publisher; {@code noBody()} when the request has none
   */
  public HttpRequest.BodyPublisher newBodyPublisher() {
    if (bodyBytes != null) {
      return HttpRequest.BodyPublishers.ofByteArray(bodyBytes);
    }
    if (bodySupplier != null) {
      return Objects.requireNonNull(bodySupplier.get(), "body supplier returned null");
    }
    return HttpRequest.BodyPublishers.noBody();
  }

  /**
   * Returns the body's content type.
   *
   * @return the content type, if a body was set
   */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /**
   * Returns the idempotency, as set or as derived from the method.
   *
   * @return the idempotency
   */
  public Idempotency idempotency() {
    return idempotency;
  }

  /**
   * Returns the caller-given correlation id.
   *
   * @return the id, or empty when the connection should generate one
   */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /**
   * Tells whether the bearer token is added.
   *
   * @return true unless the request was marked unauthenticated
   */
  public boolean authenticated() {
    return authenticated;
  }

  /**
   * Returns the per-attempt timeout override.
   *
   * @return the timeout, if set
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Returns the description used in logs and error messages.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * Returns the path without its query string, for logs and events.
   *
   * @return the path, such as {@code /services/data/v65.0/query}
   */
  public String logPath() {
    String p = absoluteUri != null ? absoluteUri.getRawPath() : path;
    int q = p == null ? -1 : p.indexOf('?');
    return p == null ? "" : q >= 0 ? p.substring(0, q) : p;
  }

  /**
   * Returns the encoded query string (parameters written into the path first, then those added
   * with {@link Builder#queryParam(String, String)}), without the leading {@code ?}.
   *
   * @return the query string, empty when there is none
   */
  public String encodedQuery() {
    StringBuilder sb = new StringBuilder();
    String inline = absoluteUri != null ? absoluteUri.getRawQuery() : queryOf(path);
    if (inline != null && !inline.isEmpty()) {
      sb.append(inline);
    }
    for (Map.Entry<String, String> p : queryParams) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  private static String queryOf(String path) {
    int q = path.indexOf('?');
    return q >= 0 ? path.substring(q + 1) : null;
  }

  private String redactedTarget() {
    String query = encodedQuery();
    return query.isEmpty() ? logPath() : logPath() + "?" + Redaction.redactFormEncoded(query);
  }

  /** Returns the method, target (secret query values redacted) and settings; no body or token. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SalesforceRequest{")
        .append(method).append(' ').append(redactedTarget());
    if (absoluteUri != null) {
      sb.append(", host=").append(absoluteUri.getHost());
    }
    sb.append(", idempotency=").append(idempotency)
        .append(", authenticated=").append(authenticated);
    if (correlationId != null) {
      sb.append(", correlationId=").append(correlationId);
    }
    if (!headers.isEmpty()) {
      sb.append(", headers=[");
      for (int i = 0; i < headers.size(); i++) {
        Map.Entry<String, String> h = headers.get(i);
        sb.append(i == 0 ? "" : ", ").append(h.getKey()).append('=')
            .append(Redaction.headerValueForLog(h.getKey(), h.getValue()));
      }
      sb.append(']');
    }
    if (hasBody()) {
      sb.append(", body=").append(bodyBytes != null ? bodyBytes.length + " bytes" : "streamed")
          .append(' ').append(contentType);
    }
    if (timeout != null) {
      sb.append(", timeout=").append(timeout);
    }
    return sb.append('}').toString();
  }

  /** Builds a {@link SalesforceRequest}. Not thread-safe. */
  public static final class Builder {
    private String method = "GET";
    private String path;
    private URI absoluteUri;
    private final List<Map.Entry<String, String>> queryParams = new ArrayList<>();
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private byte[] bodyBytes;
    private Supplier<HttpRequest.BodyPublisher> bodySupplier;
    private String contentType;
    private Idempotency idempotency;
    private String correlationId;
    private boolean authenticated = true;
    private Duration timeout;
    private String description;

    private Builder() {}

    /**
     * Sets the HTTP method.
     *
     * @param method such as {@code GET} or {@code PATCH}; upper-cased
     * @return this builder
     * @throws IllegalArgumentException if not an HTTP method token
     */
    public Builder method(String method) {
      String m = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
      if (!METHOD.matcher(m).matches()) {
        throw new IllegalArgumentException("Not an HTTP method: '" + method + "'");
      }
      this.method = m;
      return this;
    }

    /** Sets the method to GET. @return this builder */
    public Builder get() {
      return method("GET");
    }

    /** Sets the method to POST. @return this builder */
    public Builder post() {
      return method("POST");
    }

    /** Sets the method to PATCH. @return this builder */
    public Builder patch() {
      return method("PATCH");
    }

    /** Sets the method to PUT. @return this builder */
    public Builder put() {
      return method("PUT");
    }

    /** Sets the method to DELETE. @return this builder */
    public Builder delete() {
      return method("DELETE");
    }

    /**
     * Sets the target as a path relative to the instance URL, such as
     * {@code /services/data/v65.0/sobjects/Account}. Path segments that hold user data must
     * already be percent-encoded. Replaces any {@link #uri(URI)}.
     *
     * @param path an absolute path starting with {@code /}; may carry an encoded query string
     * @return this builder
     * @throws IllegalArgumentException if the path does not start with {@code /} or holds a space
     *     or a fragment
     */
    public Builder path(String path) {
      Objects.requireNonNull(path, "path");
      if (!path.startsWith("/") || path.startsWith("//")) {
        throw new IllegalArgumentException(
            "Request path must start with a single '/' (relative to the instance URL), got '"
                + Redaction.excerpt(path, 200) + "'");
      }
      if (path.indexOf(' ') >= 0 || path.indexOf('#') >= 0) {
        throw new IllegalArgumentException(
            "Request path must be percent-encoded and carry no fragment, got '"
                + Redaction.excerpt(path, 200) + "'");
      }
      this.path = path;
      this.absoluteUri = null;
      return this;
    }

    /**
     * Sets the target as a URI: an absolute one on the instance's host (checked when sent: another
     * host is refused), or a relative one such as a {@code nextRecordsUrl}, which is used as a
     * path. Replaces any {@link #path(String)}.
     *
     * @param uri the target
     * @return this builder
     * @throws IllegalArgumentException if the URI is opaque, has a fragment, or is relative without
     *     a path starting with {@code /}
     */
    public Builder uri(URI uri) {
      Objects.requireNonNull(uri, "uri");
      if (uri.isOpaque() || uri.getRawFragment() != null) {
        throw new IllegalArgumentException("Request URI must be hierarchical without a fragment");
      }
      if (!uri.isAbsolute()) {
        String raw = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return path(raw);
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("Request URI has no host");
      }
      this.absoluteUri = uri;
      this.path = null;
      return this;
    }

    /**
     * Adds a query parameter; names and values are form-encoded when sent, in the order added.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder queryParam(String name, String value) {
      queryParams.add(new AbstractMap.SimpleImmutableEntry<>(
          Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
      return this;
    }

    /**
     * Adds a header. {@code Authorization}, {@code X-SFDC-REQUEST-ID}, {@code User-Agent},
     * {@code Accept-Encoding} and {@code Content-Encoding} are set by the connection (a caller
     * {@code Authorization} is used only on unauthenticated requests); {@code Accept} defaults to
     * {@code application/json} unless set here.
     *
     * @param name the header name
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException for a malformed name or value, or a header the HTTP client
     *     sets itself ({@code Host}, {@code Content-Length}, {@code Connection}, {@code Expect},
     *     {@code Upgrade})
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "header name");
      Objects.requireNonNull(value, "header value");
      if (!HEADER_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("Not a valid header name: '" + Redaction.excerpt(name, 80) + "'");
      }
      if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("Header " + name + " is set by the HTTP client and cannot be set here");
      }
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("Header " + name + " must not contain a line break");
      }
      headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
      return this;
    }

    /**
     * Sets an in-memory body, which every attempt can resend. The array is copied.
     *
     * @param bytes the body
     * @param contentType its content type, such as {@code application/json}
     * @return this builder
     */
    public Builder body(byte[] bytes, String contentType) {
      this.bodyBytes = Objects.requireNonNull(bytes, "body").clone();
      this.bodySupplier = null;
      this.contentType = Objects.requireNonNull(contentType, "contentType");
      return this;
    }

    /**
     * Sets a streamed body. The supplier is called once per attempt and must return a publisher of
     * the complete body each time; a supplier that can be called only once (one that reads a
     * one-shot {@code InputStream}, say) makes the request unreplayable, so mark such a request
     * {@link Idempotency#NON_IDEMPOTENT} or use {@link dev.forcelink.core.retry.RetryPolicy#none()}.
     * Streamed bodies are never compressed.
     *
     * @param supplier gives a fresh publisher per attempt
     * @param contentType the content type, such as {@code text/csv}
     * @return this builder
     */
    public Builder body(Supplier<HttpRequest.BodyPublisher> supplier, String contentType) {
      this.bodySupplier = Objects.requireNonNull(supplier, "body supplier");
      this.bodyBytes = null;
      this.contentType = Objects.requireNonNull(contentType, "contentType");
      return this;
    }

    /**
     * Overrides the idempotency derived from the method; mark upserts by external id, calls with
     * an idempotency key and ledger-checked calls {@link Idempotency#PROTECTED}.
     *
     * @param idempotency the idempotency
     * @return this builder
     */
    public Builder idempotency(Idempotency idempotency) {
      this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
      return this;
    }

    /**
     * Sets the correlation id sent in {@code X-SFDC-REQUEST-ID} on every attempt; by default the
     * connection generates a 32-hex-digit id per call.
     *
     * @param correlationId printable ASCII, at most 128 characters
     * @return this builder
     * @throws IllegalArgumentException if empty, too long or not printable ASCII
     */
    public Builder correlationId(String correlationId) {
      Objects.requireNonNull(correlationId, "correlationId");
      if (correlationId.isEmpty() || correlationId.length() > 128
          || !correlationId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException(
            "correlationId must be 1-128 printable ASCII characters without spaces");
      }
      this.correlationId = correlationId;
      return this;
    }

    /**
     * Sets whether the bearer token is added; default true. Unauthenticated calls (the versions
     * list, OAuth endpoints) also skip the API budget guard.
     *
     * @param authenticated whether to authenticate
     * @return this builder
     */
    public Builder authenticated(boolean authenticated) {
      this.authenticated = authenticated;
      return this;
    }

    /**
     * Overrides the retry policy's per-attempt timeout for this request.
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets a short description for logs and error messages, such as {@code "create Account"}; by
     * default the method and path. Must not contain secrets.
     *
     * @param description the description
     * @return this builder
     */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalStateException if no path or URI was set
     */
    public SalesforceRequest build() {
      if (path == null && absoluteUri == null) {
        throw new IllegalStateException("A request needs a path(...) or a uri(...)");
      }
      return new SalesforceRequest(this);
    }
  }
}
