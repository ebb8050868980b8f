package dev.forcelink.pubsub;

import dev.forcelink.core.exception.ForcelinkClientException;

/**
 * A {@link ReplayStore} could not read or write a position. Immutable and thread-safe.
 */
public final class ReplayStoreException extends ForcelinkClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to check
   * @param cause the underlying failure, or null
   */
  public ReplayStoreException(String message, Throwable cause) {
    super(message, cause, null, false);
  }
}
