package dev.forcelink.core.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link dev.forcelink.core.SalesforceConnection} retries failed calls: how many attempts,
 * exponential backoff with full jitter, the per-attempt timeout, the whole-call deadline and the
 * retry budget. Which failures are retried is decided by one classifier of Salesforce signals (503,
 * {@code UNABLE_TO_LOCK_ROW}, connection resets, ...) and by the request's idempotency; this value
 * only says how often and how long.
 *
 * <p>The delay before retry {@code n} (1-based: the delay after attempt {@code n}) is a uniformly
 * random duration in {@code [0, min(maxBackoff, base * 2^(n-1))]}, where {@code base} is
 * {@link #baseDelay()} or, for throttling and row-lock errors, {@link #throttledBaseDelay()}.
 *
 * <p>Immutable and thread-safe. Defaults follow the AWS SDK "standard" retry mode.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = new Builder().build();
  private static final RetryPolicy NONE = new Builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration throttledBaseDelay;
  private final Duration maxBackoff;
  private final Duration attemptTimeout;
  private final Duration callTimeout;
  private final RetryBudget budget;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.throttledBaseDelay = b.throttledBaseDelay;
    this.maxBackoff = b.maxBackoff;
    this.attemptTimeout = b.attemptTimeout;
    this.callTimeout = b.callTimeout;
    this.budget = b.budget;
  }

  /**
   * Returns the default policy: 3 attempts, base delay 100 ms, throttled base delay 1 s, backoff
   * cap 20 s, attempt timeout 2 min, call timeout 10 min, {@link RetryBudget#defaults()}.
   *
   * @return the defaults
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a policy that makes one attempt and never retries (the default timeouts still apply).
   * A 401 {@code INVALID_SESSION_ID} still triggers one token refresh and one resend, since that
   * resend is not a retry of a failed operation.
   *
   * @return the single-attempt policy
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * Starts a builder holding the defaults.
   *
   * @return a builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this policy's values.
   *
   * @return a builder; not thread-safe
   */
  public Builder toBuilder() {
    return new Builder()
        .maxAttempts(maxAttempts)
        .baseDelay(baseDelay)
        .throttledBaseDelay(throttledBaseDelay)
        .maxBackoff(maxBackoff)
        .attemptTimeout(attemptTimeout)
        .callTimeout(callTimeout)
        .budget(budget);
  }

  /**
   * Returns the most attempts one call makes, the first included.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns the backoff base for ordinary transient failures.
   *
   * @return the base delay
   */
  public Duration baseDelay() {
    return baseDelay;
  }

  /**
   * Returns the backoff base for throttling and row-lock failures.
   *
   * @return the throttled base delay
   */
  public Duration throttledBaseDelay() {
    return throttledBaseDelay;
  }

  /**
   * Returns the cap of any single backoff delay.
   *
   * @return the cap
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * Returns how long one attempt may take, from sending the request until the body handler has
   * the whole response (for a streaming handler: until it returns). A server that sends headers
   * promptly and then dribbles or stalls the body is cut off at this limit and the connection is
   * aborted, not reused.
   *
   * @return the per-attempt timeout
   */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  /**
   * Returns the deadline of the whole call, all attempts and delays included.
   *
   * @return the call timeout
   */
  public Duration callTimeout() {
    return callTimeout;
  }

  /**
   * Returns the retry budget settings.
   *
   * @return the budget
   */
  public RetryBudget budget() {
    return budget;
  }

  /**
   * Returns the upper bound of the jittered delay after attempt {@code attempt}:
   * {@code min(maxBackoff, base * 2^(attempt-1))}.
   *
   * @param attempt the attempt that just failed, from 1
   * @param throttled whether the failure was throttling (uses the throttled base)
   * @return the largest delay the jitter may pick
   * @throws IllegalArgumentException if {@code attempt} is below 1
   */
  public Duration backoffCeiling(int attempt, boolean throttled) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, got " + attempt);
    }
    Duration base = throttled ? throttledBaseDelay : baseDelay;
    // 2^30 times any sane base is far past every cap; stop doubling there to avoid overflow.
    int shift = Math.min(attempt - 1, 30);
    long nanos;
    try {
      nanos = Math.multiplyExact(base.toNanos(), 1L << shift);
    } catch (ArithmeticException overflow) {
      return maxBackoff;
    }
    return nanos > maxBackoff.toNanos() ? maxBackoff : Duration.ofNanos(nanos);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy p = (RetryPolicy) o;
    return maxAttempts == p.maxAttempts
        && baseDelay.equals(p.baseDelay)
        && throttledBaseDelay.equals(p.throttledBaseDelay)
        && maxBackoff.equals(p.maxBackoff)
        && attemptTimeout.equals(p.attemptTimeout)
        && callTimeout.equals(p.callTimeout)
        && budget.equals(p.budget);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, baseDelay, throttledBaseDelay, maxBackoff, attemptTimeout,
        callTimeout, budget);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts
        + ", baseDelay=" + baseDelay
        + ", throttledBaseDelay=" + throttledBaseDelay
        + ", maxBackoff=" + maxBackoff
        + ", attemptTimeout=" + attemptTimeout
        + ", callTimeout=" + callTimeout
        + ", budget=" + budget
        + "}";
  }

  /** Builds a {@link RetryPolicy}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(100);
    private Duration throttledBaseDelay = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(20);
    private Duration attemptTimeout = Duration.ofMinutes(2);
    private Duration callTimeout = Duration.ofMinutes(10);
    private RetryBudget budget = RetryBudget.defaults();

    private Builder() {}

    /**
     * Sets the most attempts per call, the first included; default 3.
     *
     * @param maxAttempts at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the backoff base for ordinary transient failures; default 100 ms.
     *
     * @param baseDelay zero or positive
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = nonNegative(baseDelay, "baseDelay");
      return this;
    }

    /**
     * Sets the backoff base for throttling and row-lock failures; default 1 s.
     *
     * @param throttledBaseDelay zero or positive
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder throttledBaseDelay(Duration throttledBaseDelay) {
      this.throttledBaseDelay = nonNegative(throttledBaseDelay, "throttledBaseDelay");
      return this;
    }

    /**
     * Sets the cap of any single delay; default 20 s.
     *
     * @param maxBackoff zero or positive
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Sets how long one attempt may take, headers and body together (see {@link
     * RetryPolicy#attemptTimeout()}); default 2 min. A request may override it with {@link dev.forcelink.core.http.SalesforceRequest.Builder#timeout(Duration)}.
     *
     * @param attemptTimeout positive
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder attemptTimeout(Duration attemptTimeout) {
      this.attemptTimeout = positive(attemptTimeout, "attemptTimeout");
      return this;
    }

    /**
     * Sets the deadline of the whole call, all attempts and delays included; default 10 min.
     *
     * @param callTimeout positive
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = positive(callTimeout, "callTimeout");
      return this;
    }

    /**
     * Sets the retry budget; default {@link RetryBudget#defaults()}.
     *
     * @param budget the budget settings
     * @return this builder
     */
    public Builder budget(RetryBudget budget) {
      this.budget = Objects.requireNonNull(budget, "budget");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      }
      return d;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
