package dev.forcelink.core.exception;

/**
 * The org's rolling 24-hour API allocation is used up ({@code REQUEST_LIMIT_EXCEEDED},
 * "TotalRequests Limit exceeded"). Fails at once and is never retried: retrying cannot help until
 * the rolling window frees calls. {@link #apiUsage()} shows the usage when the server sent it.
 *
 * <p>Immutable once thrown.
 */
public class DailyApiLimitExceededException extends RequestLimitExceededException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details the details of the failure
   */
  public DailyApiLimitExceededException(Details details) {
    super(details);
  }

  @Override
  public boolean isDailyQuota() {
    return true;
  }
}
