package dev.forcelink.core.exception;

/**
 * Salesforce could not lock a row (`UNABLE_TO_LOCK_ROW`). Transient: retried with the longer, throttling backoff.
 *
 * <p>Immutable once thrown.
 */
public class RecordLockedException extends SalesforceServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details the details of the failure
   */
  public RecordLockedException(Details details) {
    super(check(details));
  }
}
