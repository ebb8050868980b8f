package dev.forcelink.core.internal.retry;

import dev.forcelink.core.retry.RetryBudget;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live token bucket of a connection's {@link RetryBudget}: a retry takes
 * {@link RetryBudget#retryCost()} tokens and is refused when too few are left; a successful call
 * puts {@link RetryBudget#successRefund()} back, up to the capacity. It starts full.
 *
 * <p>Thread-safe (lock-free). Internal to Forcelink.
 */
public final class LiveRetryBudget {
  private final RetryBudget settings;
  private final AtomicInteger tokens;

  /**
   * Creates a full bucket.
   *
   * @param settings the budget settings
   */
  public LiveRetryBudget(RetryBudget settings) {
    this.settings = settings;
    this.tokens = new AtomicInteger(settings.capacity());
  }

  /**
   * Takes the cost of one retry if enough tokens are left.
   *
   * @return true if the retry may go ahead
   */
  public boolean tryAcquireRetry() {
    int cost = settings.retryCost();
    if (cost == 0) {
      return true;
    }
    while (true) {
      int now = tokens.get();
      if (now < cost) {
        return false;
      }
      if (tokens.compareAndSet(now, now - cost)) {
        return true;
      }
    }
  }

  /** Puts the success refund back, up to the capacity. */
  public void recordSuccess() {
    int refund = settings.successRefund();
    if (refund > 0) {
      tokens.updateAndGet(t -> Math.min(settings.capacity(), t + refund));
    }
  }

  /**
   * Returns the tokens left.
   *
   * @return the current level
   */
  public int available() {
    return tokens.get();
  }

  /**
   * Returns the settings.
   *
   * @return the settings
   */
  public RetryBudget settings() {
    return settings;
  }
}
