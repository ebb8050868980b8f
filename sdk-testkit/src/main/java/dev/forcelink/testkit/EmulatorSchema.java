package dev.forcelink.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.internal.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Objects and fields to add to the emulated org's default schema: custom objects ({@code …__c}), platform events
 * ({@code …__e}) and extra fields on existing objects (standard ones included). Immutable and thread-safe.
 *
 * <p>The JSON form, read by {@link #fromJson(Path)} and the standalone emulator's {@code --schema}:
 * <pre>{@code
 * {"objects": [
 *   {"name": "Invoice__c", "label": "Invoice", "labelPlural": "Invoices", "autoNumberName": false,
 *    "fields": [
 *      {"name": "Amount__c", "type": "currency", "precision": 16, "scale": 2, "required": true},
 *      {"name": "Account__c", "type": "reference", "referenceTo": ["Account"],
 *       "relationshipName": "Account__r", "childRelationshipName": "Invoices__r"},
 *      {"name": "Invoice_Key__c", "type": "string", "length": 40, "externalId": true, "unique": true}]},
 *   {"name": "Account", "fields": [{"name": "Tier__c", "type": "picklist", "picklistValues": ["Gold", "Silver"]}]},
 *   {"name": "Shipment_Event__e", "fields": [{"name": "Tracking__c", "type": "string"}]}]}
 * }</pre>
 * Field keys: {@code name}, {@code type} (required), {@code label}, {@code length}, {@code precision},
 * {@code scale}, {@code required}, {@code unique}, {@code externalId}, {@code caseSensitive}, {@code referenceTo},
 * {@code relationshipName}, {@code childRelationshipName}, {@code picklistValues}, {@code restrictedPicklist},
 * {@code defaultValue}. A custom object gets {@code Id}, {@code OwnerId}, {@code Name} (required text, or an
 * auto-number with {@code "autoNumberName": true}) and the audit fields by itself.
 */
public final class EmulatorSchema {

    private static final Set<String> OBJECT_KEYS = Set.of("name", "label", "labelPlural", "autoNumberName", "fields");
    private static final Set<String> FIELD_KEYS = Set.of("name", "type", "label", "length", "precision", "scale",
            "required", "unique", "externalId", "caseSensitive", "referenceTo", "relationshipName",
            "childRelationshipName", "picklistValues", "restrictedPicklist", "defaultValue");

    private final List<ObjectDeclaration> objects;

    private EmulatorSchema(List<ObjectDeclaration> objects) {
        this.objects = List.copyOf(objects);
    }

    /** @return a builder of an empty schema addition */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a schema file in the JSON form above.
     *
     * @param file the file
     * @return the schema
     * @throws EmulatorException if the file cannot be read or is not a valid schema, naming the problem
     */
    public static EmulatorSchema fromJson(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new EmulatorException("Cannot read the schema file " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromJson(text);
        } catch (EmulatorException e) {
            throw new EmulatorException("Invalid schema file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a schema from JSON text in the form above.
     *
     * @param json the JSON text
     * @return the schema
     * @throws EmulatorException if the text is not a valid schema, naming the problem
     */
    public static EmulatorSchema fromJson(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new EmulatorException("the schema is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("objects").isArray()) {
            throw new EmulatorException("the schema must be an object with an \"objects\" array");
        }
        Builder builder = builder();
        int index = 0;
        for (JsonNode object : root.get("objects")) {
            String where = "objects[" + index++ + "]";
            checkKeys(object, OBJECT_KEYS, where);
            String name = requiredText(object, "name", where);
            List<SchemaField> fields = new ArrayList<>();
            int fieldIndex = 0;
            for (JsonNode field : object.path("fields")) {
                fields.add(parseField(field, where + ".fields[" + fieldIndex++ + "] of " + name));
            }
            builder.objects.add(new ObjectDeclaration(name, textOrNull(object, "label"),
                    textOrNull(object, "labelPlural"), object.path("autoNumberName").asBoolean(false), fields));
        }
        return builder.build();
    }

    private static SchemaField parseField(JsonNode field, String where) {
        checkKeys(field, FIELD_KEYS, where);
        SchemaField.Builder builder = SchemaField.builder(requiredText(field, "name", where),
                requiredText(field, "type", where));
        if (field.has("label")) {
            builder.label(field.get("label").asText());
        }
        if (field.has("length")) {
            builder.length(field.get("length").asInt());
        }
        if (field.has("precision") || field.has("scale")) {
            builder.precision(field.path("precision").asInt(18), field.path("scale").asInt(0));
        }
        builder.required(field.path("required").asBoolean(false))
                .unique(field.path("unique").asBoolean(false))
                .externalId(field.path("externalId").asBoolean(false))
                .caseSensitive(field.path("caseSensitive").asBoolean(false))
                .restrictedPicklist(field.path("restrictedPicklist").asBoolean(false))
                .referenceTo(texts(field.path("referenceTo")))
                .picklistValues(texts(field.path("picklistValues")))
                .relationshipName(textOrNull(field, "relationshipName"))
                .childRelationshipName(textOrNull(field, "childRelationshipName"))
                .defaultValue(textOrNull(field, "defaultValue"));
        return builder.build();
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw new EmulatorException(where + " must be a JSON object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                throw new EmulatorException(where + " has an unknown key \"" + key + "\"; allowed keys: " + allowed);
            }
        }
    }

    private static String requiredText(JsonNode node, String key, String where) {
        String value = textOrNull(node, key);
        if (value == null || value.isBlank()) {
            throw new EmulatorException(where + " needs a \"" + key + "\"");
        }
        return value;
    }

    private static String textOrNull(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String[] texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values.toArray(new String[0]);
    }

    /** @return the declared objects in order */
    List<ObjectDeclaration> objects() {
        return objects;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        objects.forEach(o -> names.add(o.name));
        return "EmulatorSchema" + names;
    }

    /** One object to declare or extend. */
    static final class ObjectDeclaration {
        final String name;
        final String label;
        final String labelPlural;
        final boolean autoNumberName;
        final List<SchemaField> fields;

        ObjectDeclaration(String name, String label, String labelPlural, boolean autoNumberName,
                          List<SchemaField> fields) {
            this.name = name;
            this.label = label;
            this.labelPlural = labelPlural;
            this.autoNumberName = autoNumberName;
            this.fields = List.copyOf(fields);
        }
    }

    /** Mutable builder of an {@link EmulatorSchema}; not thread-safe. */
    public static final class Builder {
        private final List<ObjectDeclaration> objects = new ArrayList<>();
        private final Map<String, Integer> positions = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Declares a custom object ({@code …__c}) or platform event ({@code …__e}), or names an existing object to
         * extend, with fields.
         *
         * @param name the object's API name
         * @param fields fields to add
         * @return this builder
         */
        public Builder object(String name, SchemaField... fields) {
            return object(name, null, null, fields);
        }

        /**
         * Declares an object with labels.
         *
         * @param name the object's API name
         * @param label singular label, or {@code null}
         * @param labelPlural plural label, or {@code null}
         * @param fields fields to add
         * @return this builder
         */
        public Builder object(String name, String label, String labelPlural, SchemaField... fields) {
            Integer at = positions.get(name);
            if (at != null) {
                ObjectDeclaration old = objects.get(at);
                List<SchemaField> merged = new ArrayList<>(old.fields);
                merged.addAll(List.of(fields));
                objects.set(at, new ObjectDeclaration(name, label != null ? label : old.label,
                        labelPlural != null ? labelPlural : old.labelPlural, old.autoNumberName, merged));
            } else {
                positions.put(name, objects.size());
                objects.add(new ObjectDeclaration(name, label, labelPlural, false, List.of(fields)));
            }
            return this;
        }

        /** @return the schema */
        public EmulatorSchema build() {
            return new EmulatorSchema(objects);
        }
    }
}
