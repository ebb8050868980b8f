package dev.forcelink.pubsub.emulator;

import static dev.forcelink.pubsub.emulator.EmulatorOrg.FAST_RESUME;
import static dev.forcelink.pubsub.emulator.EmulatorOrg.ORDERS;
import static dev.forcelink.pubsub.emulator.EmulatorOrg.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forcelink.core.idempotency.InMemoryProcessedMessageLedger;
import dev.forcelink.core.idempotency.ProcessedMessageLedger;
import dev.forcelink.pubsub.InMemoryReplayStore;
import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.pubsub.PubSubException;
import dev.forcelink.pubsub.ReplayFrom;
import dev.forcelink.pubsub.ReplayGap;
import dev.forcelink.pubsub.ReplayGapPolicy;
import dev.forcelink.pubsub.ReplayId;
import dev.forcelink.pubsub.SubscribeOptions;
import dev.forcelink.pubsub.Subscription;
import dev.forcelink.testkit.PubSubOptions;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stored replay id the server rejects as corrupted (Salesforce's Pub/Sub API error handling docs:
 * {@code INVALID_ARGUMENT} with {@code subscription.fetch.replayid.corrupted}): each
 * {@link ReplayGapPolicy} is followed, and the gap is reported to the listener before anything else
 * happens.
 */
class ReplayGapEmulatorTest {
  private static final String CORRUPTED = "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted";

  private final DeliveryLog log = new DeliveryLog();
  private final InMemoryReplayStore store = new InMemoryReplayStore();
  private final ProcessedMessageLedger ledger = InMemoryProcessedMessageLedger.create();
  private EmulatorOrg org;
  private PubSubClient client;
  private ReplayId stored;

  /** Processes events 1 to 10, stores the id of event 10, corrupts it, then publishes 11 to 15. */
  @BeforeEach
  void processTenThenCorruptTheStoredId() {
    // A short keepalive lets a LATEST subscription learn the tip, and so show it is live, at once.
    org = EmulatorOrg.start(PubSubOptions.builder().keepaliveInterval(Duration.ofMillis(100)).build());
    client = org.client();
    org.publishOrders(1, 10);
    Subscription first = subscribe(ReplayGapPolicy.FAIL);
    await("10 events processed", () -> log.processed.size() == 10);
    first.close();
    stored = store.load(ORDERS).orElseThrow();
    org.emulator.pubSubFaults().corruptReplayId(stored.toBytes());
    org.publishOrders(11, 15);
  }

  @AfterEach
  void stop() {
    org.close();
  }

  private Subscription subscribe(ReplayGapPolicy policy) {
    return client.subscribe(ORDERS, SubscribeOptions.builder().replayFrom(ReplayFrom.earliest())
        .replayStore(store).gapPolicy(policy).resumePolicy(FAST_RESUME).listener(log).build(), log.handler(ledger));
  }

  private void assertGapReported(ReplayGapPolicy action) {
    assertThat(log.gaps).hasSize(1);
    ReplayGap gap = log.gaps.get(0);
    assertThat(gap.action()).isEqualTo(action);
    assertThat(gap.rejectedReplayId()).contains(stored);
    assertThat(gap.topic()).isEqualTo(ORDERS);
    assertThat(gap.subscriptionKey()).isEqualTo(ORDERS);
    assertThat(gap.errorCode()).isEqualTo(CORRUPTED);
    assertThat(gap.rpcId()).isPresent();
  }

  @Test
  void failStopsTheSubscriptionAndReportsTheGap() {
    Subscription s = subscribe(ReplayGapPolicy.FAIL);

    ExecutionException failure = assertThrows(ExecutionException.class,
        () -> s.termination().get(10, TimeUnit.SECONDS));

    assertThat(failure.getCause()).isInstanceOfSatisfying(PubSubException.class, e -> {
      assertThat(e.status()).isEqualTo("INVALID_ARGUMENT");
      assertThat(e.errorCode()).contains(CORRUPTED);
      assertThat(e.getMessage()).contains("gap policy is FAIL");
    });
    assertGapReported(ReplayGapPolicy.FAIL);
    assertThat(s.isActive()).isFalse();
    assertThat(log.processed).hasSize(10);
    assertThat(store.load(ORDERS)).contains(stored);
  }

  @Test
  void earliestReplaysEverythingAndTheLedgerDropsWhatWasProcessed() {
    Subscription s = subscribe(ReplayGapPolicy.EARLIEST);
    await("events 11 to 15 processed", () -> log.processed.size() == 15);
    s.close();

    assertGapReported(ReplayGapPolicy.EARLIEST);
    assertThat(log.processed).containsExactlyElementsOf(IntStream.rangeClosed(1, 15).boxed().toList());
    // Events 1 to 10 came again from the start of the stream, and the ledger kept them from being processed twice.
    assertThat(log.deliveries()).isEqualTo(10 + 15);
  }

  @Test
  void latestSkipsTheGapButOnlyAfterReportingIt() {
    Subscription s = subscribe(ReplayGapPolicy.LATEST);
    await("the gap reported", () -> log.gaps.size() == 1);
    // The keepalive's latest_replay_id is stored once the new stream is open at the tip.
    await("the tip stored", () -> !store.load(ORDERS).orElseThrow().equals(stored));
    org.publishOrders(16, 17);
    await("events 16 and 17 processed", () -> log.processed.size() == 12);
    s.close();

    assertGapReported(ReplayGapPolicy.LATEST);
    assertThat(log.processed.subList(10, 12)).containsExactly(16, 17);
  }
}
