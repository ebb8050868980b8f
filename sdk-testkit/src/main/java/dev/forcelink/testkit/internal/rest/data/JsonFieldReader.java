package dev.forcelink.testkit.internal.rest.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.internal.org.DmlException;
import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.FieldType;
import dev.forcelink.testkit.internal.org.FieldValues;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.org.StoredRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON field map sent by a client into typed values keyed by canonical field name, with the errors
 * Salesforce's REST layer gives: {@code JSON_PARSER_ERROR} for a value of the wrong JSON type or an unparseable
 * number, date or boolean, {@code INVALID_FIELD} for an unknown field, and the store's length and id checks.
 * A parent given by external id ({@code "Account": {"External_ERP_Id__c": "A-1"}}) becomes the parent's id.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonFieldReader {

    private final OrgSchema schema;
    private final RecordStore store;

    JsonFieldReader(OrgSchema schema, RecordStore store) {
        this.schema = schema;
        this.store = store;
    }

    Map<String, Object> read(SObjectDef def, JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return new LinkedHashMap<>();
        }
        if (!body.isObject()) {
            throw new DmlException("JSON_PARSER_ERROR", "Cannot deserialize instance of " + def.name() + " from "
                    + token(body) + " value " + abbreviate(body.toString())
                    + " or request may be missing a required field");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (name.equals("attributes")) {
                continue;
            }
            FieldDef field = def.field(name);
            if (field == null) {
                FieldDef lookup = referenceByRelationship(def, name);
                if (lookup != null && value.isObject()) {
                    values.put(lookup.name(), resolveParent(lookup, value));
                    continue;
                }
                throw new DmlException("INVALID_FIELD", "No such column '" + name + "' on sobject of type "
                        + def.name(), List.of(name));
            }
            values.put(field.name(), scalar(field, value));
        }
        return values;
    }

    private Object scalar(FieldDef field, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw parserError(field, value);
        }
        Object raw = value.isBoolean() ? (Object) value.booleanValue()
                : value.isNumber() ? value.decimalValue() : value.asText();
        try {
            return FieldValues.coerce(field, raw);
        } catch (DmlException e) {
            if (e.statusCode().equals("INVALID_TYPE_ON_FIELD_IN_RECORD")) {
                throw parserError(field, value);
            }
            throw e;
        }
    }

    private static DmlException parserError(FieldDef field, JsonNode value) {
        return new DmlException("JSON_PARSER_ERROR", "Cannot deserialize instance of " + field.type().wireName()
                + " from " + token(value) + " value " + abbreviate(value.isTextual() ? value.asText() : value.toString())
                + " or request may be missing a required field", List.of(field.name()));
    }

    private static String token(JsonNode value) {
        if (value.isObject()) {
            return "START_OBJECT";
        }
        if (value.isArray()) {
            return "START_ARRAY";
        }
        if (value.isTextual()) {
            return "VALUE_STRING";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "VALUE_TRUE" : "VALUE_FALSE";
        }
        return value.isIntegralNumber() ? "VALUE_NUMBER_INT" : "VALUE_NUMBER_FLOAT";
    }

    private static FieldDef referenceByRelationship(SObjectDef def, String relationshipName) {
        for (FieldDef field : def.fields()) {
            if (field.type() == FieldType.REFERENCE && relationshipName.equalsIgnoreCase(field.relationshipName())) {
                return field;
            }
        }
        return null;
    }

    /** A parent named by one external-id (or idLookup) field of the parent object, as Salesforce allows. */
    private String resolveParent(FieldDef lookup, JsonNode reference) {
        SObjectDef parent = null;
        JsonNode attributes = reference.get("attributes");
        if (attributes != null && attributes.hasNonNull("type")) {
            parent = schema.find(attributes.get("type").asText());
        } else if (!lookup.referenceTo().isEmpty()) {
            parent = schema.find(lookup.referenceTo().get(0));
        }
        if (parent == null) {
            throw new DmlException("INVALID_FIELD", "Cannot resolve the parent object of " + lookup.name(),
                    List.of(lookup.name()));
        }
        String keyField = null;
        JsonNode keyValue = null;
        for (Map.Entry<String, JsonNode> entry : reference.properties()) {
            if (!entry.getKey().equals("attributes")) {
                if (keyField != null) {
                    throw new DmlException("INVALID_FIELD", "The parent reference " + lookup.relationshipName()
                            + " must name exactly one external ID field", List.of(lookup.name()));
                }
                keyField = entry.getKey();
                keyValue = entry.getValue();
            }
        }
        FieldDef key = keyField == null ? null : parent.field(keyField);
        if (key == null || !key.idLookup()) {
            throw new DmlException("INVALID_FIELD", "Field " + keyField + " is not an external ID or indexed field for "
                    + parent.name(), List.of(lookup.name()));
        }
        String text = keyValue == null || keyValue.isNull() ? "" : keyValue.asText();
        List<StoredRecord> matches = store.findBy(parent.name(), key.name(), text);
        if (matches.isEmpty()) {
            throw new DmlException("INVALID_FIELD", "Foreign key external ID: " + text + " not found for field "
                    + key.name() + " in entity " + parent.name(), List.of(lookup.name()));
        }
        if (matches.size() > 1) {
            throw new DmlException("INVALID_FIELD", "Foreign key external ID: " + text
                    + " matches more than one record for field " + key.name() + " in entity " + parent.name(),
                    List.of(lookup.name()));
        }
        return matches.get(0).id();
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
