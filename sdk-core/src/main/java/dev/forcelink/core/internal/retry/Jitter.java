package dev.forcelink.core.internal.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks the actual delay within a backoff ceiling. The default is full jitter (uniform in
 * {@code [0, ceiling]}); tests substitute a deterministic one to observe the ceiling. Internal to
 * Forcelink.
 */
@FunctionalInterface
public interface Jitter {
  /** Full jitter: uniform in {@code [0, ceiling]}. */
  Jitter FULL = ceiling -> ceiling.isZero()
      ? Duration.ZERO
      : Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling.toNanos() + 1));

  /**
   * Picks a delay.
   *
   * @param ceiling the largest allowed delay
   * @return a delay in {@code [0, ceiling]}
   */
  Duration pick(Duration ceiling);
}
