package dev.forcelink.testkit.internal.pubsub;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/**
 * Generates the Avro schema of a platform event or change event, shaped as Salesforce's: a record
 * named after the event in namespace {@value #NAMESPACE}; platform events start with
 * {@code CreatedDate} (long, epoch ms), {@code CreatedById} (string) and {@code EventUuid}
 * (nullable string); change events start with the {@code ChangeEventHeader} record. Every described
 * field is a nullable union {@code ["null", T]} with default null; a compound field is a nullable
 * record whose parts are nullable too.
 *
 * <p>Stateless and thread-safe.
 */
public final class EventSchemaGenerator {
  /** Namespace of every generated record and enum. */
  public static final String NAMESPACE = "com.sforce.eventbus";
  /** Name of the header field of change events, and of its record type. */
  public static final String CHANGE_EVENT_HEADER = "ChangeEventHeader";
  /** Name of the enum type of {@code ChangeEventHeader.changeType}. */
  public static final String CHANGE_TYPE = "ChangeType";

  private EventSchemaGenerator() {}

  /**
   * Generates the schema of an event.
   *
   * @param description the event
   * @return a new schema
   * @throws NullPointerException if {@code description} is null
   */
  public static Schema generate(EventDescription description) {
    List<Schema.Field> fields = new ArrayList<>();
    if (description.kind() == EventDescription.Kind.PLATFORM_EVENT) {
      fields.add(new Schema.Field("CreatedDate", Schema.create(Schema.Type.LONG)));
      fields.add(new Schema.Field("CreatedById", Schema.create(Schema.Type.STRING)));
      fields.add(nullable("EventUuid", Schema.create(Schema.Type.STRING)));
    } else {
      fields.add(new Schema.Field(CHANGE_EVENT_HEADER, ChangeEventHeaderSchema.create()));
    }
    for (EventField field : description.fields()) {
      fields.add(nullable(field.name(), valueSchema(field)));
    }
    return Schema.createRecord(description.eventName(), null, NAMESPACE, false, fields);
  }

  private static Schema valueSchema(EventField field) {
    if (field instanceof EventField.Scalar scalar) {
      return scalar.type().avroSchema();
    }
    EventField.Compound compound = (EventField.Compound) field;
    List<Schema.Field> parts = new ArrayList<>();
    for (EventField.Scalar part : compound.parts()) {
      parts.add(nullable(part.name(), part.type().avroSchema()));
    }
    // The record is named after its field so that two addresses of one object (BillingAddress,
    // ShippingAddress) are two distinct Avro types and never a redefinition of the same name.
    return Schema.createRecord(compound.name(), null, NAMESPACE, false, parts);
  }

  static Schema.Field nullable(String name, Schema value) {
    Schema union = Schema.createUnion(Schema.create(Schema.Type.NULL), value);
    return new Schema.Field(name, union, null, JsonProperties.NULL_VALUE);
  }
}
