package dev.forcelink.core.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.retry.RetryBudget;
import org.junit.jupiter.api.Test;

class LiveRetryBudgetTest {

  @Test
  void defaultBucketAllowsExactlyOneHundredRetriesThenRefillsOnePerSuccess() {
    LiveRetryBudget bucket = new LiveRetryBudget(RetryBudget.defaults());
    int granted = 0;
    while (bucket.tryAcquireRetry()) {
      granted++;
    }
    assertThat(granted).isEqualTo(100);
    assertThat(bucket.available()).isZero();
    for (int i = 0; i < 4; i++) {
      bucket.recordSuccess();
    }
    assertThat(bucket.tryAcquireRetry()).as("4 tokens are not enough for a retry costing 5").isFalse();
    bucket.recordSuccess();
    assertThat(bucket.tryAcquireRetry()).isTrue();
    for (int i = 0; i < 1000; i++) {
      bucket.recordSuccess();
    }
    assertThat(bucket.available()).as("capped at the capacity").isEqualTo(500);
  }

  @Test
  void unlimitedNeverRefuses() {
    LiveRetryBudget bucket = new LiveRetryBudget(RetryBudget.unlimited());
    for (int i = 0; i < 10_000; i++) {
      assertThat(bucket.tryAcquireRetry()).isTrue();
    }
  }
}
