package dev.forcelink.core.exception;

import java.util.Optional;

/**
 * Base class of every exception Forcelink throws. Unchecked.
 *
 * <p>Immutable once thrown; safe to share between threads.
 */
public abstract class ForcelinkException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String correlationId;
  private final String requestId;

  /**
   * Creates an exception.
   *
   * @param message what went wrong and what to do; must not contain secrets
   * @param cause the underlying cause, or null
   * @param correlationId the correlation id sent with the request, or null
   * @param requestId the server's request id, or null
   */
  protected ForcelinkException(String message, Throwable cause, String correlationId, String requestId) {
    super(decorate(message, correlationId, requestId), cause);
    this.correlationId = correlationId;
    this.requestId = requestId;
  }

  private static String decorate(String message, String correlationId, String requestId) {
    StringBuilder sb = new StringBuilder(message == null ? "" : message);
    if (correlationId != null || requestId != null) {
      sb.append(" [");
      if (correlationId != null) {
        sb.append("correlationId=").append(correlationId);
      }
      if (requestId != null) {
        if (correlationId != null) {
          sb.append(", ");
        }
        sb.append("requestId=").append(requestId);
      }
      sb.append(']');
    }
    return sb.toString();
  }

  /**
   * Returns the correlation id that was sent in {@code X-SFDC-REQUEST-ID}.
   *
   * @return the correlation id, if the failure belongs to a request
   */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /**
   * Returns the request id the server reported ({@code x-sfdc-request-id} or {@code x-request-id}).
   *
   * @return the server's request id, if it sent one
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * Tells whether the same call may succeed if tried again later.
   *
   * @return true if the failure is transient
   */
  public abstract boolean isRetryable();
}
