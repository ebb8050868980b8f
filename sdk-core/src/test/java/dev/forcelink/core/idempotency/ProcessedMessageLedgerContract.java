package dev.forcelink.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link ProcessedMessageLedger} shares; each implementation's test extends it. */
abstract class ProcessedMessageLedgerContract {
  static final Instant START = Instant.parse("2024-01-31T10:00:00Z");

  /** Returns a fresh, empty ledger dated by {@code clock}. */
  abstract ProcessedMessageLedger newLedger(MutableClock clock);

  ProcessedMessageLedger newLedger() {
    return newLedger(new MutableClock(START));
  }

  @Test
  void markProcessedRecordsAnIdOnce() {
    ProcessedMessageLedger ledger = newLedger();

    assertThat(ledger.isProcessed("m-1")).isFalse();
    assertThat(ledger.markProcessed("m-1")).isTrue();
    assertThat(ledger.markProcessed("m-1")).isFalse();
    assertThat(ledger.isProcessed("m-1")).isTrue();
    assertThat(ledger.isProcessed("m-2")).isFalse();
  }

  @Test
  void idsThatDifferOnlyInCaseOrTrailingSpaceAreDistinct() {
    ProcessedMessageLedger ledger = newLedger();

    assertThat(ledger.markProcessed("001a0000006Vm9r")).isTrue();
    assertThat(ledger.markProcessed("001A0000006Vm9r")).isTrue();
    assertThat(ledger.markProcessed("001A0000006Vm9r ")).isTrue();
  }

  @Test
  void processOnceRunsTheActionOnlyTheFirstTime() {
    ProcessedMessageLedger ledger = newLedger();
    AtomicInteger runs = new AtomicInteger();

    assertThat(ledger.processOnce("m-1", runs::incrementAndGet)).isTrue();
    assertThat(ledger.processOnce("m-1", runs::incrementAndGet)).isFalse();
    assertThat(runs).hasValue(1);
    assertThat(ledger.isProcessed("m-1")).isTrue();
  }

  @Test
  void processOnceSkipsAnIdRecordedByMarkProcessed() {
    ProcessedMessageLedger ledger = newLedger();
    ledger.markProcessed("m-1");

    assertThat(
            ledger.processOnce(
                "m-1",
                () -> {
                  throw new AssertionError("must not run");
                }))
        .isFalse();
  }

  @Test
  void aFailedActionIsNotRecordedAndRunsAgainOnTheNextCall() {
    ProcessedMessageLedger ledger = newLedger();
    IllegalStateException failure = new IllegalStateException("downstream unavailable");

    assertThatThrownBy(
            () ->
                ledger.processOnce(
                    "m-1",
                    () -> {
                      throw failure;
                    }))
        .isSameAs(failure);
    assertThat(ledger.isProcessed("m-1")).isFalse();

    AtomicInteger runs = new AtomicInteger();
    assertThat(ledger.processOnce("m-1", runs::incrementAndGet)).isTrue();
    assertThat(runs).hasValue(1);
    assertThat(ledger.isProcessed("m-1")).isTrue();
  }

  @Test
  void anIdIsNotProcessedWhileItsActionIsStillRunning() {
    ProcessedMessageLedger ledger = newLedger();
    AtomicInteger seenWhileRunning = new AtomicInteger(-1);

    ledger.processOnce("m-1", () -> seenWhileRunning.set(ledger.isProcessed("m-1") ? 1 : 0));

    assertThat(seenWhileRunning).hasValue(0);
  }

  @Test
  void sixteenThreadsOnOneIdRunTheActionExactlyOnce() throws Exception {
    ProcessedMessageLedger ledger = newLedger();
    int threads = 16;
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch allCalling = new CountDownLatch(threads);

    List<Boolean> ran =
        Race.run(
            threads,
            i ->
                () -> {
                  allCalling.countDown();
                  return ledger.processOnce(
                      "m-1",
                      () -> {
                        // Hold the action until every thread has made its call, so they contend.
                        Race.await(allCalling);
                        runs.incrementAndGet();
                      });
                });

    assertThat(runs).hasValue(1);
    assertThat(ran).containsOnlyOnce(true).hasSize(threads);
    assertThat(ledger.isProcessed("m-1")).isTrue();
  }

  @Test
  void differentIdsDoNotWaitForEachOther() throws Exception {
    ProcessedMessageLedger ledger = newLedger();
    int threads = 16;
    CountDownLatch allRunning = new CountDownLatch(threads);

    // Every action waits until all sixteen are running at once, which only a per-id exclusion
    // allows.
    List<Boolean> ran =
        Race.run(
            threads,
            i ->
                () ->
                    ledger.processOnce(
                        "m-" + i,
                        () -> {
                          allRunning.countDown();
                          Race.await(allRunning);
                        }));

    assertThat(ran).hasSize(threads).containsOnly(true);
  }

  @Test
  void rejectsInvalidMessageIds() {
    ProcessedMessageLedger ledger = newLedger();
    String longest = "m".repeat(255);

    assertThat(ledger.markProcessed(longest)).isTrue();
    assertThatThrownBy(() -> ledger.markProcessed("m".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 255 characters, got 256");
    assertThatThrownBy(() -> ledger.isProcessed(" \t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be blank");
    assertThatThrownBy(() -> ledger.processOnce("", () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ledger.isProcessed(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ledger.processOnce("m-1", null))
        .isInstanceOf(NullPointerException.class);
  }
}
