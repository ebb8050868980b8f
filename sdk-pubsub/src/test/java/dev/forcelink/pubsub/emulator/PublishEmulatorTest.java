package dev.forcelink.pubsub.emulator;

import static dev.forcelink.pubsub.emulator.EmulatorOrg.ORDERS;
import static dev.forcelink.pubsub.emulator.EmulatorOrg.STATUS;
import static dev.forcelink.pubsub.emulator.EmulatorOrg.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.pubsub.OutgoingEvent;
import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.pubsub.PubSubEvent;
import dev.forcelink.pubsub.PubSubException;
import dev.forcelink.pubsub.PublishResult;
import dev.forcelink.pubsub.PublishStream;
import dev.forcelink.pubsub.ReplayFrom;
import dev.forcelink.pubsub.SubscribeOptions;
import dev.forcelink.pubsub.Subscription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Platform events published through REST-like writes, Publish and PublishStream (the Pub/Sub API's publish RPCs). */
class PublishEmulatorTest {
  private EmulatorOrg org;
  private PubSubClient client;
  private final List<PubSubEvent> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    org = EmulatorOrg.start();
    client = org.client();
  }

  @AfterEach
  void stop() {
    org.close();
  }

  private List<PubSubEvent> receiveFromEarliest(int count) {
    Subscription s = client.subscribe(ORDERS, SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()).build(),
        received::add);
    await(count + " events", () -> received.size() >= count);
    s.close();
    return List.copyOf(received);
  }

  private List<OutgoingEvent> orders(String prefix, int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> OutgoingEvent.of(prefix + i, org.order(i))).toList();
  }

  @Test
  void eventsWrittenThroughTheOrgReachSubscribersWithTheStandardFields() {
    String id = org.emulator.publishPlatformEvent(EmulatorOrg.ORDER_EVENT, Map.of(STATUS, "Shipped",
        "Amount__c", 12.5));

    PubSubEvent event = receiveFromEarliest(1).get(0);

    Map<String, Object> fields = event.asMap();
    assertThat(id).isNotBlank();
    assertThat(fields).containsEntry(STATUS, "Shipped").containsEntry("Amount__c", 12.5)
        .containsEntry("CreatedById", org.emulator.userId());
    assertThat(fields.get("CreatedDate")).isInstanceOf(Long.class);
    assertThat(event.eventId()).isNotBlank();
  }

  @Test
  void aRestInsertOfAPlatformEventPublishesIt() {
    String id = org.create(EmulatorOrg.ORDER_EVENT, "{\"Status__c\":\"Posted\",\"Amount__c\":3.5}");

    PubSubEvent event = receiveFromEarliest(1).get(0);

    assertThat(id).isNotBlank();
    assertThat(event.asMap()).containsEntry(STATUS, "Posted").containsEntry("Amount__c", 3.5);
  }

  @Test
  void eachPublishedEventGetsItsOwnResultMatchedByCorrelationKey() {
    List<OutgoingEvent> events = orders("order-", 1, 5);

    List<PublishResult> results = client.publish(ORDERS, events);

    assertThat(results).extracting(PublishResult::correlationKey)
        .containsExactly("order-1", "order-2", "order-3", "order-4", "order-5");
    assertThat(results).allSatisfy(r -> assertThat(r.isSuccess()).isTrue());
    assertThat(results).extracting(r -> r.replayId().orElseThrow()).doesNotHaveDuplicates();
    List<PubSubEvent> seen = receiveFromEarliest(5);
    assertThat(seen).extracting(PubSubEvent::eventId).containsExactly("order-1", "order-2", "order-3", "order-4",
        "order-5");
    assertThat(seen).extracting(e -> e.asMap().get(STATUS)).containsExactly("1", "2", "3", "4", "5");
  }

  @Test
  void barePayloadsGetGeneratedIdsThatTheResultsEcho() {
    List<PublishResult> results = client.publish(ORDERS, List.of(org.order("a"), org.order("b")));

    List<PubSubEvent> seen = receiveFromEarliest(2);

    assertThat(results).extracting(PublishResult::correlationKey).allMatch(k -> k.matches("[0-9a-f-]{36}"))
        .doesNotHaveDuplicates();
    assertThat(seen).extracting(PubSubEvent::eventId)
        .containsExactlyElementsOf(results.stream().map(PublishResult::correlationKey).toList());
  }

  @Test
  void moreThan200EventsGoOutAsSeveralRequestsInOrder() {
    List<PublishResult> results = client.publish(ORDERS, orders("bulk-", 1, 450));

    assertThat(results).hasSize(450).allSatisfy(r -> assertThat(r.isSuccess()).isTrue());
    assertThat(results).extracting(PublishResult::correlationKey)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 450).mapToObj(i -> "bulk-" + i).toList());
    assertThat(receiveFromEarliest(450)).extracting(e -> e.asMap().get(STATUS))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 450).mapToObj(Integer::toString).toList());
  }

  @Test
  void anEventOverOneMegabyteIsRefusedBeforeAnythingIsSent() {
    String big = "x".repeat(1_100_000);

    assertThatThrownBy(() -> client.publish(ORDERS, List.of(org.order("ok"), org.order(big))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 MB");
    assertThat(client.publish(ORDERS, List.of(org.order("after")))).hasSize(1);
    assertThat(receiveFromEarliest(1)).extracting(e -> e.asMap().get(STATUS)).containsExactly("after");
  }

  @Test
  void aPublishStreamPipelinesBatchesAndMatchesEachAnswer() throws Exception {
    try (PublishStream stream = client.openPublishStream(ORDERS)) {
      CompletableFuture<List<PublishResult>> first = stream.publish(orders("s1-", 1, 3));
      CompletableFuture<List<PublishResult>> second = stream.publish(orders("s2-", 4, 6));
      CompletableFuture<List<PublishResult>> third = stream.publish(orders("s3-", 7, 7));

      assertThat(first.get(10, TimeUnit.SECONDS)).extracting(PublishResult::correlationKey)
          .containsExactly("s1-1", "s1-2", "s1-3");
      assertThat(second.get(10, TimeUnit.SECONDS)).extracting(PublishResult::correlationKey)
          .containsExactly("s2-4", "s2-5", "s2-6");
      assertThat(third.get(10, TimeUnit.SECONDS)).extracting(PublishResult::correlationKey).containsExactly("s3-7");
      assertThat(first.get()).allSatisfy(r -> assertThat(r.isSuccess()).isTrue());
    }
    assertThat(receiveFromEarliest(7)).extracting(e -> e.asMap().get(STATUS))
        .containsExactly("1", "2", "3", "4", "5", "6", "7");
  }

  @Test
  void aPublishStreamOnAnUnknownTopicFailsItsBatch() {
    try (PublishStream stream = client.openPublishStream("/event/Missing__e")) {
      // The topic's schema is read before anything is sent, so the unknown topic is reported at once.
      assertThatThrownBy(() -> stream.publish(List.of(org.order(1))))
          .isInstanceOfSatisfying(PubSubException.class, e -> assertThat(e.errorCode())
              .contains("sfdc.platform.eventbus.grpc.topic.not.found"));
    }
  }
}
