package dev.forcelink.bulk;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often job status is polled: the first wait, a growth factor and a cap, each wait jittered
 * (a random 50–100 % of its ceiling) so that many clients do not poll in step. The default, 1 s
 * growing by 1.5× to 30 s, polls a one-hour job about 130 times and a one-minute job about 10.
 *
 * <p>Immutable and thread-safe.
 */
public final class PollBackoff {
  private static final PollBackoff DEFAULTS = new PollBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 1.5);

  private final Duration initial;
  private final Duration max;
  private final double multiplier;

  private PollBackoff(Duration initial, Duration max, double multiplier) {
    this.initial = initial;
    this.max = max;
    this.multiplier = multiplier;
  }

  /**
   * Returns the default backoff: 1 s growing by 1.5× to 30 s.
   *
   * @return the default
   */
  public static PollBackoff defaults() {
    return DEFAULTS;
  }

  /**
   * Creates a backoff.
   *
   * @param initial the first wait; positive
   * @param max the longest wait; at least {@code initial}
   * @param multiplier the growth per poll; at least 1
   * @return the backoff
   * @throws IllegalArgumentException if a value is out of range
   */
  public static PollBackoff of(Duration initial, Duration max, double multiplier) {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial poll wait must be positive, got " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max poll wait " + max + " is shorter than the initial " + initial);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be a finite number of at least 1, got " + multiplier);
    }
    return new PollBackoff(initial, max, multiplier);
  }

  /** @return the first wait */
  public Duration initial() {
    return initial;
  }

  /** @return the longest wait */
  public Duration max() {
    return max;
  }

  /** @return the growth per poll */
  public double multiplier() {
    return multiplier;
  }

  /**
   * Returns the ceiling of the wait before poll number {@code poll} (0-based), without jitter.
   *
   * @param poll how many polls were made before
   * @return the ceiling
   */
  public Duration ceiling(int poll) {
    double nanos = initial.toNanos() * Math.pow(multiplier, Math.min(poll, 200));
    return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
  }

  /**
   * Returns a jittered wait: a random 50–100 % of {@link #ceiling(int)}.
   *
   * @param poll how many polls were made before
   * @return the wait
   */
  public Duration delay(int poll) {
    long c = ceiling(poll).toNanos();
    return Duration.ofNanos(c / 2 + ThreadLocalRandom.current().nextLong(c / 2 + 1));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PollBackoff && ((PollBackoff) o).initial.equals(initial)
        && ((PollBackoff) o).max.equals(max) && ((PollBackoff) o).multiplier == multiplier;
  }

  @Override
  public int hashCode() {
    return Objects.hash(initial, max, multiplier);
  }

  @Override
  public String toString() {
    return "PollBackoff{initial=" + initial + ", max=" + max + ", multiplier=" + multiplier + "}";
  }
}
