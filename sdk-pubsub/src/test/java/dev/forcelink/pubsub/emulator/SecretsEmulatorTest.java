package dev.forcelink.pubsub.emulator;

import static dev.forcelink.pubsub.emulator.EmulatorOrg.FAST_RESUME;
import static dev.forcelink.pubsub.emulator.EmulatorOrg.ORDERS;
import static dev.forcelink.pubsub.emulator.EmulatorOrg.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.idempotency.InMemoryProcessedMessageLedger;
import dev.forcelink.core.testing.LogCapture;
import dev.forcelink.core.testing.SecretAssertions;
import dev.forcelink.pubsub.InMemoryReplayStore;
import dev.forcelink.pubsub.ManagedSubscriptionRef;
import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.pubsub.PubSubException;
import dev.forcelink.pubsub.PublishStream;
import dev.forcelink.pubsub.ReplayFrom;
import dev.forcelink.pubsub.ReplayGapPolicy;
import dev.forcelink.pubsub.SubscribeOptions;
import dev.forcelink.pubsub.Subscription;
import dev.forcelink.testkit.ManagedSubscriptions;
import dev.forcelink.testkit.PubSubOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With every logger at TRACE (the client's, gRPC's, Netty's and the emulator's), no access token
 * handed out during the fault scenarios appears in any log line, exception or {@code toString}.
 */
class SecretsEmulatorTest {
  @RegisterExtension
  final LogCapture logs = new LogCapture();

  @Test
  void noAccessTokenReachesALogLineAcrossTheFaultScenarios() throws Exception {
    DeliveryLog log = new DeliveryLog();
    List<Throwable> thrown = new ArrayList<>();
    List<Object> shown = new ArrayList<>();
    try (EmulatorOrg org = EmulatorOrg.start(PubSubOptions.builder().idleTimeout(Duration.ofSeconds(1)).build())) {
      PubSubClient client = org.client();
      shown.add(client);
      org.publishOrders(1, 20);
      org.emulator.pubSubFaults().resetStreamEvery(6);
      InMemoryReplayStore store = new InMemoryReplayStore();
      Subscription s = client.subscribe(ORDERS, SubscribeOptions.builder().replayFrom(ReplayFrom.earliest())
          .replayStore(store).resumePolicy(FAST_RESUME).listener(log).gapPolicy(ReplayGapPolicy.FAIL).build(),
          log.handler(InMemoryProcessedMessageLedger.create()));
      await("20 events", () -> log.processed.size() == 20);
      org.emulator.pubSubFaults().clear();
      org.emulator.pubSubFaults().expireTokenMidStream();
      org.publishOrders(21, 25);
      await("25 events", () -> log.processed.size() == 25);
      shown.add(s);
      s.close();

      try (PublishStream stream = client.openPublishStream(ORDERS)) {
        stream.publish(List.of(org.order(26))).get(10, TimeUnit.SECONDS);
        shown.add(stream);
      }
      org.create("Account", "{\"Name\":\"Secretive\"}");
      org.emulator.managedSubscriptions().create("Secret_Sync", ORDERS, ManagedSubscriptions.Start.EARLIEST);
      Subscription managed = client.managedSubscribe(ManagedSubscriptionRef.developerName("Secret_Sync"),
          SubscribeOptions.builder().resumePolicy(FAST_RESUME).build(), e -> { });
      await("managed events committed", () -> org.emulator.managedSubscriptions().committedReplayId("Secret_Sync")
          .isPresent());
      managed.close();

      org.emulator.pubSubFaults().corruptReplayId(store.load(ORDERS).orElseThrow().toBytes());
      Subscription rejected = client.subscribe(ORDERS, SubscribeOptions.builder().replayStore(store).build(),
          e -> { });
      try {
        rejected.termination().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        thrown.add(e.getCause());
      }
      try {
        client.getTopic("/event/Missing__e");
      } catch (PubSubException e) {
        thrown.add(e);
      }
      shown.add(org.connection.authProvider().token());
      shown.add(org.connection);

      assertThat(org.issuedTokens).hasSizeGreaterThanOrEqualTo(2);
      assertThat(thrown).hasSize(2);
      assertThat(logs.lines()).isNotEmpty();
      SecretAssertions secrets = SecretAssertions.planted(org.issuedTokens.toArray(String[]::new));
      secrets.assertNotIn(logs);
      thrown.forEach(secrets::assertNotIn);
      secrets.assertNotInToString(shown.toArray());
    }
  }
}
