package dev.forcelink.rest.collections;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How to re-send records that failed with {@code UNABLE_TO_LOCK_ROW}: how many attempts in all
 * (the first send included) and the backoff between rounds, which doubles from
 * {@link Builder#baseDelay(Duration)} up to {@link Builder#maxDelay(Duration)}, with jitter
 * (each delay lies between half and all of its ceiling). Lock contention clears slowly, so the
 * default base is 1 second.
 *
 * <p>Immutable and thread-safe.
 */
public final class LockRetry {
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;

  private LockRetry(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
  }

  /**
   * Returns the defaults: 3 attempts, 1 s base delay, 20 s maximum.
   *
   * @return the defaults
   */
  public static LockRetry defaults() {
    return builder().build();
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the most times a record is sent.
   *
   * @return at least 2
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns the delay before the first retry round.
   *
   * @return the base delay
   */
  public Duration baseDelay() {
    return baseDelay;
  }

  /**
   * Returns the longest delay between rounds.
   *
   * @return the maximum delay
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** The delay before retry round {@code round} (1 for the first retry). */
  Duration delayBefore(int round) {
    long base = baseDelay.toMillis();
    long ceiling = Math.min(maxDelay.toMillis(), base << Math.min(round - 1, 20));
    long half = ceiling / 2;
    return Duration.ofMillis(half + (ceiling - half == 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling - half + 1)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LockRetry && ((LockRetry) o).maxAttempts == maxAttempts
        && ((LockRetry) o).baseDelay.equals(baseDelay) && ((LockRetry) o).maxDelay.equals(maxDelay);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, baseDelay, maxDelay);
  }

  @Override
  public String toString() {
    return "LockRetry{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay + "}";
  }

  /** Builds a {@link LockRetry}. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofSeconds(1);
    private Duration maxDelay = Duration.ofSeconds(20);

    private Builder() {}

    /**
     * Sets the most times a record is sent, the first send included.
     *
     * @param maxAttempts 2 to 10
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 2 || maxAttempts > 10) {
        throw new IllegalArgumentException("maxAttempts must be between 2 and 10, got " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the delay before the first retry round.
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
     * Sets the longest delay between rounds.
     *
     * @param maxDelay zero or positive
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = nonNegative(maxDelay, "maxDelay");
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     * @throws IllegalArgumentException if the base delay exceeds the maximum
     */
    public LockRetry build() {
      if (baseDelay.compareTo(maxDelay) > 0) {
        throw new IllegalArgumentException("baseDelay " + baseDelay + " exceeds maxDelay " + maxDelay);
      }
      return new LockRetry(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      }
      return d;
    }
  }
}
