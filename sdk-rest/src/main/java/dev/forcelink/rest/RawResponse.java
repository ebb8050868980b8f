package dev.forcelink.rest;

import dev.forcelink.core.exception.ResponseDecodeException;
import dev.forcelink.core.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The response of a raw request ({@link RestClient#raw}): status, headers and body as they came.
 * Error statuses never reach it; they become exceptions as for every other call.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never prints the body.
 */
public final class RawResponse {
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final String correlationId;

  RawResponse(int statusCode, Map<String, List<String>> headers, byte[] body, String correlationId) {
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body == null ? new byte[0] : body;
    this.correlationId = correlationId;
  }

  /** @return the HTTP status, 2xx or 304 */
  public int statusCode() {
    return statusCode;
  }

  /** @return every header; unmodifiable */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the first value of a header, compared without case.
   *
   * @param name the header name
   * @return the value, if present
   */
  public Optional<String> header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return Optional.of(e.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  /** @return a copy of the body bytes; empty when there was none */
  public byte[] body() {
    return body.clone();
  }

  /** @return the body as UTF-8 text */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** @return the correlation id sent with the request */
  public String correlationId() {
    return correlationId;
  }

  /**
   * Parses the body as JSON into plain Java values: {@code Map}, {@code List}, {@code String},
   * numbers, {@code Boolean}, null.
   *
   * @return the value; null for an empty body
   * @throws ResponseDecodeException if the body is not JSON
   */
  public Object json() {
    if (body.length == 0) {
      return null;
    }
    try {
      return Json.mapper().readValue(body, Object.class);
    } catch (IOException e) {
      throw new ResponseDecodeException("The response body is not JSON: "
          + Responses.excerpt(body), e, correlationId);
    }
  }

  @Override
  public String toString() {
    return "RawResponse{status=" + statusCode + ", " + body.length + " bytes, correlationId=" + correlationId + "}";
  }
}
