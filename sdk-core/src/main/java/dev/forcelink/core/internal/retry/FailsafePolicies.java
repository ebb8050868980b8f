package dev.forcelink.core.internal.retry;

import dev.failsafe.RetryPolicy;
import java.time.Duration;

/**
 * Builds the Failsafe policy that loops a connection's attempts. Every Failsafe setting that
 * matters is set explicitly (Failsafe's own defaults retry any exception twice with no delay): only
 * a {@link RetrySignal} (the pipeline's own decision) is retried, attempts are capped at the
 * policy's maximum, and the delay is the one the pipeline chose. Internal to Forcelink.
 */
public final class FailsafePolicies {
  private FailsafePolicies() {}

  /**
   * Builds the Failsafe retry policy for a Forcelink retry policy.
   *
   * @param policy the settings
   * @return the Failsafe policy; thread-safe and reusable
   */
  public static RetryPolicy<Object> loop(dev.forcelink.core.retry.RetryPolicy policy) {
    return RetryPolicy.builder()
        .handleIf((result, failure) -> signalIn(failure) != null)
        .withMaxAttempts(policy.maxAttempts())
        .withDelayFn(ctx -> {
          RetrySignal signal = signalIn(ctx.getLastException());
          return signal != null ? signal.delay() : Duration.ZERO;
        })
        .build();
  }

  /**
   * Finds the retry signal in a failure, looking through completion wrappers.
   *
   * @param failure a failure, possibly null
   * @return the signal, or null when the failure is not one
   */
  public static RetrySignal signalIn(Throwable failure) {
    Throwable t = failure;
    while (t instanceof java.util.concurrent.CompletionException
        || t instanceof java.util.concurrent.ExecutionException) {
      t = t.getCause();
    }
    return t instanceof RetrySignal ? (RetrySignal) t : null;
  }
}
