package dev.forcelink.core.event;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The server rejected a token and the connection obtained a newer one. Carries no token value.
 *
 * @param instanceUrl the instance URL of the new token
 * @param reason why, such as {@code HTTP 401 INVALID_SESSION_ID}
 * @param correlationId the call that saw the rejection
 * @param refreshedAt when the new token was obtained
 */
public record TokenRefreshed(URI instanceUrl, String reason, String correlationId, Instant refreshedAt) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if any component is null
   */
  public TokenRefreshed {
    Objects.requireNonNull(instanceUrl, "instanceUrl");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(refreshedAt, "refreshedAt");
  }
}
