package dev.forcelink.pubsub.emulator;

import static dev.forcelink.pubsub.emulator.EmulatorOrg.FAST_RESUME;
import static dev.forcelink.pubsub.emulator.EmulatorOrg.ORDERS;
import static dev.forcelink.pubsub.emulator.EmulatorOrg.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forcelink.core.idempotency.InMemoryProcessedMessageLedger;
import dev.forcelink.core.idempotency.ProcessedMessageLedger;
import dev.forcelink.pubsub.ManagedSubscriptionRef;
import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.pubsub.PubSubEvent;
import dev.forcelink.pubsub.PubSubException;
import dev.forcelink.pubsub.ReplayId;
import dev.forcelink.pubsub.SubscribeOptions;
import dev.forcelink.pubsub.Subscription;
import dev.forcelink.testkit.ManagedSubscriptions;
import dev.forcelink.testkit.PubSubOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ManagedSubscribe, as the Pub/Sub API documents it: commits after processing, resume from the committed position. */
class ManagedSubscribeEmulatorTest {
  private static final String NAME = "Orders_Sync";

  private final DeliveryLog log = new DeliveryLog();
  private final ProcessedMessageLedger ledger = InMemoryProcessedMessageLedger.create();
  private EmulatorOrg org;
  private PubSubClient client;
  private String subscriptionId;

  @BeforeEach
  void start() {
    org = EmulatorOrg.start(PubSubOptions.defaults(), log);
    client = org.client();
    subscriptionId = org.emulator.managedSubscriptions().create(NAME, ORDERS, ManagedSubscriptions.Start.EARLIEST);
  }

  @AfterEach
  void stop() {
    org.close();
  }

  private SubscribeOptions options() {
    return SubscribeOptions.builder().resumePolicy(FAST_RESUME).listener(log).build();
  }

  private Optional<ReplayId> committed() {
    return org.emulator.managedSubscriptions().committedReplayId(NAME).map(ReplayId::of);
  }

  /** Regression: reopening right after closing met the old stream still active and failed for good. */
  @Test
  void processedEventsAreCommittedAndTheNextStreamResumesAfterThem() {
    org.publishOrders(1, 5);
    List<PubSubEvent> firstRun = new CopyOnWriteArrayList<>();
    Subscription first = client.managedSubscribe(ManagedSubscriptionRef.developerName(NAME), options(),
        log.handler(ledger, firstRun::add));
    await("5 events processed", () -> log.processed.size() == 5);
    ReplayId lastOfFirstRun = firstRun.get(4).replayId();
    await("the fifth event committed", () -> committed().equals(Optional.of(lastOfFirstRun)));
    first.close();

    org.publishOrders(6, 8);
    List<PubSubEvent> secondRun = new CopyOnWriteArrayList<>();
    Subscription second = client.managedSubscribe(ManagedSubscriptionRef.subscriptionId(subscriptionId), options(),
        log.handler(ledger, secondRun::add));
    await("8 events processed", () -> log.processed.size() == 8);
    ReplayId lastOfSecondRun = secondRun.get(secondRun.size() - 1).replayId();
    await("the eighth event committed", () -> committed().equals(Optional.of(lastOfSecondRun)));
    second.close();

    assertThat(log.processed).containsExactlyElementsOf(IntStream.rangeClosed(1, 8).boxed().toList());
    assertThat(secondRun).extracting(DeliveryLog::number).containsExactly(6, 7, 8);
    assertThat(secondRun.get(0).topic()).isEqualTo("subscriptionId:" + subscriptionId);
  }

  /**
   * Regression: each stream ended right after its events were sent, before their commits arrived, and
   * the next stream started from the same old commit, forever.
   */
  @Test
  void aResetStreamResumesFromTheCommittedPositionWithoutLosingEvents() {
    org.publishOrders(1, 40);
    org.emulator.pubSubFaults().resetStreamEvery(6);

    Subscription s = client.managedSubscribe(ManagedSubscriptionRef.developerName(NAME), options(),
        log.handler(ledger));
    await("40 events processed", () -> log.processed.size() == 40);
    s.close();

    assertThat(log.processed).containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
    assertThat(log.resubscriptions).isNotEmpty();
    ReplayId last = log.entries.stream().filter(DeliveryLog.Delivered.class::isInstance)
        .map(DeliveryLog.Delivered.class::cast).filter(d -> d.number() == 40).findFirst().orElseThrow().replayId();
    org.emulator.pubSubFaults().clear();
    Subscription again = client.managedSubscribe(ManagedSubscriptionRef.developerName(NAME), options(),
        log.handler(ledger));
    await("the last event committed", () -> committed().equals(Optional.of(last)));
    again.close();
  }

  /**
   * Regression: close() cancelled the stream right after sending its final commit, so the commit could
   * be lost or land after close() returned, and the next subscription received processed events again.
   */
  @Test
  void closeWaitsForTheFinalCommitSoTheNextSubscriptionGetsNoProcessedEventAgain() throws InterruptedException {
    org.publishOrders(1, 10);
    CountDownLatch sixthStarted = new CountDownLatch(1);
    CountDownLatch finishSixth = new CountDownLatch(1);
    List<PubSubEvent> firstRun = new CopyOnWriteArrayList<>();
    // Commits wait for 100 events or for every received event to be processed; the sixth handler keeps
    // events 7 to 10 unprocessed, so the only commit is the one close() sends.
    SubscribeOptions onlyTheFinalCommit = SubscribeOptions.builder().checkpointEvery(100).resumePolicy(FAST_RESUME)
        .listener(log).build();
    Subscription first = client.managedSubscribe(ManagedSubscriptionRef.developerName(NAME), onlyTheFinalCommit,
        log.handler(ledger, e -> {
          firstRun.add(e);
          if (DeliveryLog.number(e) == 6) {
            sixthStarted.countDown();
            finishSixth.await(10, TimeUnit.SECONDS);
          }
        }));
    assertThat(sixthStarted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(committed()).as("nothing committed before close()").isEmpty();
    // The emulator applies a commit when it answers it: a slow answer loses the commit to a stream
    // cancelled without waiting for it.
    org.emulator.pubSubFaults().delayResponses(Duration.ofMillis(300));

    AtomicReference<Optional<ReplayId>> committedWhenCloseReturned = new AtomicReference<>();
    Thread closer = new Thread(() -> {
      first.close();
      committedWhenCloseReturned.set(committed());
    }, "closing " + NAME);
    closer.start();
    await("close() to stop the subscription", () -> !first.isActive());
    finishSixth.countDown();
    closer.join(TimeUnit.SECONDS.toMillis(15));
    assertThat(closer.isAlive()).isFalse();

    // As soon as close() returns, the server holds the position of the last processed event.
    ReplayId lastProcessed = first.lastProcessed().orElseThrow();
    assertThat(committedWhenCloseReturned.get()).contains(lastProcessed);
    int processedInFirstRun = log.processed.size();
    assertThat(processedInFirstRun).isBetween(6, 9);
    org.emulator.pubSubFaults().clear();

    List<Integer> secondRun = new CopyOnWriteArrayList<>();
    Subscription second = client.managedSubscribe(ManagedSubscriptionRef.developerName(NAME), options(),
        log.handler(ledger, e -> secondRun.add(DeliveryLog.number(e))));
    await("10 events processed", () -> log.processed.size() == 10);
    second.close();

    assertThat(secondRun).as("deliveries of the second subscription, ledger aside")
        .containsExactlyElementsOf(IntStream.rangeClosed(processedInFirstRun + 1, 10).boxed().toList());
    assertThat(log.processed).containsExactlyElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
  }

  @Test
  void anUnknownManagedSubscriptionStopsTheSubscription() {
    Subscription s = client.managedSubscribe(ManagedSubscriptionRef.developerName("Nope"), options(),
        log.handler(ledger));

    ExecutionException failure = assertThrows(ExecutionException.class,
        () -> s.termination().get(10, TimeUnit.SECONDS));
    assertThat(failure.getCause()).isInstanceOfSatisfying(PubSubException.class, e -> assertThat(e.errorCode())
        .contains("sfdc.platform.eventbus.grpc.managed.subscription.developer.name.not.found"));
  }
}
