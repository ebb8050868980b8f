package dev.forcelink.core.exception;

/**
 * Salesforce refused the call with {@code REQUEST_LIMIT_EXCEEDED} (HTTP 403). See the two
 * subclasses: {@link DailyApiLimitExceededException} for the org's rolling 24-hour allocation
 * ({@code TotalRequests}), which is never retried, and {@link ConcurrentRequestLimitExceededException}
 * for too many concurrent long-running requests, which is retried with a throttling backoff.
 *
 * <p>Immutable once thrown.
 */
public abstract class RequestLimitExceededException extends SalesforceServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details the details of the failure
   */
  protected RequestLimitExceededException(Details details) {
    super(check(details));
  }

  /**
   * Tells whether the org's daily API allocation is exhausted (as opposed to a concurrency limit).
   *
   * @return true for the daily quota
   */
  public abstract boolean isDailyQuota();
}
