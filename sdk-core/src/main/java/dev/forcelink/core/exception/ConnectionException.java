package dev.forcelink.core.exception;

/**
 * The connection failed: refused, reset, or closed before a complete response arrived. Whether the
 * request reached the server is unknown, so a non-idempotent request is not retried.
 *
 * <p>Immutable once thrown.
 */
public class ConnectionException extends ForcelinkClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong
   * @param cause the I/O failure
   * @param correlationId the correlation id, or null
   */
  public ConnectionException(String message, Throwable cause, String correlationId) {
    super(message, cause, correlationId, true);
  }
}
