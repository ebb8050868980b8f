package dev.forcelink.testkit.internal.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroDatumCodecTest {

  @Test
  void platformEventRoundTripsAsABareDatum() {
    Schema schema = EventSchemaGenerator.generate(Fixtures.orderEvent());
    GenericRecord event = new GenericData.Record(schema);
    event.put("CreatedDate", 1_725_346_778_429L);
    event.put("CreatedById", "005000000000001AAA");
    event.put("Order_Number__c", "ORD-1");
    event.put("Amount__c", 12.5);
    event.put("Quantity__c", 3);
    event.put("Shipped__c", true);
    event.put("Ship_Date__c", (int) LocalDate.of(2024, 9, 3).toEpochDay());

    byte[] datum = AvroDatumCodec.encode(event);
    GenericRecord decoded = AvroDatumCodec.decode(schema, datum);

    assertThat(decoded).isEqualTo(event);
    assertThat(decoded.get("EventUuid")).isNull();
    // A bare datum starts with the first field (zig-zag varint of CreatedDate), not with the
    // container magic "Obj" or the single-object marker C3 01.
    assertThat(datum[0]).isNotEqualTo((byte) 'O').isNotEqualTo((byte) 0xC3);
  }

  @Test
  void changeEventWithCompoundFieldRoundTrips() {
    Schema schema = EventSchemaGenerator.generate(Fixtures.accountChangeEvent());
    Schema headerSchema = schema.getField("ChangeEventHeader").schema();
    GenericRecord header = new GenericData.Record(headerSchema);
    header.put("entityName", "Account");
    header.put("recordIds", List.of("001000000000001AAA"));
    header.put("changeType", new GenericData.EnumSymbol(headerSchema.getField("changeType").schema(), "UPDATE"));
    header.put("changeOrigin", "com/salesforce/api/rest/62.0");
    header.put("transactionKey", "00009c89-6ec4-1e25-33e2-a4ba094089e5");
    header.put("sequenceNumber", 1);
    header.put("commitTimestamp", 1_725_346_778_000L);
    header.put("commitNumber", 1_725_346_778_429_841_409L);
    header.put("commitUser", "005000000000001AAA");
    header.put("nulledFields", List.of());
    header.put("diffFields", List.of());
    header.put("changedFields", BitmapEncoder.encode(schema, List.of("BillingAddress.City", "Phone")));
    GenericRecord billing = new GenericData.Record(schema.getField("BillingAddress").schema().getTypes().get(1));
    billing.put("City", "Paris");
    GenericRecord event = new GenericData.Record(schema);
    event.put("ChangeEventHeader", header);
    event.put("BillingAddress", billing);
    event.put("Phone", "+33 1 23 45 67 89");

    GenericRecord decoded = AvroDatumCodec.decode(schema, AvroDatumCodec.encode(event));

    assertThat(decoded).isEqualTo(event);
    assertThat(((GenericRecord) decoded.get("BillingAddress")).get("City")).hasToString("Paris");
  }

  @Test
  void recordThatBreaksItsSchemaIsRefused() {
    GenericRecord event = new GenericData.Record(EventSchemaGenerator.generate(Fixtures.orderEvent()));

    assertThatThrownBy(() -> AvroDatumCodec.encode(event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Record does not match schema com.sforce.eventbus.Order_Event__e: ");
  }

  @Test
  void bytesOfAnotherSchemaAreRefused() {
    Schema order = EventSchemaGenerator.generate(Fixtures.orderEvent());
    GenericRecord event = new GenericData.Record(order);
    event.put("CreatedDate", 1L);
    event.put("CreatedById", "005000000000001AAA");
    event.put("Order_Number__c", "a fairly long order number that cannot be read as anything else");
    byte[] datum = AvroDatumCodec.encode(event);
    Schema tiny = EventSchemaGenerator.generate(EventDescription.platformEvent("Tiny__e", List.of()));

    assertThatThrownBy(() -> AvroDatumCodec.decode(tiny, datum))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("com.sforce.eventbus.Tiny__e");
  }
}
