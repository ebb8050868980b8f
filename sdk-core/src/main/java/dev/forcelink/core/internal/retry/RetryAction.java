package dev.forcelink.core.internal.retry;

/** What to do about one failed attempt, before the idempotency guard and the budget are applied. */
public enum RetryAction {
  /** Transient: retry with the ordinary backoff. */
  RETRY,
  /** Throttling or row-lock contention: retry with the throttled (longer) backoff. */
  RETRY_THROTTLED,
  /** Ambiguous server error (500 {@code UNKNOWN_EXCEPTION}): at most one retry, only if idempotent. */
  RETRY_ONCE,
  /** The token was rejected: refresh it once and resend once; not counted as a retry. */
  REFRESH_ONCE,
  /** The org's daily quota is spent: fail at once with the usage, never retry. */
  QUOTA_FAIL,
  /** Permanent: fail at once. */
  FAIL;

  /**
   * Tells whether the action may lead to a retry counted against the policy.
   *
   * @return true for the three retry actions
   */
  public boolean isRetry() {
    return this == RETRY || this == RETRY_THROTTLED || this == RETRY_ONCE;
  }
}
