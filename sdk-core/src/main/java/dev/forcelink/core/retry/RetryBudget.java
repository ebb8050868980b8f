package dev.forcelink.core.retry;

/**
 * The settings of a retry budget: a token bucket that every retry draws from and every success
 * refills a little, so that a long outage cannot multiply the load on Salesforce. The defaults are
 * the AWS SDK "standard" constants: a bucket of 500 tokens, 5 tokens per retry, 1 token back per
 * successful call. With no successes the bucket allows {@code capacity / retryCost} retries (100 by
 * default); first attempts are never refused.
 *
 * <p>This is a settings value; the live bucket belongs to the
 * {@link dev.forcelink.core.SalesforceConnection} (shared by every client built on it).
 *
 * @param capacity the bucket size in tokens; positive
 * @param retryCost tokens one retry takes; zero disables the budget
 * @param successRefund tokens a successful call puts back; zero or positive
 */
public record RetryBudget(int capacity, int retryCost, int successRefund) {
  private static final RetryBudget DEFAULTS = new RetryBudget(500, 5, 1);
  private static final RetryBudget UNLIMITED = new RetryBudget(1, 0, 0);

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the capacity is not positive or a cost is negative
   */
  public RetryBudget {
    if (capacity <= 0) {
      throw new IllegalArgumentException("Retry budget capacity must be positive, got " + capacity);
    }
    if (retryCost < 0 || successRefund < 0) {
      throw new IllegalArgumentException(
          "Retry budget costs must not be negative, got retryCost=" + retryCost
              + ", successRefund=" + successRefund);
    }
  }

  /**
   * Returns the default budget: capacity 500, 5 per retry, 1 back per success.
   *
   * @return the defaults
   */
  public static RetryBudget defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a budget that never refuses a retry (retries are then bounded only by the policy's
   * attempts and deadline). Use with care: during an outage every call retries.
   *
   * @return a budget that costs nothing
   */
  public static RetryBudget unlimited() {
    return UNLIMITED;
  }

  /**
   * Tells whether this budget ever refuses a retry.
   *
   * @return false when retries cost nothing
   */
  public boolean isLimited() {
    return retryCost > 0;
  }
}
