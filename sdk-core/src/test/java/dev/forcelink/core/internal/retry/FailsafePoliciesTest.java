package dev.forcelink.core.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicyConfig;
import dev.forcelink.core.exception.ForcelinkClientException;
import dev.forcelink.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FailsafePoliciesTest {
  private static final ForcelinkClientException FAILURE = new ForcelinkClientException("x", null, null, true);

  @Test
  void configuresEveryFieldFromOurPolicyAndNoneOfFailsafesDefaults() {
    RetryPolicy ours = RetryPolicy.builder().maxAttempts(7).build();
    RetryPolicyConfig<Object> config = FailsafePolicies.loop(ours).getConfig();
    assertThat(config.getMaxAttempts()).isEqualTo(7);
    assertThat(config.getMaxRetries()).isEqualTo(6);
    assertThat(config.getDelay()).isEqualTo(Duration.ZERO);
    assertThat(config.getDelayFn()).isNotNull();
    assertThat(config.getMaxDuration()).isNull();
    assertThat(config.getJitter()).isNull();
  }

  @Test
  void retriesOnlyOnTheSignalAndUsesItsDelay() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> Failsafe.with(FailsafePolicies.loop(RetryPolicy.defaults())).get(() -> {
      calls.incrementAndGet();
      throw new IllegalStateException("not a signal");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(calls.get()).as("Failsafe's default of retrying any exception is not used").isEqualTo(1);

    calls.set(0);
    assertThatThrownBy(() -> Failsafe.with(FailsafePolicies.loop(RetryPolicy.builder().maxAttempts(4).build())).get(() -> {
      calls.incrementAndGet();
      throw new RetrySignal(FAILURE, Duration.ofMillis(1));
    })).isInstanceOf(RetrySignal.class);
    assertThat(calls.get()).isEqualTo(4);
  }

  @Test
  void findsTheSignalThroughCompletionWrappers() {
    RetrySignal s = new RetrySignal(FAILURE, Duration.ofMillis(5));
    assertThat(FailsafePolicies.signalIn(new CompletionException(s))).isSameAs(s);
    assertThat(FailsafePolicies.signalIn(FAILURE)).isNull();
    assertThat(FailsafePolicies.signalIn(null)).isNull();
  }
}
