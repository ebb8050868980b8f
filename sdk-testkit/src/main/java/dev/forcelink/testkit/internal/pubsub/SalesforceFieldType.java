package dev.forcelink.testkit.internal.pubsub;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Salesforce field types that an event schema can carry, each with the Avro type Salesforce maps it
 * to in Pub/Sub event schemas.
 *
 * <p>Immutable and thread-safe.
 */
public enum SalesforceFieldType {
  /** Text. Avro {@code string}. */
  TEXT(Schema.Type.STRING),
  /** Text area (plain or long). Avro {@code string}. */
  TEXTAREA(Schema.Type.STRING),
  /** Picklist. Avro {@code string}. */
  PICKLIST(Schema.Type.STRING),
  /** Email. Avro {@code string}. */
  EMAIL(Schema.Type.STRING),
  /** Phone. Avro {@code string}. */
  PHONE(Schema.Type.STRING),
  /** URL. Avro {@code string}. */
  URL(Schema.Type.STRING),
  /** Record id. Avro {@code string}. */
  ID(Schema.Type.STRING),
  /** Lookup or master-detail reference (a record id). Avro {@code string}. */
  REFERENCE(Schema.Type.STRING),
  /** Number with decimals. Avro {@code double}. */
  NUMBER(Schema.Type.DOUBLE),
  /** Currency. Avro {@code double}. */
  CURRENCY(Schema.Type.DOUBLE),
  /** Percent. Avro {@code double}. */
  PERCENT(Schema.Type.DOUBLE),
  /** Double. Avro {@code double}. */
  DOUBLE(Schema.Type.DOUBLE),
  /** Integer. Avro {@code int}. */
  INT(Schema.Type.INT),
  /** Long integer. Avro {@code long}. */
  LONG(Schema.Type.LONG),
  /** Checkbox. Avro {@code boolean}. */
  CHECKBOX(Schema.Type.BOOLEAN),
  /** Date. Avro {@code int} with logical type {@code date} (days since 1970-01-01). */
  DATE(Schema.Type.INT),
  /** Date and time. Avro {@code long} with logical type {@code timestamp-millis} (epoch ms). */
  DATETIME(Schema.Type.LONG);

  private final Schema.Type avroType;

  SalesforceFieldType(Schema.Type avroType) {
    this.avroType = avroType;
  }

  /**
   * Returns a new Avro schema for a value of this type (not nullable).
   *
   * @return the value schema, with its logical type for {@link #DATE} and {@link #DATETIME}
   */
  public Schema avroSchema() {
    Schema schema = Schema.create(avroType);
    if (this == DATE) {
      return LogicalTypes.date().addToSchema(schema);
    }
    if (this == DATETIME) {
      return LogicalTypes.timestampMillis().addToSchema(schema);
    }
    return schema;
  }
}
