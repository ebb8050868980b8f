package dev.forcelink.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.pubsub.internal.avro.AvroCodec;
import dev.forcelink.pubsub.internal.avro.SchemaEntry;
import dev.forcelink.pubsub.internal.proto.PublishRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class PublishTest {
  private static final SchemaEntry ENTRY = SchemaEntry.parse(Orders.SCHEMA_ID, Orders.JSON);

  /** A user type bound through Jackson. */
  public static final class OrderPlaced {
    public Instant CreatedDate = Instant.parse("2024-05-01T10:00:00Z");
    public String CreatedById = "005000000000001AAA";
    public String Order_Number__c = "ORD-POJO";
    public Double Amount__c = 12.5;
    public LocalDate Ship_Date__c = LocalDate.of(2024, 5, 3);
  }

  private static GenericRecord decoded(PublishRequest request, int i) {
    return AvroCodec.decode(ENTRY, request.getEvents(i).getPayload().toByteArray());
  }

  @Test
  void publishesRecordsMapsAndObjectsWithTheTopicSchema() {
    try (FakePubSub fake = Orders.fakeWith(0); PubSubClient client = fake.client(Orders.auth())) {
      Map<String, Object> map = new HashMap<>();
      map.put("CreatedDate", Instant.parse("2024-05-01T10:00:00Z"));
      map.put("CreatedById", "005000000000001AAA");
      map.put("Ship_Date__c", "2024-05-03");
      List<PublishResult> results = client.publish(Orders.TOPIC,
          List.of(Orders.order(1), map, new OrderPlaced(), OutgoingEvent.of("my-id-1", Orders.order(2))));

      assertThat(results).hasSize(4).allSatisfy(r -> assertThat(r.isSuccess()).isTrue());
      assertThat(results.get(3).correlationKey()).isEqualTo("my-id-1");
      assertThat(fake.publishRequests).hasSize(1);
      PublishRequest sent = fake.publishRequests.get(0);
      assertThat(sent.getEvents(0).getSchemaId()).isEqualTo(Orders.SCHEMA_ID);
      assertThat(sent.getEvents(0).getId()).matches("[0-9a-f-]{36}");
      GenericRecord fromMap = decoded(sent, 1);
      assertThat(fromMap.get("CreatedDate")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z").toEpochMilli());
      assertThat(fromMap.get("Ship_Date__c")).isEqualTo((int) LocalDate.of(2024, 5, 3).toEpochDay());
      assertThat(fromMap.get("Order_Number__c")).isNull();
      GenericRecord fromPojo = decoded(sent, 2);
      assertThat(fromPojo.get("Order_Number__c").toString()).isEqualTo("ORD-POJO");
      assertThat(fromPojo.get("Amount__c")).isEqualTo(12.5);
      assertThat(fromPojo.get("Ship_Date__c")).isEqualTo((int) LocalDate.of(2024, 5, 3).toEpochDay());
      assertThat(fromPojo.get("CreatedDate")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z").toEpochMilli());
    }
  }

  @Test
  void resultsAreMatchedByCorrelationKeyNotPosition() {
    try (FakePubSub fake = Orders.fakeWith(0); PubSubClient client = fake.client(Orders.auth())) {
      fake.reverseResults = true;
      List<PublishResult> results = client.publish(Orders.TOPIC, List.of(
          OutgoingEvent.of("a", Orders.order(1)), OutgoingEvent.of("reject-b", Orders.order(2)),
          OutgoingEvent.of("c", Orders.order(3))));

      assertThat(results).extracting(PublishResult::correlationKey).containsExactly("a", "reject-b", "c");
      assertThat(results.get(0).replayId()).contains(ReplayId.of(FakePubSub.replayId(1).toByteArray()));
      assertThat(results.get(1).isSuccess()).isFalse();
      assertThat(results.get(1).error()).hasValueSatisfying(e -> assertThat(e).contains("rejected by the fake"));
      assertThat(results.get(2).replayId()).contains(ReplayId.of(FakePubSub.replayId(2).toByteArray()));
    }
  }

  @Test
  void anEventOver1MbIsRefusedBeforeAnythingIsSent() {
    try (FakePubSub fake = Orders.fakeWith(0); PubSubClient client = fake.client(Orders.auth())) {
      GenericRecord huge = Orders.order(2);
      huge.put("Notes__c", "x".repeat(1024 * 1024 + 1));

      assertThatThrownBy(() -> client.publish(Orders.TOPIC, List.of(Orders.order(1), huge)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Event 1")
          .hasMessageContaining("at most 1048576 bytes")
          .hasMessageContaining("Nothing was published");
      assertThat(fake.publishRequests).isEmpty();
    }
  }

  @Test
  void aBadFieldIsNamedAndNothingIsSent() {
    try (FakePubSub fake = Orders.fakeWith(0); PubSubClient client = fake.client(Orders.auth())) {
      Map<String, Object> typo = Map.of("CreatedDate", 1L, "CreatedById", "005", "Ammount__c", 3.0);

      assertThatThrownBy(() -> client.publish(Orders.TOPIC, List.of(Orders.order(1), typo)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Event 1")
          .hasMessageContaining("'Ammount__c' is not a field of com.sforce.eventbus.Order_Event__e");
      assertThat(fake.publishRequests).isEmpty();
    }
  }

  @Test
  void largeBatchesAreSplitInOrderByCountAndBySize() {
    try (FakePubSub fake = Orders.fakeWith(0); PubSubClient client = fake.client(Orders.auth())) {
      List<Object> many = new ArrayList<>();
      for (int i = 1; i <= 450; i++) {
        many.add(Orders.order(i));
      }
      List<PublishResult> results = client.publish(Orders.TOPIC, many);
      assertThat(results).hasSize(450).allSatisfy(r -> assertThat(r.isSuccess()).isTrue());
      assertThat(fake.publishRequests).extracting(PublishRequest::getEventsCount).containsExactly(200, 200, 50);

      fake.publishRequests.clear();
      List<Object> big = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        GenericRecord r = Orders.order(1000 + i);
        r.put("Notes__c", "y".repeat(700 * 1024));
        big.add(r);
      }
      client.publish(Orders.TOPIC, big);
      assertThat(fake.publishRequests).extracting(PublishRequest::getEventsCount).containsExactly(4, 4, 2);
      assertThat(fake.publishRequests).allSatisfy(r -> assertThat(r.getSerializedSize()).isLessThanOrEqualTo(3 * 1024 * 1024));
      List<String> order = fake.publishRequests.stream().flatMap(r -> r.getEventsList().stream())
          .map(e -> AvroCodec.decode(ENTRY, e.getPayload().toByteArray()).get("Order_Number__c").toString()).toList();
      assertThat(order).containsExactlyElementsOf(Orders.numbers(1001, 1010));
    }
  }

  @Test
  void anUnknownTopicFailsWithTheServersCode() {
    try (FakePubSub fake = Orders.fakeWith(0); PubSubClient client = fake.client(Orders.auth())) {
      assertThatThrownBy(() -> client.publish("/event/Nope__e", List.of(Orders.order(1))))
          .isInstanceOfSatisfying(PubSubException.class, e -> {
            assertThat(e.status()).isEqualTo("NOT_FOUND");
            assertThat(e.errorCode()).contains("sfdc.platform.eventbus.grpc.topic.not.found");
            assertThat(e.rpcId()).isPresent();
            assertThat(e.isRetryable()).isFalse();
          });
    }
  }
}
