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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ManagedSubscribe (fact sheet §4.8): commits after processing, resume from the committed position. */
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
