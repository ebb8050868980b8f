package dev.forcelink.testkit.internal.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class EventSchemaGeneratorTest {

  @Test
  void platformEventHasStandardFieldsThenNullableCustomFields() {
    Schema schema = reparsed(EventSchemaGenerator.generate(Fixtures.orderEvent()));

    assertThat(schema.getFullName()).isEqualTo("com.sforce.eventbus.Order_Event__e");
    assertThat(names(schema)).containsExactly("CreatedDate", "CreatedById", "EventUuid",
        "Order_Number__c", "Amount__c", "Quantity__c", "Shipped__c", "Ship_Date__c", "Shipped_At__c");
    assertThat(schema.getField("CreatedDate").schema().getType()).isEqualTo(Schema.Type.LONG);
    assertThat(schema.getField("CreatedById").schema().getType()).isEqualTo(Schema.Type.STRING);
    assertNullable(schema.getField("EventUuid"), Schema.Type.STRING, null);
    assertNullable(schema.getField("Order_Number__c"), Schema.Type.STRING, null);
    assertNullable(schema.getField("Amount__c"), Schema.Type.DOUBLE, null);
    assertNullable(schema.getField("Quantity__c"), Schema.Type.INT, null);
    assertNullable(schema.getField("Shipped__c"), Schema.Type.BOOLEAN, null);
    assertNullable(schema.getField("Ship_Date__c"), Schema.Type.INT, "date");
    assertNullable(schema.getField("Shipped_At__c"), Schema.Type.LONG, "timestamp-millis");
  }

  @Test
  void everyFieldTypeMapsToSalesforcesAvroType() {
    assertThat(SalesforceFieldType.values()).allSatisfy(type -> {
      Schema.Type expected = switch (type) {
        case TEXT, TEXTAREA, PICKLIST, EMAIL, PHONE, URL, ID, REFERENCE -> Schema.Type.STRING;
        case NUMBER, CURRENCY, PERCENT, DOUBLE -> Schema.Type.DOUBLE;
        case INT, DATE -> Schema.Type.INT;
        case CHECKBOX -> Schema.Type.BOOLEAN;
        case LONG, DATETIME -> Schema.Type.LONG;
      };
      assertThat(type.avroSchema().getType()).as(type.name()).isEqualTo(expected);
    });
  }

  @Test
  void changeEventStartsWithTheHeaderInDocumentedOrder() {
    Schema schema = reparsed(EventSchemaGenerator.generate(Fixtures.accountChangeEvent()));

    assertThat(schema.getFullName()).isEqualTo("com.sforce.eventbus.AccountChangeEvent");
    assertThat(names(schema)).containsExactly(
        "ChangeEventHeader", "Name", "Type", "BillingAddress", "Phone", "ShippingAddress", "OwnerId");
    Schema header = schema.getField("ChangeEventHeader").schema();
    assertThat(header.getFullName()).isEqualTo("com.sforce.eventbus.ChangeEventHeader");
    assertThat(names(header)).containsExactly("entityName", "recordIds", "changeType", "changeOrigin",
        "transactionKey", "sequenceNumber", "commitTimestamp", "commitNumber", "commitUser",
        "nulledFields", "diffFields", "changedFields");
    assertThat(header.getField("recordIds").schema().getElementType().getType()).isEqualTo(Schema.Type.STRING);
    assertThat(header.getField("sequenceNumber").schema().getType()).isEqualTo(Schema.Type.INT);
    assertThat(header.getField("commitTimestamp").schema().getType()).isEqualTo(Schema.Type.LONG);
    assertThat(header.getField("commitNumber").schema().getType()).isEqualTo(Schema.Type.LONG);
    for (String bitmap : List.of("nulledFields", "diffFields", "changedFields")) {
      Schema type = header.getField(bitmap).schema();
      assertThat(type.getType()).isEqualTo(Schema.Type.ARRAY);
      assertThat(type.getElementType().getType()).isEqualTo(Schema.Type.STRING);
    }
    Schema changeType = header.getField("changeType").schema();
    assertThat(changeType.getFullName()).isEqualTo("com.sforce.eventbus.ChangeType");
    assertThat(changeType.getEnumSymbols()).containsExactly("CREATE", "UPDATE", "DELETE", "UNDELETE",
        "GAP_CREATE", "GAP_UPDATE", "GAP_DELETE", "GAP_UNDELETE", "GAP_OVERFLOW", "SNAPSHOT");
  }

  @Test
  void compoundFieldsAreNullableRecordsOfNullableParts() {
    Schema account = reparsed(EventSchemaGenerator.generate(Fixtures.accountChangeEvent()));
    Schema.Field billing = account.getField("BillingAddress");

    assertThat(billing.defaultVal()).isEqualTo(JsonProperties.NULL_VALUE);
    Schema record = billing.schema().getTypes().get(1);
    assertThat(billing.schema().getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL);
    assertThat(record.getFullName()).isEqualTo("com.sforce.eventbus.BillingAddress");
    assertThat(names(record)).containsExactly(
        "Street", "City", "State", "PostalCode", "Country", "Latitude", "Longitude", "GeocodeAccuracy");
    assertNullable(record.getField("Latitude"), Schema.Type.DOUBLE, null);
    assertThat(account.getField("ShippingAddress").schema().getTypes().get(1).getFullName())
        .isEqualTo("com.sforce.eventbus.ShippingAddress");

    Schema contact = reparsed(EventSchemaGenerator.generate(Fixtures.contactChangeEvent()));
    Schema name = contact.getField("Name").schema().getTypes().get(1);
    assertThat(name.getType()).isEqualTo(Schema.Type.RECORD);
    assertThat(names(name)).containsExactly("Salutation", "FirstName", "LastName");
  }

  @Test
  void customObjectChangeEventIsNamedWithoutTheCustomSuffix() {
    EventDescription employee = EventDescription.changeEvent("Employee__c",
        List.of(EventField.scalar("Title__c", SalesforceFieldType.TEXT)));

    assertThat(employee.eventName()).isEqualTo("Employee__ChangeEvent");
    assertThat(EventSchemaGenerator.generate(employee).getFullName())
        .isEqualTo("com.sforce.eventbus.Employee__ChangeEvent");
  }

  @Test
  void rejectsDescriptionsThatCannotBeSalesforceEvents() {
    EventField.Scalar text = EventField.scalar("Title__c", SalesforceFieldType.TEXT);
    assertThatThrownBy(() -> EventDescription.platformEvent("Order_Event", List.of(text)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Platform event name Order_Event must end with __e");
    assertThatThrownBy(() -> EventDescription.platformEvent("Order_Event__e",
            List.of(CompoundFields.address("BillingAddress"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Platform event Order_Event__e cannot have compound field BillingAddress");
    assertThatThrownBy(() -> EventDescription.platformEvent("Order_Event__e",
            List.of(EventField.scalar("CreatedDate", SalesforceFieldType.DATETIME))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Field CreatedDate of Order_Event__e is added by the schema generator; leave it out");
    assertThatThrownBy(() -> EventDescription.changeEvent("Account", List.of(text, text)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Duplicate field Title__c in Account");
    assertThatThrownBy(() -> EventDescription.changeEvent("Setting__mdt", List.of(text)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Object Setting__mdt has no change events: only standard objects and custom objects (__c) do");
    assertThatThrownBy(() -> EventField.scalar("Bad-Name", SalesforceFieldType.TEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid field name \"Bad-Name\": use letters, digits and underscores, not starting with a digit");
    assertThatThrownBy(() -> EventDescription.changeEvent("Account",
            List.of(EventField.compound("ChangeType", List.of(text)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Compound field ChangeType of Account would clash with an Avro type of the same name");
  }

  private static Schema reparsed(Schema schema) {
    return new Schema.Parser().parse(schema.toString());
  }

  private static List<String> names(Schema record) {
    return record.getFields().stream().map(Schema.Field::name).toList();
  }

  private static void assertNullable(Schema.Field field, Schema.Type valueType, String logicalType) {
    List<Schema> branches = field.schema().getTypes();
    assertThat(branches).hasSize(2);
    assertThat(branches.get(0).getType()).isEqualTo(Schema.Type.NULL);
    assertThat(branches.get(1).getType()).as(field.name()).isEqualTo(valueType);
    assertThat(branches.get(1).getLogicalType() == null ? null : branches.get(1).getLogicalType().getName())
        .as(field.name() + " logical type").isEqualTo(logicalType);
    assertThat(field.defaultVal()).isEqualTo(JsonProperties.NULL_VALUE);
  }
}
