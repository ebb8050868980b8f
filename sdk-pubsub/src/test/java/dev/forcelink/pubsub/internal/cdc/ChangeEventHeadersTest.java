package dev.forcelink.pubsub.internal.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.exception.ResponseDecodeException;
import dev.forcelink.pubsub.cdc.ChangeEventHeader;
import dev.forcelink.pubsub.cdc.ChangeType;
import dev.forcelink.testkit.internal.pubsub.AvroDatumCodec;
import dev.forcelink.testkit.internal.pubsub.BitmapEncoder;
import dev.forcelink.testkit.internal.pubsub.CompoundFields;
import dev.forcelink.testkit.internal.pubsub.EventDescription;
import dev.forcelink.testkit.internal.pubsub.EventField;
import dev.forcelink.testkit.internal.pubsub.EventSchemaGenerator;
import dev.forcelink.testkit.internal.pubsub.SalesforceFieldType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class ChangeEventHeadersTest {
  private static final Schema CONTACT = EventSchemaGenerator.generate(EventDescription.changeEvent("Contact", List.of(
      EventField.scalar("AccountId", SalesforceFieldType.REFERENCE),
      CompoundFields.personName(),
      EventField.scalar("Email", SalesforceFieldType.EMAIL),
      CompoundFields.address("MailingAddress"),
      EventField.scalar("LastModifiedDate", SalesforceFieldType.DATETIME))));

  @Test
  void decodesEveryHeaderFieldOfAWireEvent() {
    GenericRecord event = event("UPDATE",
        BitmapEncoder.encode(CONTACT, List.of("Name.FirstName", "Email", "LastModifiedDate")),
        BitmapEncoder.encode(CONTACT, List.of("MailingAddress")),
        List.of());
    // Decode from the wire bytes, as a subscriber does: strings arrive as Avro Utf8.
    GenericRecord received = AvroDatumCodec.decode(CONTACT, AvroDatumCodec.encode(event));

    ChangeEventHeader header = ChangeEventHeaders.decode(received);

    assertThat(header.entityName()).isEqualTo("Contact");
    assertThat(header.recordIds()).containsExactly("003000000000001AAA");
    assertThat(header.changeType()).isEqualTo(ChangeType.UPDATE);
    assertThat(header.changeOrigin()).isEqualTo("com/salesforce/api/rest/62.0;client=billing");
    assertThat(header.transactionKey()).isEqualTo("00009c89-6ec4-1e25-33e2-a4ba094089e5");
    assertThat(header.sequenceNumber()).isEqualTo(2);
    assertThat(header.commitTimestamp()).isEqualTo(Instant.ofEpochMilli(1_725_346_778_000L));
    assertThat(header.commitNumber()).isEqualTo(1_725_346_778_429_841_409L);
    assertThat(header.commitUser()).isEqualTo("005000000000001AAA");
    assertThat(header.changedFields()).containsExactly("Email", "LastModifiedDate", "Name.FirstName");
    assertThat(header.rawChangedFields()).containsExactly("0x28", "2-0x02");
    assertThat(header.nulledFields()).containsExactly("MailingAddress");
    assertThat(header.rawNulledFields()).containsExactly("0x10");
    assertThat(header.diffFields()).isEmpty();
    assertThat(header.rawDiffFields()).isEmpty();
  }

  @Test
  void decodesGapTypes() {
    ChangeEventHeader header = ChangeEventHeaders.decode(event("GAP_OVERFLOW", List.of(), List.of(), List.of()));

    assertThat(header.changeType()).isEqualTo(ChangeType.GAP_OVERFLOW);
    assertThat(header.changeType().isGap()).isTrue();
  }

  @Test
  void eventWithoutHeaderIsNotAChangeEvent() {
    Schema order = EventSchemaGenerator.generate(EventDescription.platformEvent("Order_Event__e", List.of()));

    assertThatThrownBy(() -> ChangeEventHeaders.decode(new GenericData.Record(order)))
        .isInstanceOf(ResponseDecodeException.class)
        .hasMessage("Event Order_Event__e has no ChangeEventHeader record: it is not a change event");
  }

  @Test
  void unknownChangeTypeIsRefused() {
    // Same header, but changeType declared as a string so that any symbol can be written.
    Schema enumHeader = CONTACT.getField("ChangeEventHeader").schema();
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : enumHeader.getFields()) {
      Schema type = field.name().equals("changeType") ? Schema.create(Schema.Type.STRING) : field.schema();
      fields.add(new Schema.Field(field.name(), type));
    }
    Schema stringHeader = Schema.createRecord("ChangeEventHeader", null, "com.sforce.eventbus", false, fields);
    Schema schema = Schema.createRecord("ContactChangeEvent", null, "com.sforce.eventbus", false,
        List.of(new Schema.Field("ChangeEventHeader", stringHeader)));
    GenericRecord header = new GenericData.Record(stringHeader);
    GenericRecord valid = (GenericRecord) event("UPDATE", List.of(), List.of(), List.of()).get("ChangeEventHeader");
    for (Schema.Field field : fields) {
      header.put(field.name(), valid.get(field.name()));
    }
    header.put("changeType", "MERGE");
    GenericRecord event = new GenericData.Record(schema);
    event.put("ChangeEventHeader", header);

    assertThatThrownBy(() -> ChangeEventHeaders.decode(event))
        .isInstanceOf(ResponseDecodeException.class)
        .hasMessage("Cannot decode ChangeEventHeader.changeType of ContactChangeEvent: \"MERGE\" is not a known change type");
  }

  @Test
  void missingHeaderFieldIsNamed() {
    Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"ThingChangeEvent\",\"fields\":["
        + "{\"name\":\"ChangeEventHeader\",\"type\":{\"type\":\"record\",\"name\":\"ChangeEventHeader\",\"fields\":["
        + "{\"name\":\"entityName\",\"type\":\"string\"}]}}]}");
    GenericRecord header = new GenericData.Record(schema.getField("ChangeEventHeader").schema());
    header.put("entityName", "Thing");
    GenericRecord event = new GenericData.Record(schema);
    event.put("ChangeEventHeader", header);

    assertThatThrownBy(() -> ChangeEventHeaders.decode(event))
        .isInstanceOf(ResponseDecodeException.class)
        .hasMessage("Cannot decode ChangeEventHeader.recordIds of ThingChangeEvent: the field is missing");
  }

  @Test
  void bitmapErrorNamesTheHeaderField() {
    GenericRecord event = event("UPDATE", List.of("0x28"), List.of("0x0100"), List.of());

    assertThatThrownBy(() -> ChangeEventHeaders.decode(event))
        .isInstanceOf(ResponseDecodeException.class)
        .hasMessageStartingWith("Cannot decode ChangeEventHeader.nulledFields of ContactChangeEvent: \"0x0100\"");
  }

  private static GenericRecord event(String changeType, List<String> changed, List<String> nulled, List<String> diff) {
    Schema headerSchema = CONTACT.getField("ChangeEventHeader").schema();
    GenericRecord header = new GenericData.Record(headerSchema);
    header.put("entityName", "Contact");
    header.put("recordIds", List.of("003000000000001AAA"));
    header.put("changeType", new GenericData.EnumSymbol(headerSchema.getField("changeType").schema(), changeType));
    header.put("changeOrigin", "com/salesforce/api/rest/62.0;client=billing");
    header.put("transactionKey", "00009c89-6ec4-1e25-33e2-a4ba094089e5");
    header.put("sequenceNumber", 2);
    header.put("commitTimestamp", 1_725_346_778_000L);
    header.put("commitNumber", 1_725_346_778_429_841_409L);
    header.put("commitUser", "005000000000001AAA");
    header.put("changedFields", changed);
    header.put("nulledFields", nulled);
    header.put("diffFields", diff);
    GenericRecord event = new GenericData.Record(CONTACT);
    event.put("ChangeEventHeader", header);
    return event;
  }
}
