package dev.forcelink.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void defaultsFollowTheAwsStandardMode() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.maxAttempts()).isEqualTo(3);
    assertThat(p.baseDelay()).isEqualTo(Duration.ofMillis(100));
    assertThat(p.throttledBaseDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.maxBackoff()).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.attemptTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(p.callTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.budget()).isEqualTo(new RetryBudget(500, 5, 1));
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.builder().build()).isEqualTo(p);
  }

  @Test
  void backoffCeilingDoublesFromTheRightBaseUpToTheCap() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.backoffCeiling(1, false)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.backoffCeiling(2, false)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.backoffCeiling(3, false)).isEqualTo(Duration.ofMillis(400));
    assertThat(p.backoffCeiling(1, true)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.backoffCeiling(5, true)).isEqualTo(Duration.ofSeconds(16));
    assertThat(p.backoffCeiling(6, true)).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.backoffCeiling(10_000, true)).isEqualTo(Duration.ofSeconds(20));
    assertThatThrownBy(() -> p.backoffCeiling(0, false)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toBuilderRoundTripsAndValidates() {
    RetryPolicy p = RetryPolicy.builder().maxAttempts(5).baseDelay(Duration.ofMillis(7))
        .budget(RetryBudget.unlimited()).build();
    assertThat(p.toBuilder().build()).isEqualTo(p).hasSameHashCodeAs(p);
    assertThat(p.toString()).contains("maxAttempts=5");
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().callTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryBudget(0, 5, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
