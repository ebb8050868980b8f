package dev.forcelink.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.pubsub.cdc.ChangeType;
import dev.forcelink.pubsub.internal.avro.AvroCodec;
import dev.forcelink.testkit.internal.pubsub.BitmapEncoder;
import dev.forcelink.testkit.internal.pubsub.EventDescription;
import dev.forcelink.testkit.internal.pubsub.EventField;
import dev.forcelink.testkit.internal.pubsub.EventSchemaGenerator;
import dev.forcelink.testkit.internal.pubsub.SalesforceFieldType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.junit.jupiter.api.Test;

class SchemaAndDecodingTest {

  /** A user type bound from an event. */
  public static final class Order {
    public Instant CreatedDate;
    public String Order_Number__c;
    public Double Amount__c;
    public LocalDate Ship_Date__c;
  }

  @Test
  void twoTopicsSharingASchemaCostOneGetSchema() {
    try (FakePubSub fake = Orders.fakeWith(3); PubSubClient client = fake.client(Orders.auth())) {
      fake.addTopic("/event/Order_Copy__chn", Orders.SCHEMA_ID, Orders.JSON);
      fake.append("/event/Order_Copy__chn", Orders.order(100));
      List<String> seen = new CopyOnWriteArrayList<>();
      SubscribeOptions earliest = SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()).concurrency(3).build();
      Subscription a = client.subscribe(Orders.TOPIC, earliest, e -> seen.add(Orders.number(e)));
      Subscription b = client.subscribe("/event/Order_Copy__chn", earliest, e -> seen.add(Orders.number(e)));
      client.publish(Orders.TOPIC, List.of(Orders.order(4)));
      client.publish("/event/Order_Copy__chn", List.of(Orders.order(101)));

      Orders.await("6 events", () -> seen.size() == 6);
      a.close();
      b.close();

      assertThat(fake.getSchemaCalls.get()).isEqualTo(1);
      assertThat(client.cachedSchemaCount()).isEqualTo(1);
      assertThat(client.getSchema(Orders.SCHEMA_ID).json()).isEqualTo(Orders.JSON);
      assertThat(fake.getSchemaCalls.get()).isEqualTo(1);
    }
  }

  @Test
  void decodesWithOneReaderAndAReusedDecoderPerThread() {
    try (FakePubSub fake = Orders.fakeWith(2); PubSubClient client = fake.client(Orders.auth())) {
      List<PubSubEvent> events = new CopyOnWriteArrayList<>();
      Subscription s = client.subscribe(Orders.TOPIC, SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()).build(),
          events::add);
      Orders.await("2 events", () -> events.size() == 2);
      s.close();

      events.get(0).asGenericRecord();
      BinaryDecoder first = AvroCodec.threadDecoder();
      events.get(1).asGenericRecord();
      assertThat(AvroCodec.threadDecoder()).isSameAs(first);
      assertThat(events.get(0).asGenericRecord()).isSameAs(events.get(0).asGenericRecord());
    }
  }

  @Test
  void exposesPlainMapsBoundObjectsAndIds() {
    try (FakePubSub fake = Orders.fakeWith(1); PubSubClient client = fake.client(Orders.auth())) {
      List<PubSubEvent> events = new CopyOnWriteArrayList<>();
      Subscription s = client.subscribe(Orders.TOPIC, SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()).build(),
          events::add);
      Orders.await("1 event", () -> events.size() == 1);
      s.close();
      PubSubEvent e = events.get(0);

      Map<String, Object> map = e.asMap();
      assertThat(map.get("Order_Number__c")).isEqualTo("ORD-1").isInstanceOf(String.class);
      assertThat(map.get("CreatedDate")).isEqualTo(1_700_000_000_001L);
      assertThat(map.get("Ship_Date__c")).isEqualTo(19_001);
      Order order = e.as(Order.class);
      assertThat(order.Order_Number__c).isEqualTo("ORD-1");
      assertThat(order.CreatedDate).isEqualTo(Instant.ofEpochMilli(1_700_000_000_001L));
      assertThat(order.Ship_Date__c).isEqualTo(LocalDate.ofEpochDay(19_001));
      assertThat(e.replayId().toString()).isEqualTo("0000000000000001");
      assertThat(e.schemaId()).isEqualTo(Orders.SCHEMA_ID);
      assertThat(e.eventId()).matches("[0-9a-f-]{36}");
      assertThat(e.changeEventHeader()).isEmpty();
      assertThat(e.toString()).doesNotContain("ORD-1");
    }
  }

  @Test
  void changeEventsExposeTheirDecodedHeader() {
    Schema schema = EventSchemaGenerator.generate(EventDescription.changeEvent("Account", List.of(
        EventField.scalar("Name", SalesforceFieldType.TEXT),
        EventField.scalar("LastModifiedDate", SalesforceFieldType.DATETIME))));
    try (FakePubSub fake = new FakePubSub(); PubSubClient client = fake.client(Orders.auth())) {
      fake.validTokens.add("00D5e000000AbCd!token-one");
      fake.addTopic("/data/AccountChangeEvent", "account-cdc-1", schema.toString());
      fake.append("/data/AccountChangeEvent", changeEvent(schema));
      List<PubSubEvent> events = new CopyOnWriteArrayList<>();
      Subscription s = client.subscribe("/data/AccountChangeEvent",
          SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()).build(), events::add);
      Orders.await("1 event", () -> events.size() == 1);
      s.close();

      assertThat(events.get(0).changeEventHeader()).hasValueSatisfying(h -> {
        assertThat(h.changeType()).isEqualTo(ChangeType.UPDATE);
        assertThat(h.entityName()).isEqualTo("Account");
        assertThat(h.changedFields()).containsExactly("Name", "LastModifiedDate");
      });
    }
  }

  private static GenericRecord changeEvent(Schema schema) {
    Schema headerSchema = schema.getField("ChangeEventHeader").schema();
    GenericRecord header = new GenericData.Record(headerSchema);
    header.put("entityName", "Account");
    header.put("recordIds", List.of("001000000000001AAA"));
    header.put("changeType", new GenericData.EnumSymbol(headerSchema.getField("changeType").schema(), "UPDATE"));
    header.put("changeOrigin", "");
    header.put("transactionKey", "00009c89-6ec4-1e25-33e2-a4ba094089e5");
    header.put("sequenceNumber", 1);
    header.put("commitTimestamp", 1_725_346_778_000L);
    header.put("commitNumber", 1L);
    header.put("commitUser", "005000000000001AAA");
    header.put("changedFields", BitmapEncoder.encode(schema, List.of("Name", "LastModifiedDate")));
    header.put("nulledFields", List.of());
    header.put("diffFields", List.of());
    GenericRecord event = new GenericData.Record(schema);
    event.put("ChangeEventHeader", header);
    return event;
  }
}
