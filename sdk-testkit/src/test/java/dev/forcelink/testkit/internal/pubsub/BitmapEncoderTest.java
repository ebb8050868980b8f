package dev.forcelink.testkit.internal.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class BitmapEncoderTest {
  private static final Schema ACCOUNT = EventSchemaGenerator.generate(Fixtures.accountChangeEvent());
  // 0 ChangeEventHeader, 1 Name, 2 Type, 3 BillingAddress, 4 Phone, 5 ShippingAddress, 6 OwnerId

  @Test
  void emptySetIsAnEmptyArray() {
    assertThat(BitmapEncoder.encode(ACCOUNT, Set.of())).isEmpty();
  }

  @Test
  void topLevelFieldsSetTheirPositionBits() {
    assertThat(BitmapEncoder.encode(ACCOUNT, Set.of("Name", "Phone"))).containsExactly("0x12");
    assertThat(BitmapEncoder.encode(ACCOUNT, Set.of("Name"))).containsExactly("0x02");
  }

  @Test
  void someCompoundPartsGiveAnEntryAndNoParentBit() {
    assertThat(BitmapEncoder.encode(ACCOUNT, Set.of("Phone", "BillingAddress.City", "BillingAddress.Country")))
        .containsExactly("0x10", "3-0x12");
    assertThat(BitmapEncoder.encode(ACCOUNT, Set.of("ShippingAddress.GeocodeAccuracy", "BillingAddress.Street")))
        .containsExactly("0x00", "3-0x01", "5-0x80");
  }

  @Test
  void allCompoundPartsOrTheCompoundNameSetOnlyTheParentBit() {
    List<String> allParts = new ArrayList<>();
    for (String part : List.of("Street", "City", "State", "PostalCode", "Country", "Latitude", "Longitude",
        "GeocodeAccuracy")) {
      allParts.add("BillingAddress." + part);
    }
    assertThat(BitmapEncoder.encode(ACCOUNT, allParts)).containsExactly("0x08");
    assertThat(BitmapEncoder.encode(ACCOUNT, Set.of("BillingAddress"))).containsExactly("0x08");
    assertThat(BitmapEncoder.encode(ACCOUNT, Set.of("BillingAddress", "BillingAddress.City")))
        .containsExactly("0x08");
  }

  @Test
  void bitmapsAreUppercaseWholeBytesBigEndian() {
    List<EventField> fields = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      fields.add(EventField.scalar("F" + i, SalesforceFieldType.TEXT));
    }
    Schema wide = EventSchemaGenerator.generate(EventDescription.changeEvent("Wide__c", fields));

    // Bits 5,6,7,10,24,26,29,30: the documented example 0x650004E0.
    assertThat(BitmapEncoder.encode(wide, Set.of("F5", "F6", "F7", "F10", "F24", "F26", "F29", "F30")))
        .containsExactly("0x650004E0");
    assertThat(BitmapEncoder.encode(wide, Set.of("F40"))).containsExactly("0x010000000000");
    assertThat(BitmapEncoder.encode(wide, Set.of("F8"))).containsExactly("0x0100");
  }

  @Test
  void unknownFieldsAndPartsOfScalarsAreRefused() {
    assertThatThrownBy(() -> BitmapEncoder.encode(ACCOUNT, Set.of("Fax")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Field path Fax: AccountChangeEvent has no field Fax");
    assertThatThrownBy(() -> BitmapEncoder.encode(ACCOUNT, Set.of("BillingAddress.Planet")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Field path BillingAddress.Planet: BillingAddress has no field Planet");
    assertThatThrownBy(() -> BitmapEncoder.encode(ACCOUNT, Set.of("Phone.Extension")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Field path Phone.Extension: Phone is not a compound field");
  }
}
