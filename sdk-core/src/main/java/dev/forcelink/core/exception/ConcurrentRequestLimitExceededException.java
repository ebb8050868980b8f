package dev.forcelink.core.exception;

/**
 * Too many concurrent long-running requests ({@code REQUEST_LIMIT_EXCEEDED}, for example
 * "ConcurrentPerOrgLongTxn Limit exceeded"). Transient: retried with the throttling backoff; if it
 * persists, lower the client's concurrency.
 *
 * <p>Immutable once thrown.
 */
public class ConcurrentRequestLimitExceededException extends RequestLimitExceededException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details the details of the failure
   */
  public ConcurrentRequestLimitExceededException(Details details) {
    super(details);
  }

  @Override
  public boolean isDailyQuota() {
    return false;
  }
}
