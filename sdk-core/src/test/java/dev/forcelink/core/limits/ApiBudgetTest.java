package dev.forcelink.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiBudgetTest {
  private static ApiUsage usage(long used, long max) {
    return new ApiUsage(used, max, -1, -1, null, -1, -1, Instant.EPOCH);
  }

  @Test
  void refusesAboveTheShareOrWithinTheReserve() {
    ApiBudget b = ApiBudget.maxDailyShare(0.9);
    assertThat(b.refusal(usage(900, 1000))).isEmpty();
    assertThat(b.refusal(usage(901, 1000))).hasValueSatisfying(m -> assertThat(m).contains("901 of 1000", "90.0 %"));
    assertThat(b.refusal(usage(5, 0))).as("no known allocation").isEmpty();
    ApiBudget reserved = ApiBudget.maxDailyShare(1.0).reserve(100);
    assertThat(reserved.refusal(usage(899, 1000))).isEmpty();
    assertThat(reserved.refusal(usage(900, 1000))).hasValueSatisfying(m -> assertThat(m).contains("reserve of 100"));
    assertThat(reserved).isEqualTo(ApiBudget.maxDailyShare(1.0).reserve(100));
  }

  @Test
  void validatesItsSettings() {
    assertThatThrownBy(() -> ApiBudget.maxDailyShare(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiBudget.maxDailyShare(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiBudget.maxDailyShare(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiBudget.maxDailyShare(0.5).reserve(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
