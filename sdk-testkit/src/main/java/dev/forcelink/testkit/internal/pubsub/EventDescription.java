package dev.forcelink.testkit.internal.pubsub;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the schema generator needs to know about one event type: whether it is a platform event or a
 * change event, the event's or object's API name, and its fields in schema order.
 *
 * <p>For a platform event the fields are the custom fields; {@code CreatedDate},
 * {@code CreatedById} and {@code EventUuid} are added by the generator. For a change event they are
 * the object's fields; {@code ChangeEventHeader} is added by the generator.
 *
 * @param kind platform event or change event
 * @param apiName the platform event's API name ({@code Order_Event__e}) or the object's API name
 *     ({@code Account}, {@code Employee__c})
 * @param fields the fields in schema order; compound fields only in change events
 */
public record EventDescription(Kind kind, String apiName, List<EventField> fields) {
  private static final Set<String> PLATFORM_EVENT_STANDARD_FIELDS = Set.of("CreatedDate", "CreatedById", "EventUuid");
  private static final Set<String> RESERVED_RECORD_NAMES = Set.of(
      EventSchemaGenerator.CHANGE_EVENT_HEADER, EventSchemaGenerator.CHANGE_TYPE);

  /** The two kinds of event that Pub/Sub carries with a generated schema. */
  public enum Kind {
    /** A custom platform event ({@code /event/X__e}). */
    PLATFORM_EVENT,
    /** A Change Data Capture event ({@code /data/XChangeEvent}). */
    CHANGE_EVENT
  }

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if a name is invalid or reserved, two fields share a name, a
   *     platform event name does not end in {@code __e}, or a platform event has a compound field
   * @throws NullPointerException if a component is null
   */
  public EventDescription {
    Objects.requireNonNull(kind, "kind");
    AvroNames.check(apiName, "API name");
    fields = List.copyOf(fields);
    List<String> names = new ArrayList<>();
    if (kind == Kind.PLATFORM_EVENT) {
      if (!apiName.endsWith("__e")) {
        throw new IllegalArgumentException("Platform event name " + apiName + " must end with __e");
      }
      names.addAll(List.of("CreatedDate", "CreatedById", "EventUuid"));
    } else {
      if (apiName.contains("__") && !apiName.endsWith("__c")) {
        throw new IllegalArgumentException(
            "Object " + apiName + " has no change events: only standard objects and custom objects (__c) do");
      }
      names.add(EventSchemaGenerator.CHANGE_EVENT_HEADER);
    }
    for (EventField field : fields) {
      if (kind == Kind.PLATFORM_EVENT && field instanceof EventField.Compound) {
        throw new IllegalArgumentException(
            "Platform event " + apiName + " cannot have compound field " + field.name());
      }
      if (kind == Kind.PLATFORM_EVENT && PLATFORM_EVENT_STANDARD_FIELDS.contains(field.name())
          || kind == Kind.CHANGE_EVENT && field.name().equals(EventSchemaGenerator.CHANGE_EVENT_HEADER)) {
        throw new IllegalArgumentException(
            "Field " + field.name() + " of " + apiName + " is added by the schema generator; leave it out");
      }
      if (field instanceof EventField.Compound
          && (RESERVED_RECORD_NAMES.contains(field.name()) || field.name().equals(eventName(kind, apiName)))) {
        throw new IllegalArgumentException(
            "Compound field " + field.name() + " of " + apiName + " would clash with an Avro type of the same name");
      }
      names.add(field.name());
    }
    AvroNames.checkUnique(names, apiName);
  }

  /**
   * Describes a custom platform event.
   *
   * @param eventApiName the event's API name, such as {@code Order_Event__e}
   * @param customFields its custom fields in schema order (scalar only)
   * @return the description
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static EventDescription platformEvent(String eventApiName, List<EventField> customFields) {
    return new EventDescription(Kind.PLATFORM_EVENT, eventApiName, customFields);
  }

  /**
   * Describes the change event of an object.
   *
   * @param objectApiName the object's API name, such as {@code Account} or {@code Employee__c}
   * @param fields the object's fields in schema order, compound fields included
   * @return the description
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static EventDescription changeEvent(String objectApiName, List<EventField> fields) {
    return new EventDescription(Kind.CHANGE_EVENT, objectApiName, fields);
  }

  /**
   * Returns the name of the event's Avro record, which is also the last part of its topic name:
   * {@code Order_Event__e}, {@code AccountChangeEvent}, {@code Employee__ChangeEvent} for
   * {@code Employee__c}.
   *
   * @return the event name
   */
  public String eventName() {
    return eventName(kind, apiName);
  }

  private static String eventName(Kind kind, String apiName) {
    if (kind == Kind.PLATFORM_EVENT) {
      return apiName;
    }
    if (apiName.endsWith("__c")) {
      return apiName.substring(0, apiName.length() - 1) + "ChangeEvent";
    }
    return apiName + "ChangeEvent";
  }
}
