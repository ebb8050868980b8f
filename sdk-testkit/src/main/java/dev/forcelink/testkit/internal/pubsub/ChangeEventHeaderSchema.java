package dev.forcelink.testkit.internal.pubsub;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The {@code ChangeEventHeader} record of change events: the fields of the CDC header in the
 * documented order, with {@code changeType} an enum and the three bitmap fields arrays of strings.
 */
final class ChangeEventHeaderSchema {
  /**
   * The change types in the order of the CDC documentation. Whether Salesforce's Avro enum lists
   * SNAPSHOT (documented as reserved) is not verified; listing it costs a subscriber nothing, as it
   * is never sent.
   */
  static final List<String> CHANGE_TYPES = List.of(
      "CREATE", "UPDATE", "DELETE", "UNDELETE",
      "GAP_CREATE", "GAP_UPDATE", "GAP_DELETE", "GAP_UNDELETE", "GAP_OVERFLOW", "SNAPSHOT");

  private ChangeEventHeaderSchema() {}

  static Schema create() {
    Schema changeType = Schema.createEnum(
        EventSchemaGenerator.CHANGE_TYPE, null, EventSchemaGenerator.NAMESPACE, CHANGE_TYPES);
    return Schema.createRecord(EventSchemaGenerator.CHANGE_EVENT_HEADER, null, EventSchemaGenerator.NAMESPACE, false,
        List.of(
            new Schema.Field("entityName", string()),
            new Schema.Field("recordIds", strings()),
            new Schema.Field("changeType", changeType),
            new Schema.Field("changeOrigin", string()),
            new Schema.Field("transactionKey", string()),
            new Schema.Field("sequenceNumber", Schema.create(Schema.Type.INT)),
            new Schema.Field("commitTimestamp", Schema.create(Schema.Type.LONG)),
            new Schema.Field("commitNumber", Schema.create(Schema.Type.LONG)),
            new Schema.Field("commitUser", string()),
            new Schema.Field("nulledFields", strings()),
            new Schema.Field("diffFields", strings()),
            new Schema.Field("changedFields", strings())));
  }

  private static Schema string() {
    return Schema.create(Schema.Type.STRING);
  }

  private static Schema strings() {
    return Schema.createArray(string());
  }
}
