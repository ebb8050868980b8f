package dev.forcelink.testkit.internal.rest.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.org.DmlException;
import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.org.SalesforceIds;
import dev.forcelink.testkit.internal.org.StoredRecord;
import dev.forcelink.testkit.internal.rest.data.DmlErrors;
import dev.forcelink.testkit.internal.rest.data.MultipleMatchesException;
import dev.forcelink.testkit.internal.rest.data.RecordService;
import dev.forcelink.testkit.internal.rest.data.SaveResult;
import java.util.ArrayList;
import java.util.List;

/**
 * sObject Collections (v42.0+): create, update, upsert and delete up to 200 records, and retrieve up to 2000 by
 * id. Writes run inside the caller's transaction and return per-record results in request order; each record's
 * write either happens whole or leaves no trace, so {@code allOrNone=false} is partial success within one
 * transaction, and {@code allOrNone=true} marks the outcome for undo.
 *
 * <p>Thread-safe: stateless apart from its collaborators.
 */
final class CollectionsService {

    static final int MAX_WRITE_RECORDS = 200;
    static final int MAX_RETRIEVE_POST_IDS = 2000;
    /** Salesforce answers 414 beyond about 800 ids in the GET form (REST API guide, sObject Collections retrieve). */
    static final int MAX_RETRIEVE_GET_IDS = 800;
    static final String ROLLED_BACK_MESSAGE =
            "Record rolled back because not all records were valid and the request was using AllOrNone header";

    private final OrgSchema schema;
    private final RecordStore store;
    private final RecordService records;
    private final LockGate locks;

    CollectionsService(OrgSchema schema, RecordStore store, RecordService records, LockGate locks) {
        this.schema = schema;
        this.store = store;
        this.records = records;
        this.locks = locks;
    }

    /**
     * {@code POST /composite/sobjects}.
     *
     * @param tx the open transaction
     * @param version the API version of the request
     * @param body {@code {"allOrNone","records"}}
     * @param forceAllOrNone whether an enclosing Composite request imposes all-or-none
     * @return the results
     * @throws RequestRefused when the body is malformed or holds more than 200 records
     */
    CollectionOutcome create(RecordStore.Transaction tx, String version, JsonNode body, boolean forceAllOrNone) {
        List<JsonNode> list = recordsOf(body);
        for (int i = 0; i < list.size(); i++) {
            if (typeOf(list.get(i)) == null) {
                // Where the type is missing is a malformed request; the exact code and text are not verified.
                throw new RequestRefused(400, "INVALID_TYPE", "Each record needs attributes.type; record " + i
                        + " has none");
            }
        }
        boolean allOrNone = forceAllOrNone || body.path("allOrNone").asBoolean(false);
        Results results = new Results(list.size());
        for (JsonNode record : list) {
            String type = typeOf(record);
            try {
                if (record.has("Id") || record.has("id")) {
                    throw new DmlException("INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call",
                            List.of("Id"));
                }
                locks.check(type, null, record);
                results.saved(records.create(tx, type, record), version, false);
            } catch (DmlException e) {
                results.failed(null, e);
            }
        }
        return results.finish(allOrNone);
    }

    /**
     * {@code PATCH /composite/sobjects}: each record carries its {@code Id}.
     *
     * @param tx the open transaction
     * @param version the API version
     * @param body {@code {"allOrNone","records"}}
     * @param forceAllOrNone whether an enclosing Composite request imposes all-or-none
     * @return the results
     * @throws RequestRefused when the body is malformed or holds more than 200 records
     */
    CollectionOutcome update(RecordStore.Transaction tx, String version, JsonNode body, boolean forceAllOrNone) {
        List<JsonNode> list = recordsOf(body);
        boolean allOrNone = forceAllOrNone || body.path("allOrNone").asBoolean(false);
        Results results = new Results(list.size());
        for (JsonNode record : list) {
            String id = textOrNull(record.get("Id") != null ? record.get("Id") : record.get("id"));
            try {
                if (id == null) {
                    throw new DmlException("MISSING_ARGUMENT", "Id not specified in an update call", List.of("Id"));
                }
                String type = typeOf(record);
                locks.check(type != null ? type : objectNameOf(id), id, record);
                results.saved(records.update(tx, type, id, record), version, false);
            } catch (DmlException e) {
                results.failed(id, e);
            }
        }
        return results.finish(allOrNone);
    }

    /**
     * {@code PATCH /composite/sobjects/{Object}/{ExtIdField}} (v46.0+): one object type, results with
     * {@code created}.
     *
     * @param tx the open transaction
     * @param version the API version
     * @param objectName the object from the path
     * @param externalIdField the external id field from the path
     * @param body {@code {"allOrNone","records"}}
     * @param forceAllOrNone whether an enclosing Composite request imposes all-or-none
     * @return the results
     * @throws RequestRefused when the body is malformed, holds more than 200 records, or the field is no external
     *     id
     */
    CollectionOutcome upsert(RecordStore.Transaction tx, String version, String objectName, String externalIdField,
                             JsonNode body, boolean forceAllOrNone) {
        SObjectDef def = requireObject(objectName);
        FieldDef key = def.field(externalIdField);
        if (key == null || !(key.externalId() || key.name().equals("Id"))) {
            throw new RequestRefused(404, "NOT_FOUND",
                    "Provided external ID field does not exist or is not accessible: " + externalIdField);
        }
        List<JsonNode> list = recordsOf(body);
        boolean allOrNone = forceAllOrNone || body.path("allOrNone").asBoolean(false);
        Results results = new Results(list.size());
        for (JsonNode record : list) {
            String matchedId = null;
            try {
                String type = typeOf(record);
                if (type != null && !type.equalsIgnoreCase(def.name())) {
                    // One type per upsert call: a record of another type cannot be upserted on this path.
                    throw new DmlException("INVALID_TYPE", "sObject type '" + type + "' does not match the upsert "
                            + "object " + def.name());
                }
                JsonNode value = record.get(key.name());
                if (value == null) {
                    value = fieldIgnoringCase(record, key.name());
                }
                String keyValue = textOrNull(value);
                if (keyValue == null && !key.name().equals("Id")) {
                    throw new DmlException("MISSING_ARGUMENT", key.name() + " not specified", List.of(key.name()));
                }
                matchedId = singleMatch(def, key, keyValue);
                locks.check(def.name(), matchedId, record);
                ObjectNode fields = withoutKey((ObjectNode) record, key.name());
                SaveResult saved = records.upsert(tx, def.name(), key.name(), keyValue == null ? "" : keyValue,
                        fields, false);
                results.saved(saved, version, true);
            } catch (MultipleMatchesException e) {
                results.failed(null, new DmlException("DUPLICATE_EXTERNAL_ID", e.getMessage(),
                        List.of(key.name())));
            } catch (DmlException e) {
                results.failed(matchedId, e);
            }
        }
        return results.finish(allOrNone);
    }

    /**
     * {@code DELETE /composite/sobjects?ids=…&allOrNone=…}.
     *
     * @param tx the open transaction
     * @param version the API version
     * @param ids the ids, in order
     * @param allOrNone whether one failure undoes every delete
     * @return the results, each with its id
     * @throws RequestRefused when more than 200 ids are given
     */
    CollectionOutcome delete(RecordStore.Transaction tx, String version, List<String> ids, boolean allOrNone) {
        checkWriteCount(ids.size());
        Results results = new Results(ids.size());
        for (String id : ids) {
            try {
                locks.check(objectNameOf(id), id, null);
                String deleted = records.delete(tx, null, id);
                results.saved(new SaveResult(deleted, false), version, false);
            } catch (DmlException e) {
                results.failed(id, e);
            }
        }
        return results.finish(allOrNone);
    }

    /**
     * Finds the records of {@code GET /composite/sobjects/{Object}?ids=&fields=} and its POST form.
     *
     * @param objectName the object
     * @param ids the ids, in order
     * @param fieldNames the fields wanted, or {@code null}/empty for all
     * @param maxIds the most ids the form allows
     * @return each id's live record of that object, or {@code null}, and the canonical field names
     * @throws RequestRefused 414 (GET) or 400 (POST) beyond {@code maxIds}; 404 for an unknown object
     * @throws DmlException {@code INVALID_FIELD} for an unknown field
     */
    Retrieved retrieve(String objectName, List<String> ids, List<String> fieldNames, int maxIds) {
        if (ids.size() > maxIds) {
            if (maxIds == MAX_RETRIEVE_GET_IDS) {
                throw new RequestRefused(414, "URI_TOO_LONG", "The request URI is too long: more than "
                        + MAX_RETRIEVE_GET_IDS + " ids; use POST /composite/sobjects/" + objectName
                        + " with {\"ids\",\"fields\"} for up to " + MAX_RETRIEVE_POST_IDS);
            }
            throw new RequestRefused(400, "EXCEEDED_ID_LIMIT", "Too many ids: " + ids.size() + " given, at most "
                    + maxIds + " allowed");
        }
        SObjectDef def = requireObject(objectName);
        List<String> fields = null;
        // Salesforce documents fields as required here; without it the emulator answers every field rather than
        // guess the refusal's code.
        if (fieldNames != null && !fieldNames.isEmpty()) {
            fields = new ArrayList<>(fieldNames.size());
            for (String name : fieldNames) {
                FieldDef field = def.field(name.trim());
                if (field == null) {
                    throw new DmlException("INVALID_FIELD", "No such column '" + name.trim() + "' on entity '"
                            + def.name() + "'. If you are attempting to use a custom field, be sure to append the "
                            + "'__c' after the custom field name. Please reference your WSDL or the describe call "
                            + "for the appropriate names.", List.of(name.trim()));
                }
                fields.add(field.name());
            }
        }
        List<StoredRecord> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            StoredRecord record = SalesforceIds.isValid(id) ? store.get(id) : null;
            found.add(record == null || record.isDeleted() || !record.objectName().equals(def.name()) ? null : record);
        }
        return new Retrieved(def, found, fields);
    }

    /**
     * Records found by {@link #retrieve}.
     *
     * @param def the object
     * @param records one entry per requested id, {@code null} where nothing readable has it
     * @param fields the canonical field names, or {@code null} for all
     */
    record Retrieved(SObjectDef def, List<StoredRecord> records, List<String> fields) {
    }

    private SObjectDef requireObject(String objectName) {
        SObjectDef def = schema.find(objectName);
        if (def == null || !def.storable()) {
            throw new RequestRefused(404, "NOT_FOUND", "The requested resource does not exist");
        }
        return def;
    }

    private String singleMatch(SObjectDef def, FieldDef key, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        List<StoredRecord> matches = records.findByExternalId(def.name(), key.name(), value);
        return matches.size() == 1 ? matches.get(0).id() : null;
    }

    private String objectNameOf(String id) {
        SObjectDef def = SalesforceIds.isValid(id) ? schema.objectOf(id) : null;
        return def == null ? null : def.name();
    }

    private static List<JsonNode> recordsOf(JsonNode body) {
        JsonNode list = body == null ? null : body.get("records");
        if (list == null || !list.isArray()) {
            throw new RequestRefused(400, "JSON_PARSER_ERROR", "The request body needs a \"records\" array");
        }
        checkWriteCount(list.size());
        List<JsonNode> out = new ArrayList<>(list.size());
        for (JsonNode record : list) {
            if (!record.isObject()) {
                throw new RequestRefused(400, "JSON_PARSER_ERROR", "Each entry of \"records\" must be a JSON "
                        + "object, got " + record.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            out.add(record);
        }
        return out;
    }

    private static void checkWriteCount(int count) {
        if (count > MAX_WRITE_RECORDS) {
            // Code and text follow Salesforce's API-wide record limit error; the exact REST wording is not verified.
            throw new RequestRefused(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than "
                    + MAX_WRITE_RECORDS + " records into this call (got " + count + ")");
        }
    }

    static String typeOf(JsonNode record) {
        JsonNode type = record.path("attributes").get("type");
        return type == null || !type.isTextual() || type.asText().isBlank() ? null : type.asText();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }

    private static JsonNode fieldIgnoringCase(JsonNode record, String name) {
        for (java.util.Map.Entry<String, JsonNode> entry : record.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static ObjectNode withoutKey(ObjectNode record, String key) {
        ObjectNode copy = record.deepCopy();
        List<String> drop = new ArrayList<>();
        record.fieldNames().forEachRemaining(name -> {
            if (name.equalsIgnoreCase(key)) {
                drop.add(name);
            }
        });
        copy.remove(drop);
        return copy;
    }

    /** Collects per-record results and applies the all-or-none rule at the end. */
    private static final class Results {
        private final ArrayNode out = Json.mapper().createArrayNode();
        private final List<String> ids;
        private final boolean[] failed;
        private int next;
        private boolean anyFailed;

        Results(int size) {
            this.ids = new ArrayList<>(size);
            this.failed = new boolean[size];
        }

        void saved(SaveResult result, String version, boolean upsert) {
            out.add(result.toJson(version, upsert));
            ids.add(result.created() ? null : result.id());
            next++;
        }

        void failed(String id, DmlException e) {
            ObjectNode node = out.addObject();
            if (id != null) {
                node.put("id", id);
            }
            node.put("success", false);
            node.putArray("errors").add(DmlErrors.recordError(e));
            ids.add(id);
            failed[next++] = true;
            anyFailed = true;
        }

        CollectionOutcome finish(boolean allOrNone) {
            if (!allOrNone || !anyFailed) {
                return new CollectionOutcome(out, false);
            }
            for (int i = 0; i < out.size(); i++) {
                if (failed[i]) {
                    continue;
                }
                ObjectNode node = Json.mapper().createObjectNode();
                // A record created and then rolled back has no id left to report; an update or delete keeps it.
                if (ids.get(i) != null) {
                    node.put("id", ids.get(i));
                }
                node.put("success", false);
                ObjectNode error = node.putArray("errors").addObject();
                error.put("statusCode", "ALL_OR_NONE_OPERATION_ROLLED_BACK");
                error.put("message", ROLLED_BACK_MESSAGE);
                error.putArray("fields");
                out.set(i, node);
            }
            return new CollectionOutcome(out, true);
        }
    }
}
