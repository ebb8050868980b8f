package dev.forcelink.pubsub;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** A platform event schema shaped like Salesforce's, and helpers to fill a fake with its events. */
final class Orders {
  static final String TOPIC = "/event/Order_Event__e";
  static final String SCHEMA_ID = "order-schema-1";
  static final String JSON = """
      {"type":"record","name":"Order_Event__e","namespace":"com.sforce.eventbus","fields":[
        {"name":"CreatedDate","type":"long","doc":"CreatedDate:DateTime"},
        {"name":"CreatedById","type":"string"},
        {"name":"EventUuid","type":["null","string"],"default":null},
        {"name":"Order_Number__c","type":["null","string"],"default":null},
        {"name":"Amount__c","type":["null","double"],"default":null},
        {"name":"Ship_Date__c","type":["null",{"type":"int","logicalType":"date"}],"default":null},
        {"name":"Notes__c","type":["null","string"],"default":null}
      ]}""";
  static final Schema SCHEMA = new Schema.Parser().parse(JSON);

  private Orders() {}

  static GenericRecord order(int n) {
    GenericRecord r = new GenericData.Record(SCHEMA);
    r.put("CreatedDate", 1_700_000_000_000L + n);
    r.put("CreatedById", "005000000000001AAA");
    r.put("EventUuid", "uuid-" + n);
    r.put("Order_Number__c", "ORD-" + n);
    r.put("Amount__c", n * 1.5);
    r.put("Ship_Date__c", 19_000 + n);
    return r;
  }

  static FakePubSub fakeWith(int events) {
    FakePubSub fake = new FakePubSub();
    fake.addTopic(TOPIC, SCHEMA_ID, JSON);
    fake.validTokens.add("00D5e000000AbCd!token-one");
    for (int i = 1; i <= events; i++) {
      fake.append(TOPIC, order(i));
    }
    return fake;
  }

  static TestAuth auth() {
    return new TestAuth("00D5e000000AbCd!token-one", "00D5e000000AbCd!token-two");
  }

  /** The order number of a received event. */
  static String number(PubSubEvent e) {
    return e.asGenericRecord().get("Order_Number__c").toString();
  }

  static List<String> numbers(int from, int to) {
    return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(i -> "ORD-" + i).toList();
  }

  /** Waits for a condition, polling; fails after the timeout. Not a timing assertion. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for " + what);
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
