package dev.forcelink.testkit.internal.uiapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.FieldType;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.org.StoredRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/**
 * The UI API record representation: {@code {"apiName","childRelationships","eTag","fields":{"Name":{"displayValue",
 * "value"}},"id","lastModifiedById","lastModifiedDate","recordTypeId","recordTypeInfo","systemModstamp",
 * "weakEtag"}}, datetimes in ISO-8601 UTC with milliseconds. Stateless.
 */
final class UiRecordJson {

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private UiRecordJson() {
    }

    /**
     * @param fields the fields to include (canonical names), or {@code null} for every field the record holds
     */
    static ObjectNode record(SObjectDef def, StoredRecord record, Collection<String> fields) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("apiName", def.name());
        node.putObject("childRelationships");
        Instant modstamp = (Instant) record.get("SystemModstamp");
        long weak = modstamp == null ? 0 : modstamp.toEpochMilli();
        node.put("eTag", Long.toHexString(weak) + record.id().substring(3, 15));
        ObjectNode values = node.putObject("fields");
        for (FieldDef field : def.fields()) {
            if (fields == null ? record.values().containsKey(field.name()) : fields.contains(field.name())) {
                values.set(field.name(), value(field, record.get(field.name())));
            }
        }
        node.put("id", record.id());
        node.put("lastModifiedById", (String) record.get("LastModifiedById"));
        putInstant(node, "lastModifiedDate", record.lastModifiedDate());
        // The org has no record types beyond the master one.
        node.put("recordTypeId", "012000000000000AAA");
        node.putNull("recordTypeInfo");
        putInstant(node, "systemModstamp", modstamp);
        node.put("weakEtag", weak);
        return node;
    }

    private static ObjectNode value(FieldDef field, Object value) {
        ObjectNode node = Json.mapper().createObjectNode();
        if (value == null) {
            node.putNull("displayValue");
            node.putNull("value");
            return node;
        }
        String display = field.type() == FieldType.PICKLIST ? String.valueOf(value) : null;
        if (display == null) {
            node.putNull("displayValue");
        } else {
            node.put("displayValue", display);
        }
        if (value instanceof String text) {
            node.put("value", text);
        } else if (value instanceof Boolean flag) {
            node.put("value", flag);
        } else if (value instanceof Integer number) {
            node.put("value", number);
        } else if (value instanceof Long number) {
            node.put("value", number);
        } else if (value instanceof BigDecimal number) {
            node.put("value", number);
        } else if (value instanceof Instant instant) {
            node.put("value", ISO_MILLIS.format(instant));
        } else if (value instanceof LocalDate || value instanceof LocalTime) {
            node.put("value", value.toString());
        } else {
            node.put("value", String.valueOf(value));
        }
        return node;
    }

    private static void putInstant(ObjectNode node, String name, Instant instant) {
        if (instant == null) {
            node.putNull(name);
        } else {
            node.put(name, ISO_MILLIS.format(instant));
        }
    }
}
