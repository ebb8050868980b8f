package dev.forcelink.core.http;

import dev.forcelink.core.limits.ApiUsage;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A successful (2xx or 304) response: the status, headers, the body as the caller's
 * {@link java.net.http.HttpResponse.BodyHandler} produced it, and what the pipeline learned on the
 * way (correlation id, the server's request id, API usage, attempts).
 *
 * <p>Immutable and thread-safe if the body is. {@link #toString()} never prints the body.
 *
 * @param <T> the body type
 */
public final class SalesforceResponse<T> {
  private final int statusCode;
  private final HttpHeaders headers;
  private final T body;
  private final String correlationId;
  private final String requestId;
  private final ApiUsage apiUsage;
  private final int attempts;

  private SalesforceResponse(int statusCode, HttpHeaders headers, T body, String correlationId,
      String requestId, ApiUsage apiUsage, int attempts) {
    this.statusCode = statusCode;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = body;
    this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
    this.requestId = requestId;
    this.apiUsage = apiUsage;
    this.attempts = attempts;
  }

  /**
   * Creates a response; used by the connection and by tests that fake one.
   *
   * @param statusCode the HTTP status
   * @param headers the response headers
   * @param body the decoded body, possibly null
   * @param correlationId the correlation id sent with the request
   * @param requestId the server's request id, or null
   * @param apiUsage the usage the response reported, or null
   * @param attempts attempts made, at least 1
   * @param <T> the body type
   * @return the response
   * @throws IllegalArgumentException if {@code attempts} is below 1
   */
  public static <T> SalesforceResponse<T> of(int statusCode, HttpHeaders headers, T body,
      String correlationId, String requestId, ApiUsage apiUsage, int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }
    return new SalesforceResponse<>(statusCode, headers, body, correlationId, requestId, apiUsage,
        attempts);
  }

  /**
   * Returns the HTTP status code.
   *
   * @return the status, 2xx or 304
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns all response headers (names compared without case).
   *
   * @return the headers
   */
  public HttpHeaders headers() {
    return headers;
  }

  /**
   * Returns the first value of a header, compared without case.
   *
   * @param name the header name
   * @return the value, if present
   */
  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /**
   * Returns every value of a header, compared without case.
   *
   * @param name the header name
   * @return the values, empty when absent
   */
  public List<String> headers(String name) {
    return headers.allValues(name);
  }

  /**
   * Returns the body produced by the caller's handler.
   *
   * @return the body; null for handlers that produce none
   */
  public T body() {
    return body;
  }

  /**
   * Returns the correlation id sent in {@code X-SFDC-REQUEST-ID}.
   *
   * @return the correlation id
   */
  public String correlationId() {
    return correlationId;
  }

  /**
   * Returns the server's request id ({@code x-sfdc-request-id} or {@code x-request-id}).
   *
   * @return the request id, if the server sent one
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * Returns the API usage this response reported in {@code Sforce-Limit-Info}.
   *
   * @return the usage, if reported
   */
  public Optional<ApiUsage> apiUsage() {
    return Optional.ofNullable(apiUsage);
  }

  /**
   * Returns how many attempts the call took (a resend after a token refresh counts).
   *
   * @return at least 1
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Returns a response with the same metadata and a converted body.
   *
   * @param mapper converts the body
   * @param <U> the new body type
   * @return the new response
   */
  public <U> SalesforceResponse<U> map(Function<? super T, ? extends U> mapper) {
    return new SalesforceResponse<>(statusCode, headers, mapper.apply(body), correlationId,
        requestId, apiUsage, attempts);
  }

  /** Returns the status and ids; never the body or header values. */
  @Override
  public String toString() {
    return "SalesforceResponse{status=" + statusCode
        + ", correlationId=" + correlationId
        + (requestId != null ? ", requestId=" + requestId : "")
        + ", attempts=" + attempts + "}";
  }
}
