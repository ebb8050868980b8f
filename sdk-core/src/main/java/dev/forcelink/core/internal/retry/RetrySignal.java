package dev.forcelink.core.internal.retry;

import dev.forcelink.core.exception.ForcelinkException;
import java.time.Duration;
import java.util.Objects;

/**
 * Thrown out of one attempt to tell the Failsafe loop that the pipeline decided to retry after
 * {@link #delay()}. Carries the attempt's real failure, which is rethrown if no retry follows.
 * Internal to Forcelink; never escapes a connection.
 */
public final class RetrySignal extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ForcelinkException failure;
  private final Duration delay;

  /**
   * Creates the signal.
   *
   * @param failure the attempt's failure
   * @param delay the delay before the next attempt
   */
  public RetrySignal(ForcelinkException failure, Duration delay) {
    super(failure.getMessage(), failure, false, false);
    this.failure = Objects.requireNonNull(failure, "failure");
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  /**
   * Returns the attempt's failure.
   *
   * @return the failure
   */
  public ForcelinkException failure() {
    return failure;
  }

  /**
   * Returns the delay before the next attempt.
   *
   * @return the delay
   */
  public Duration delay() {
    return delay;
  }
}
