package dev.forcelink.core.event;

import java.time.Duration;
import java.util.Objects;

/**
 * An attempt failed and another one is scheduled.
 *
 * @param method the HTTP method
 * @param path the request path without query values
 * @param failedAttempt the attempt that failed, from 1
 * @param delay how long before the next attempt
 * @param reason what failed, such as {@code HTTP 503 SERVER_UNAVAILABLE} or {@code connection reset}
 * @param correlationId the id sent in {@code X-SFDC-REQUEST-ID}
 */
public record RetryScheduled(
    String method, String path, int failedAttempt, Duration delay, String reason, String correlationId) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if any component is null
   */
  public RetryScheduled {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(correlationId, "correlationId");
  }
}
