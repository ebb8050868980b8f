package dev.forcelink.core.event;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A logical call ended.
 *
 * @param method the HTTP method
 * @param path the request path without query values
 * @param statusCode the final HTTP status, or 0 when no response arrived
 * @param failure the exception the call ended with, or null on success
 * @param duration the time from start to end, all attempts included
 * @param attempts how many attempts were made (a resend after a token refresh counts)
 * @param correlationId the id sent in {@code X-SFDC-REQUEST-ID}
 * @param requestId the server's request id of the last response, or null
 */
public record RequestCompleted(
    String method,
    String path,
    int statusCode,
    Throwable failure,
    Duration duration,
    int attempts,
    String correlationId,
    String requestId) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a required component is null
   */
  public RequestCompleted {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(correlationId, "correlationId");
  }

  /**
   * Tells whether the call ended with a response the caller accepted.
   *
   * @return true when there was no failure
   */
  public boolean succeeded() {
    return failure == null;
  }

  /**
   * Returns the failure, if the call failed.
   *
   * @return the failure
   */
  public Optional<Throwable> failureCause() {
    return Optional.ofNullable(failure);
  }
}
