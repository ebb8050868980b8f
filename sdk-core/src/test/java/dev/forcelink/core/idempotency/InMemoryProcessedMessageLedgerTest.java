package dev.forcelink.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryProcessedMessageLedgerTest extends ProcessedMessageLedgerContract {

  @Override
  ProcessedMessageLedger newLedger(MutableClock clock) {
    return InMemoryProcessedMessageLedger.builder().clock(clock).build();
  }

  @Test
  void keepsAtMostMaxEntriesDroppingTheOldestFirst() {
    MutableClock clock = new MutableClock(START);
    InMemoryProcessedMessageLedger ledger =
        InMemoryProcessedMessageLedger.builder().maxEntries(3).clock(clock).build();

    for (String id : new String[] {"a", "b", "c", "d"}) {
      clock.advance(Duration.ofSeconds(1));
      ledger.markProcessed(id);
    }

    assertThat(ledger.size()).isEqualTo(3);
    assertThat(ledger.isProcessed("a")).isFalse();
    assertThat(ledger.isProcessed("b")).isTrue();
    assertThat(ledger.isProcessed("d")).isTrue();
  }

  @Test
  void forgetsIdsOnceTheRetentionHasPassed() {
    MutableClock clock = new MutableClock(START);
    InMemoryProcessedMessageLedger ledger =
        InMemoryProcessedMessageLedger.builder()
            .retention(Duration.ofHours(1))
            .clock(clock)
            .build();
    AtomicInteger runs = new AtomicInteger();
    ledger.processOnce("m-1", runs::incrementAndGet);

    clock.advance(Duration.ofMinutes(59));
    assertThat(ledger.isProcessed("m-1")).isTrue();
    assertThat(ledger.processOnce("m-1", runs::incrementAndGet)).isFalse();

    clock.advance(Duration.ofMinutes(1));
    assertThat(ledger.isProcessed("m-1")).isFalse();
    assertThat(ledger.size()).isZero();
    assertThat(ledger.processOnce("m-1", runs::incrementAndGet)).isTrue();
    assertThat(runs).hasValue(2);
  }

  @Test
  void anIdRecordedAgainAfterExpiryIsTheYoungestForEviction() {
    MutableClock clock = new MutableClock(START);
    InMemoryProcessedMessageLedger ledger =
        InMemoryProcessedMessageLedger.builder()
            .maxEntries(2)
            .retention(Duration.ofHours(1))
            .clock(clock)
            .build();
    ledger.markProcessed("a");
    clock.advance(Duration.ofMinutes(30));
    ledger.markProcessed("b");
    clock.advance(Duration.ofMinutes(30)); // "a" expires now, "b" lives 30 more minutes
    ledger.markProcessed("a");
    ledger.markProcessed("c"); // over the bound: the oldest record is "b"

    assertThat(ledger.isProcessed("a")).isTrue();
    assertThat(ledger.isProcessed("b")).isFalse();
    assertThat(ledger.isProcessed("c")).isTrue();
  }

  @Test
  void aVeryLongRetentionDoesNotOverflow() {
    InMemoryProcessedMessageLedger ledger =
        InMemoryProcessedMessageLedger.builder()
            .retention(Duration.ofSeconds(Long.MAX_VALUE))
            .build();

    assertThat(ledger.markProcessed("m-1")).isTrue();
    assertThat(ledger.isProcessed("m-1")).isTrue();
  }

  @Test
  void builderRejectsBadSettings() {
    InMemoryProcessedMessageLedger.Builder builder = InMemoryProcessedMessageLedger.builder();

    assertThatThrownBy(() -> builder.maxEntries(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEntries must be at least 1, got 0");
    assertThatThrownBy(() -> builder.retention(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention must be positive");
    assertThatThrownBy(() -> builder.retention(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.retention(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void createUsesTheDefaults() {
    InMemoryProcessedMessageLedger ledger = InMemoryProcessedMessageLedger.create();

    assertThat(ledger.markProcessed("m-1")).isTrue();
    assertThat(ledger.size()).isEqualTo(1);
  }
}
