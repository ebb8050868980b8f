package dev.forcelink.core.exception;

/**
 * A failure on the client side: the request could not be sent, no complete response arrived, the
 * response could not be decoded, or a local guard refused the call.
 *
 * <p>Immutable once thrown.
 */
public class ForcelinkClientException extends ForcelinkException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  /**
   * Creates a client-side exception.
   *
   * @param message what went wrong and what to do
   * @param cause the underlying cause, or null
   * @param correlationId the correlation id, or null
   * @param retryable whether a later attempt may succeed
   */
  public ForcelinkClientException(String message, Throwable cause, String correlationId, boolean retryable) {
    super(message, cause, correlationId, null);
    this.retryable = retryable;
  }

  @Override
  public boolean isRetryable() {
    return retryable;
  }
}
