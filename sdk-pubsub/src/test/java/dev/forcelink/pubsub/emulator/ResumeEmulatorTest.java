package dev.forcelink.pubsub.emulator;

import static dev.forcelink.pubsub.emulator.EmulatorOrg.FAST_RESUME;
import static dev.forcelink.pubsub.emulator.EmulatorOrg.ORDERS;
import static dev.forcelink.pubsub.emulator.EmulatorOrg.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.idempotency.InMemoryProcessedMessageLedger;
import dev.forcelink.core.idempotency.JdbcProcessedMessageLedger;
import dev.forcelink.core.idempotency.ProcessedMessageLedger;
import dev.forcelink.pubsub.FileReplayStore;
import dev.forcelink.pubsub.InMemoryReplayStore;
import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.pubsub.ReplayFrom;
import dev.forcelink.pubsub.ReplayId;
import dev.forcelink.pubsub.ReplayStore;
import dev.forcelink.pubsub.SubscribeOptions;
import dev.forcelink.pubsub.Subscription;
import dev.forcelink.testkit.PubSubOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pub/Sub failure scenarios against the emulator: a stream reset every N events, token
 * expiry mid-stream, a consumer stalling past the server's idle close, and a process restart. Each
 * ends with every event processed exactly once past the {@link
 * dev.forcelink.pubsub.IdempotentHandler} ledger, redeliveries only of events after the replay id
 * stored when the stream was restarted, and no resubscription at LATEST.
 */
class ResumeEmulatorTest {
  private final DeliveryLog log = new DeliveryLog();
  private EmulatorOrg org;

  @AfterEach
  void stop() {
    if (org != null) {
      org.close();
    }
  }

  private SubscribeOptions.Builder options(ReplayStore store) {
    return SubscribeOptions.builder()
        .replayFrom(ReplayFrom.earliest())
        .replayStore(log.recording(store))
        .resumePolicy(FAST_RESUME)
        .listener(log);
  }

  @Test
  void aStreamResetEveryFewEventsLosesNothing() {
    org = EmulatorOrg.start(PubSubOptions.defaults(), log);
    PubSubClient client = org.client();
    org.publishOrders(1, 60);
    org.emulator.pubSubFaults().resetStreamEvery(7);

    Subscription s = client.subscribe(ORDERS, options(new InMemoryReplayStore()).batchSize(10).build(),
        log.handler(InMemoryProcessedMessageLedger.create()));
    await("60 events processed", () -> log.processed.size() == 60);
    s.close();

    log.assertExactlyOnce(60);
    assertThat(log.resubscriptions).hasSizeGreaterThanOrEqualTo(60 / 7 - 1)
        .allSatisfy(r -> assertThat(r.reason()).contains("UNAVAILABLE").contains("RST_STREAM"));
    assertThat(s.termination()).isCompleted();
  }

  @Test
  void aTokenExpiringMidStreamIsRefreshedAndTheStreamResumes() {
    org = EmulatorOrg.start(PubSubOptions.defaults(), log);
    PubSubClient client = org.client();
    org.publishOrders(1, 10);
    Subscription s = client.subscribe(ORDERS, options(new InMemoryReplayStore()).build(),
        log.handler(InMemoryProcessedMessageLedger.create()));
    await("first 10 events", () -> log.processed.size() == 10);

    org.emulator.pubSubFaults().expireTokenMidStream();
    org.publishOrders(11, 25);
    await("25 events processed", () -> log.processed.size() == 25);
    s.close();

    log.assertExactlyOnce(25);
    assertThat(org.issuedTokens).hasSize(2);
    assertThat(log.entries).filteredOn(DeliveryLog.Restarted.class::isInstance)
        .anySatisfy(e -> assertThat(((DeliveryLog.Restarted) e).why()).contains("service.auth.error"));
  }

  @Test
  void aConsumerStallingPastTheIdleCloseResumesWhereItStopped() {
    // Salesforce closes a stream that owes no events when no FetchRequest comes for 60 s (the docs; the
    // Java example says 70 s). The emulator is told to close after 1 s so that the test takes seconds; the
    // handler stalls until the client has seen the close and scheduled a new stream.
    org = EmulatorOrg.start(PubSubOptions.builder().idleTimeout(Duration.ofSeconds(1)).build(), log);
    PubSubClient client = org.client();
    org.publishOrders(1, 30);
    CountDownLatch closedByServer = new CountDownLatch(1);
    AtomicBoolean stalled = new AtomicBoolean();
    SubscribeOptions options = options(new InMemoryReplayStore()).batchSize(5).queueCapacity(10)
        .listener(new DeliveryLogThen(log, closedByServer::countDown)).build();

    Subscription s = client.subscribe(ORDERS, options, log.handler(InMemoryProcessedMessageLedger.create(), e -> {
      if (DeliveryLog.number(e) == 3 && stalled.compareAndSet(false, true)
          && !closedByServer.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the server never closed the idle stream");
      }
    }));
    await("30 events processed", () -> log.processed.size() == 30);
    s.close();

    log.assertExactlyOnce(30);
    assertThat(log.resubscriptions).isNotEmpty()
        .anySatisfy(r -> assertThat(r.reason()).contains("the server ended the stream"));
  }

  @Test
  void aRestartedProcessResumesFromTheStoredReplayId(@TempDir Path dir) throws InterruptedException {
    org = EmulatorOrg.start(PubSubOptions.defaults(), log);
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath());
    org.publishOrders(1, 40);

    PubSubClient first = org.client();
    ExecutorService handlers = Executors.newSingleThreadExecutor();
    first.subscribe(ORDERS, options(FileReplayStore.create(dir.resolve("replay"))).batchSize(10)
        .executor(handlers).build(), log.handler(ledger(db)));
    await("some events processed", () -> log.processed.size() >= 15);
    first.close();
    // A handler already running finishes and stores its position; the "process" ends after that.
    handlers.shutdown();
    assertThat(handlers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    int processedBeforeRestart = log.processed.size();
    ReplayId stored = FileReplayStore.create(dir.resolve("replay")).load(ORDERS).orElseThrow();
    log.entries.add(new DeliveryLog.Restarted("process restart", null));

    PubSubClient second = org.client();
    Subscription s = second.subscribe(ORDERS, options(FileReplayStore.create(dir.resolve("replay")))
        .replayFrom(ReplayFrom.latest()).batchSize(10).build(), log.handler(ledger(db)));
    await("40 events processed", () -> log.processed.size() == 40);
    s.close();

    log.assertExactlyOnce(40);
    assertThat(processedBeforeRestart).isBetween(15, 39);
    List<DeliveryLog.Delivered> deliveries = log.entries.stream().filter(DeliveryLog.Delivered.class::isInstance)
        .map(DeliveryLog.Delivered.class::cast).toList();
    int storedNumber = deliveries.stream().filter(d -> d.replayId().equals(stored)).findFirst().orElseThrow().number();
    assertThat(storedNumber).isEqualTo(processedBeforeRestart);
    DeliveryLog.Delivered firstAfterRestart = log.entries.stream()
        .dropWhile(e -> !(e instanceof DeliveryLog.Restarted r && r.why().equals("process restart")))
        .filter(DeliveryLog.Delivered.class::isInstance).map(DeliveryLog.Delivered.class::cast)
        .findFirst().orElseThrow();
    assertThat(firstAfterRestart.number()).isEqualTo(storedNumber + 1);
  }

  private static ProcessedMessageLedger ledger(JdbcDataSource db) {
    JdbcProcessedMessageLedger ledger = JdbcProcessedMessageLedger.create(db);
    ledger.createTableIfMissing();
    return ledger;
  }

  /** Logs to the delivery log, then runs an action on each resubscription. */
  private record DeliveryLogThen(DeliveryLog log, Runnable onResubscribe)
      implements dev.forcelink.pubsub.SubscriptionListener {
    @Override
    public void onResubscribe(dev.forcelink.pubsub.Resubscribed event) {
      log.onResubscribe(event);
      onResubscribe.run();
    }
  }
}
