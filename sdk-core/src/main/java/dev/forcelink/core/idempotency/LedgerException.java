package dev.forcelink.core.idempotency;

import dev.forcelink.core.exception.ForcelinkClientException;

/**
 * A processed-message ledger could not read or write its store. The message names the operation and
 * the table, never connection details; the driver's exception is the cause.
 *
 * <p>Immutable once thrown.
 */
public class LedgerException extends ForcelinkClientException {
  private static final long serialVersionUID = 1L;

  LedgerException(String message, Throwable cause, boolean retryable) {
    super(message, cause, null, retryable);
  }
}
