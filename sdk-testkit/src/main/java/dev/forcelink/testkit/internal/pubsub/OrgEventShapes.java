package dev.forcelink.testkit.internal.pubsub;

import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.FieldType;
import dev.forcelink.testkit.internal.org.ObjectKind;
import dev.forcelink.testkit.internal.org.SObjectDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Describes the events of the org's objects for the schema generator: the change event of a stored
 * object and the platform event of an {@code __e} definition, with the map from each stored field
 * to its path in the event ({@code Phone}, {@code BillingAddress.City}, {@code Name.FirstName}).
 *
 * <p>Change events carry the object's fields except {@code Id} (the header's {@code recordIds}
 * holds it), {@code IsDeleted} and {@code SystemModstamp}. The parts of a person name (Contact,
 * Lead) become the compound {@code Name}, and the org's address fields ({@code BillingCity}, …)
 * become compound addresses ({@code BillingAddress}), placed where their first part was; an object
 * without such fields keeps just its scalar fields.
 *
 * <p>Stateless and thread-safe.
 */
public final class OrgEventShapes {
  private static final Set<String> NOT_IN_CHANGE_EVENTS = Set.of("Id", "IsDeleted", "SystemModstamp");
  private static final Set<String> PERSON_OBJECTS = Set.of("Contact", "Lead");
  private static final List<String> PERSON_PARTS = List.of("Salutation", "FirstName", "LastName");
  private static final List<String> ADDRESS_PREFIXES = List.of("Billing", "Shipping", "Mailing", "Other", "");
  private static final List<String> ADDRESS_PARTS = List.of(
      "Street", "City", "State", "PostalCode", "Country", "Latitude", "Longitude", "GeocodeAccuracy");

  private OrgEventShapes() {}

  /**
   * The change event of a stored object and where each stored field goes in it.
   *
   * @param description the description for {@link EventSchemaGenerator}
   * @param paths stored field name to event path; fields absent here are not carried
   */
  public record ChangeEventShape(EventDescription description, Map<String, String> paths) {
    /** Copies the map. */
    public ChangeEventShape {
      paths = Map.copyOf(paths);
    }
  }

  /**
   * Describes the change event of an object.
   *
   * @param object a standard or custom object
   * @return the description and field paths
   * @throws IllegalArgumentException if the object is a platform event, or its name cannot carry
   *     change events
   */
  public static ChangeEventShape changeEvent(SObjectDef object) {
    if (!object.storable()) {
      throw new IllegalArgumentException(object.name() + " is a platform event and has no change events");
    }
    Map<String, String> paths = new LinkedHashMap<>();
    Map<String, List<EventField.Scalar>> compoundParts = new LinkedHashMap<>();
    List<Object> order = new ArrayList<>();
    boolean person = PERSON_OBJECTS.contains(object.name()) && object.field("LastName") != null;
    for (FieldDef field : object.fields()) {
      String name = field.name();
      SalesforceFieldType type = typeOf(field.type());
      if (NOT_IN_CHANGE_EVENTS.contains(name) || type == null || person && name.equals("Name")) {
        continue;
      }
      String compound = null;
      String part = null;
      if (person && PERSON_PARTS.contains(name)) {
        compound = "Name";
        part = name;
      } else {
        for (String prefix : ADDRESS_PREFIXES) {
          if (name.startsWith(prefix) && ADDRESS_PARTS.contains(name.substring(prefix.length()))) {
            compound = prefix + "Address";
            part = name.substring(prefix.length());
            break;
          }
        }
      }
      if (compound == null) {
        order.add(EventField.scalar(name, type));
        paths.put(name, name);
        continue;
      }
      if (!compoundParts.containsKey(compound)) {
        compoundParts.put(compound, new ArrayList<>());
        order.add(compound);
      }
      compoundParts.get(compound).add(EventField.scalar(part, type));
      paths.put(name, compound + "." + part);
    }
    List<EventField> fields = new ArrayList<>();
    for (Object entry : order) {
      if (entry instanceof EventField field) {
        fields.add(field);
      } else {
        fields.add(standardCompound((String) entry, compoundParts.get(entry)));
      }
    }
    return new ChangeEventShape(EventDescription.changeEvent(object.name(), fields), paths);
  }

  /**
   * Describes a platform event: its custom fields ({@code …__c}); the standard ones are added by the
   * generator.
   *
   * @param event a platform event definition
   * @return the description
   * @throws IllegalArgumentException if the definition is not a platform event
   */
  public static EventDescription platformEvent(SObjectDef event) {
    if (event.kind() != ObjectKind.PLATFORM_EVENT) {
      throw new IllegalArgumentException(event.name() + " is not a platform event");
    }
    List<EventField> fields = new ArrayList<>();
    for (FieldDef field : event.fields()) {
      SalesforceFieldType type = typeOf(field.type());
      if (field.custom() && type != null) {
        fields.add(EventField.scalar(field.name(), type));
      }
    }
    return EventDescription.platformEvent(event.name(), fields);
  }

  /**
   * Maps an org field type to the event field type, or {@code null} for types events do not carry
   * (base64, location, …).
   *
   * @param type the org field type
   * @return the event field type, or {@code null}
   */
  public static SalesforceFieldType typeOf(FieldType type) {
    switch (type) {
      case ID: return SalesforceFieldType.ID;
      case REFERENCE: return SalesforceFieldType.REFERENCE;
      case BOOLEAN: return SalesforceFieldType.CHECKBOX;
      case STRING: case ENCRYPTEDSTRING: return SalesforceFieldType.TEXT;
      // Time fields: their Avro type is unverified; the REST text form keeps them readable.
      case TIME: return SalesforceFieldType.TEXT;
      case PICKLIST: case MULTIPICKLIST: case COMBOBOX: return SalesforceFieldType.PICKLIST;
      case TEXTAREA: case JSON: return SalesforceFieldType.TEXTAREA;
      case EMAIL: return SalesforceFieldType.EMAIL;
      case PHONE: return SalesforceFieldType.PHONE;
      case URL: return SalesforceFieldType.URL;
      case CURRENCY: return SalesforceFieldType.CURRENCY;
      case PERCENT: return SalesforceFieldType.PERCENT;
      case DOUBLE: return SalesforceFieldType.DOUBLE;
      case INT: return SalesforceFieldType.INT;
      case LONG: return SalesforceFieldType.LONG;
      case DATE: return SalesforceFieldType.DATE;
      case DATETIME: return SalesforceFieldType.DATETIME;
      default: return null;
    }
  }

  /**
   * Uses Salesforce's full part list for the standard compounds, so a {@code BillingAddress} has
   * {@code Latitude} and {@code GeocodeAccuracy} even when the org stores only street to country;
   * the parts the org does not store are always null.
   */
  private static EventField.Compound standardCompound(String name, List<EventField.Scalar> present) {
    EventField.Compound standard = name.equals("Name") ? CompoundFields.personName() : CompoundFields.address(name);
    List<EventField.Scalar> parts = new ArrayList<>();
    for (EventField.Scalar part : standard.parts()) {
      EventField.Scalar own = present.stream().filter(p -> p.name().equals(part.name())).findFirst().orElse(part);
      parts.add(own);
    }
    return EventField.compound(name, parts);
  }
}
