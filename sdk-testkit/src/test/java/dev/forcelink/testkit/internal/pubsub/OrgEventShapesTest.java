package dev.forcelink.testkit.internal.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.testkit.internal.org.DefaultSchema;
import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.FieldType;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.SObjectDef;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class OrgEventShapesTest {

  private final OrgSchema org = DefaultSchema.create();

  @Test
  void accountAddressesBecomeCompoundFieldsWithEveryStandardPart() {
    OrgEventShapes.ChangeEventShape shape = OrgEventShapes.changeEvent(org.find("Account"));
    Schema schema = EventSchemaGenerator.generate(shape.description());

    assertThat(schema.getField("BillingCity")).isNull();
    assertThat(schema.getField("Id")).isNull();
    assertThat(schema.getField("SystemModstamp")).isNull();
    assertThat(schema.getField("LastModifiedDate")).isNotNull();
    Schema billing = schema.getField("BillingAddress").schema().getTypes().get(1);
    assertThat(billing.getFields()).extracting(Schema.Field::name).containsExactly("Street", "City", "State",
        "PostalCode", "Country", "Latitude", "Longitude", "GeocodeAccuracy");
    assertThat(schema.getField("ShippingAddress")).isNotNull();
    assertThat(shape.paths()).containsEntry("BillingCity", "BillingAddress.City").containsEntry("Phone", "Phone")
        .doesNotContainKey("Id");
  }

  @Test
  void contactAndLeadNamePartsBecomeTheCompoundName() {
    for (String object : List.of("Contact", "Lead")) {
      OrgEventShapes.ChangeEventShape shape = OrgEventShapes.changeEvent(org.find(object));
      Schema name = EventSchemaGenerator.generate(shape.description()).getField("Name").schema().getTypes().get(1);
      assertThat(name.getFields()).extracting(Schema.Field::name)
          .containsExactly("Salutation", "FirstName", "LastName");
      assertThat(shape.paths()).containsEntry("FirstName", "Name.FirstName").doesNotContainKey("Name");
    }
  }

  @Test
  void objectsWithoutCompoundSourcesKeepTheirScalarFields() {
    SObjectDef custom = org.declareCustomObject("Gadget__c", null, null, false, List.of(
        FieldDef.builder("Weight__c", FieldType.DOUBLE).build(),
        FieldDef.builder("Count__c", FieldType.INT).build(),
        FieldDef.builder("Blob__c", FieldType.BASE64).build()));
    Schema schema = EventSchemaGenerator.generate(OrgEventShapes.changeEvent(custom).description());

    assertThat(schema.getName()).isEqualTo("Gadget__ChangeEvent");
    assertThat(schema.getFields()).extracting(Schema.Field::name).contains("Name", "Weight__c", "Count__c")
        .doesNotContain("Blob__c", "BillingAddress");
    assertThat(schema.getField("Count__c").schema().getTypes().get(1).getType()).isEqualTo(Schema.Type.INT);
  }

  @Test
  void platformEventsCarryTheirCustomFieldsOnly() {
    EventDescription description = OrgEventShapes.platformEvent(org.find("Order_Event__e"));
    assertThat(description.fields()).extracting(EventField::name)
        .containsExactly("Opportunity_Id__c", "Amount__c", "Status__c");
    assertThatThrownBy(() -> OrgEventShapes.platformEvent(org.find("Account")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OrgEventShapes.changeEvent(org.find("Order_Event__e")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
