package dev.forcelink.testkit.internal.pubsub;

import static dev.forcelink.testkit.internal.pubsub.SalesforceFieldType.CHECKBOX;
import static dev.forcelink.testkit.internal.pubsub.SalesforceFieldType.CURRENCY;
import static dev.forcelink.testkit.internal.pubsub.SalesforceFieldType.DATE;
import static dev.forcelink.testkit.internal.pubsub.SalesforceFieldType.DATETIME;
import static dev.forcelink.testkit.internal.pubsub.SalesforceFieldType.EMAIL;
import static dev.forcelink.testkit.internal.pubsub.SalesforceFieldType.INT;
import static dev.forcelink.testkit.internal.pubsub.SalesforceFieldType.PHONE;
import static dev.forcelink.testkit.internal.pubsub.SalesforceFieldType.PICKLIST;
import static dev.forcelink.testkit.internal.pubsub.SalesforceFieldType.REFERENCE;
import static dev.forcelink.testkit.internal.pubsub.SalesforceFieldType.TEXT;

import java.util.List;

/** Event descriptions shared by the tests of this package. */
final class Fixtures {
  private Fixtures() {}

  static EventDescription orderEvent() {
    return EventDescription.platformEvent("Order_Event__e", List.of(
        EventField.scalar("Order_Number__c", TEXT),
        EventField.scalar("Amount__c", CURRENCY),
        EventField.scalar("Quantity__c", INT),
        EventField.scalar("Shipped__c", CHECKBOX),
        EventField.scalar("Ship_Date__c", DATE),
        EventField.scalar("Shipped_At__c", DATETIME)));
  }

  static EventDescription accountChangeEvent() {
    return EventDescription.changeEvent("Account", List.of(
        EventField.scalar("Name", TEXT),
        EventField.scalar("Type", PICKLIST),
        CompoundFields.address("BillingAddress"),
        EventField.scalar("Phone", PHONE),
        CompoundFields.address("ShippingAddress"),
        EventField.scalar("OwnerId", REFERENCE)));
  }

  static EventDescription contactChangeEvent() {
    return EventDescription.changeEvent("Contact", List.of(
        EventField.scalar("AccountId", REFERENCE),
        CompoundFields.personName(),
        EventField.scalar("Email", EMAIL)));
  }
}
