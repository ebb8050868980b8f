package dev.forcelink.testkit.internal.pubsub;

import static dev.forcelink.testkit.internal.pubsub.SalesforceFieldType.DOUBLE;
import static dev.forcelink.testkit.internal.pubsub.SalesforceFieldType.PICKLIST;
import static dev.forcelink.testkit.internal.pubsub.SalesforceFieldType.TEXT;
import static dev.forcelink.testkit.internal.pubsub.SalesforceFieldType.TEXTAREA;

import java.util.List;

/**
 * The standard compound fields of Salesforce objects, ready to put into an {@link EventDescription}.
 *
 * <p>Stateless and thread-safe.
 */
public final class CompoundFields {
  private CompoundFields() {}

  /**
   * The person name of Contact and Lead: {@code Salutation}, {@code FirstName}, {@code LastName}.
   *
   * @return the compound field {@code Name}
   */
  public static EventField.Compound personName() {
    return EventField.compound("Name", List.of(
        EventField.scalar("Salutation", PICKLIST),
        EventField.scalar("FirstName", TEXT),
        EventField.scalar("LastName", TEXT)));
  }

  /**
   * An address such as Account's {@code BillingAddress}: {@code Street}, {@code City},
   * {@code State}, {@code PostalCode}, {@code Country}, {@code Latitude}, {@code Longitude},
   * {@code GeocodeAccuracy}.
   *
   * @param name the compound field's name, such as {@code BillingAddress}
   * @return the compound field
   * @throws IllegalArgumentException if the name is not a valid Avro name
   */
  public static EventField.Compound address(String name) {
    return EventField.compound(name, List.of(
        EventField.scalar("Street", TEXTAREA),
        EventField.scalar("City", TEXT),
        EventField.scalar("State", TEXT),
        EventField.scalar("PostalCode", TEXT),
        EventField.scalar("Country", TEXT),
        EventField.scalar("Latitude", DOUBLE),
        EventField.scalar("Longitude", DOUBLE),
        EventField.scalar("GeocodeAccuracy", PICKLIST)));
  }
}
