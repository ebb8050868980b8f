package dev.forcelink.pubsub.internal.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.exception.ResponseDecodeException;
import dev.forcelink.testkit.internal.pubsub.CompoundFields;
import dev.forcelink.testkit.internal.pubsub.EventDescription;
import dev.forcelink.testkit.internal.pubsub.EventField;
import dev.forcelink.testkit.internal.pubsub.EventSchemaGenerator;
import dev.forcelink.testkit.internal.pubsub.SalesforceFieldType;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class BitmapDecoderTest {
  /** 0 ChangeEventHeader, 1 Name, 2 Type, 3 BillingAddress, 4 Phone, 5 ShippingAddress, 6 OwnerId. */
  private static final Schema ACCOUNT = EventSchemaGenerator.generate(EventDescription.changeEvent("Account", List.of(
      EventField.scalar("Name", SalesforceFieldType.TEXT),
      EventField.scalar("Type", SalesforceFieldType.PICKLIST),
      CompoundFields.address("BillingAddress"),
      EventField.scalar("Phone", SalesforceFieldType.PHONE),
      CompoundFields.address("ShippingAddress"),
      EventField.scalar("OwnerId", SalesforceFieldType.REFERENCE))));

  @Test
  void decodesTheDocumentedExample() {
    // Fields 1..31 with compound fields at positions 4 (an address) and 7 (a person name).
    List<EventField> fields = new ArrayList<>();
    for (int pos = 1; pos <= 31; pos++) {
      if (pos == 4) {
        fields.add(CompoundFields.address("MailingAddress"));
      } else if (pos == 7) {
        fields.add(CompoundFields.personName());
      } else {
        fields.add(EventField.scalar(String.format("Field%02d__c", pos), SalesforceFieldType.TEXT));
      }
    }
    Schema schema = EventSchemaGenerator.generate(EventDescription.changeEvent("Wide__c", fields));

    List<String> names = BitmapDecoder.decode(schema, "changedFields", List.of("0x650004E0", "4-0x10", "7-0x06"));

    // Top-level bits {5,6,7,10,24,26,29,30}; 4-0x10 is part 4 (Country); 7-0x06 parts 1 and 2.
    // Bit 7 is the whole Name field, read as Salesforce's examples read it.
    assertThat(names).containsExactly(
        "Field05__c", "Field06__c", "Name", "Field10__c", "Field24__c", "Field26__c", "Field29__c", "Field30__c",
        "MailingAddress.Country", "Name.FirstName", "Name.LastName");
  }

  @Test
  void emptyListDecodesToNoFields() {
    assertThat(BitmapDecoder.decode(ACCOUNT, "nulledFields", List.of())).isEmpty();
  }

  @Test
  void fieldNamesPassThroughUnchanged() {
    assertThat(BitmapDecoder.decode(ACCOUNT, "changedFields", List.of("Name", "LastModifiedDate")))
        .containsExactly("Name", "LastModifiedDate");
  }

  @Test
  void compoundWithEveryPartSetCollapsesToItsName() {
    assertThat(BitmapDecoder.decode(ACCOUNT, "nulledFields", List.of("0x10", "3-0xFF")))
        .containsExactly("Phone", "BillingAddress");
  }

  @Test
  void hexDigitsMayBeLowerCaseAndBitmapsLongerThanTheSchema() {
    assertThat(BitmapDecoder.decode(ACCOUNT, "changedFields", List.of("0x0012", "5-0x0a")))
        .containsExactly("Name", "Phone", "ShippingAddress.City", "ShippingAddress.PostalCode");
  }

  @Test
  void expandsCompoundEntriesWhereverTheyAreInTheList() {
    assertThat(BitmapDecoder.decode(ACCOUNT, "changedFields", List.of("3-0x02", "5-0x01")))
        .containsExactly("BillingAddress.City", "ShippingAddress.Street");
    assertThat(BitmapDecoder.decode(ACCOUNT, "changedFields", List.of("0x00", "3-0x02", "5-0x01")))
        .containsExactly("BillingAddress.City", "ShippingAddress.Street");
  }

  @Test
  void unwrapsTheUnionShapesOfPersonNames() {
    String name = "{\"type\":\"record\",\"name\":\"Switchable_PersonName\",\"fields\":["
        + "{\"name\":\"Salutation\",\"type\":[\"null\",\"string\"]},"
        + "{\"name\":\"FirstName\",\"type\":[\"null\",\"string\"]},"
        + "{\"name\":\"LastName\",\"type\":[\"null\",\"string\"]}]}";
    Schema required = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"ContactChangeEvent\",\"fields\":["
        + "{\"name\":\"ChangeEventHeader\",\"type\":\"string\"},"
        + "{\"name\":\"Name\",\"type\":[\"string\"," + name + "]}]}");
    Schema optional = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"LeadChangeEvent\",\"fields\":["
        + "{\"name\":\"ChangeEventHeader\",\"type\":\"string\"},"
        + "{\"name\":\"Name\",\"type\":[\"null\",\"string\"," + name + "]}]}");

    assertThat(BitmapDecoder.decode(required, "changedFields", List.of("0x00", "1-0x04")))
        .containsExactly("Name.LastName");
    assertThat(BitmapDecoder.decode(optional, "changedFields", List.of("0x00", "1-0x03")))
        .containsExactly("Name.Salutation", "Name.FirstName");
  }

  @Test
  void oddDigitCountIsRefused() {
    assertDecodeError(List.of("0x650"), "Cannot decode ChangeEventHeader.changedFields of AccountChangeEvent: "
        + "\"0x650\": odd number of hex digits (3); bitmaps are whole bytes");
    assertDecodeError(List.of("0x02", "3-0x1"), "Cannot decode ChangeEventHeader.changedFields of AccountChangeEvent: "
        + "\"3-0x1\": odd number of hex digits (1); bitmaps are whole bytes");
  }

  @Test
  void nonHexDigitIsRefused() {
    assertDecodeError(List.of("0x6Z"), "Cannot decode ChangeEventHeader.changedFields of AccountChangeEvent: "
        + "\"0x6Z\": 'Z' is not a hex digit");
  }

  @Test
  void bitBeyondTheSchemaIsRefused() {
    assertDecodeError(List.of("0x0180"), "Cannot decode ChangeEventHeader.changedFields of AccountChangeEvent: "
        + "\"0x0180\": bit 7 is set but AccountChangeEvent has only 7 fields; "
        + "decode the event with the schema named by its schema id");
    assertDecodeError(List.of("0x00", "3-0x0100"), "Cannot decode ChangeEventHeader.changedFields of "
        + "AccountChangeEvent: \"3-0x0100\": bit 8 is set but compound field BillingAddress has only 8 fields");
  }

  @Test
  void badParentPositionIsRefused() {
    assertDecodeError(List.of("0x00", "7-0x01"), "Cannot decode ChangeEventHeader.changedFields of "
        + "AccountChangeEvent: \"7-0x01\": position 7 is not a field of AccountChangeEvent, which has 7 fields; "
        + "decode the event with the schema named by its schema id");
    assertDecodeError(List.of("0x00", "x-0x01"), "Cannot decode ChangeEventHeader.changedFields of "
        + "AccountChangeEvent: \"x-0x01\": position x is not a field of AccountChangeEvent, which has 7 fields; "
        + "decode the event with the schema named by its schema id");
  }

  @Test
  void nonRecordParentIsRefused() {
    assertDecodeError(List.of("0x00", "4-0x01"), "Cannot decode ChangeEventHeader.changedFields of "
        + "AccountChangeEvent: \"4-0x01\": field 4 (Phone) of AccountChangeEvent is not a compound field");
  }

  @Test
  void elementThatIsNotACompoundEntryIsRefused() {
    assertDecodeError(List.of("0x10", "Name"), "Cannot decode ChangeEventHeader.changedFields of "
        + "AccountChangeEvent: \"Name\": expected a compound entry {position}-0x{hex} after the top-level bitmap");
  }

  @Test
  void errorMessageQuotesAtMostAShortExcerpt() {
    String huge = "0x" + "0".repeat(10_001);

    assertThatThrownBy(() -> BitmapDecoder.decode(ACCOUNT, "changedFields", List.of(huge)))
        .isInstanceOf(ResponseDecodeException.class)
        .hasMessageContaining("\"" + huge.substring(0, 80) + "…\": odd number of hex digits (10001)");
  }

  private static void assertDecodeError(List<String> values, String message) {
    assertThatThrownBy(() -> BitmapDecoder.decode(ACCOUNT, "changedFields", values))
        .isInstanceOf(ResponseDecodeException.class)
        .hasMessage(message);
  }
}
