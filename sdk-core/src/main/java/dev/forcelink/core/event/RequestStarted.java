package dev.forcelink.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A logical call started.
 *
 * @param method the HTTP method
 * @param path the request path without query values (secret-bearing or not)
 * @param description the caller's description, or the method and path
 * @param correlationId the id sent in {@code X-SFDC-REQUEST-ID} on every attempt
 * @param startedAt when the call started
 */
public record RequestStarted(
    String method, String path, String description, String correlationId, Instant startedAt) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if any component is null
   */
  public RequestStarted {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
