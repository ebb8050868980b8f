package dev.forcelink.core.exception;

/**
 * An attempt or the whole call ran past its configured timeout.
 *
 * <p>Immutable once thrown.
 */
public class RequestTimeoutException extends ForcelinkClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which timeout fired and how long it was
   * @param cause the underlying cause, or null
   * @param correlationId the correlation id, or null
   * @param retryable true for a per-attempt timeout, false once the whole-call deadline has passed
   */
  public RequestTimeoutException(String message, Throwable cause, String correlationId, boolean retryable) {
    super(message, cause, correlationId, retryable);
  }
}
