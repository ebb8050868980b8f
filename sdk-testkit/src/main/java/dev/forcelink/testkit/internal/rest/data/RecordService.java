package dev.forcelink.testkit.internal.rest.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.internal.org.DmlException;
import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.ObjectKind;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.PublishedEvent;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.org.SalesforceIds;
import dev.forcelink.testkit.internal.org.StoredRecord;
import dev.forcelink.testkit.internal.org.WriteContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The org's record writes and reads as every data API (REST sObjects, Composite, sObject Collections, tree,
 * graph, UI API) performs them: JSON field maps in, Salesforce's save results out, refusals as
 * {@link DmlException} carrying Salesforce's status code. Writes happen inside a {@link RecordStore.Transaction}
 * the caller opens, so one API call can group several writes:
 *
 * <pre>{@code
 * SaveResult result = store.transaction(RestWriteContext.of(exchange),
 *         tx -> records.create(tx, "Account", body));
 * }</pre>
 *
 * <p>Thread-safe: it holds no mutable state; the store serialises writes.
 */
public final class RecordService {

    private final OrgSchema schema;
    private final RecordStore store;
    private final Clock clock;
    private final JsonFieldReader reader;

    /**
     * @param schema the org's schema
     * @param store the org's records
     * @param clock the emulator's clock (event timestamps)
     */
    public RecordService(OrgSchema schema, RecordStore store, Clock clock) {
        this.schema = schema;
        this.store = store;
        this.clock = clock;
        this.reader = new JsonFieldReader(schema, store);
    }

    /** @return the store this service writes to */
    public RecordStore store() {
        return store;
    }

    /**
     * Finds an object that records can be written to or read from.
     *
     * @param objectName an API name, any case
     * @return the definition
     * @throws DmlException {@code INVALID_TYPE} when the org has no such object
     */
    public SObjectDef requireObject(String objectName) {
        SObjectDef def = schema.find(objectName);
        if (def == null) {
            throw new DmlException("INVALID_TYPE", "sObject type '" + objectName + "' is not supported.");
        }
        return def;
    }

    /**
     * Inserts a record.
     *
     * @param tx the open transaction
     * @param objectName the object
     * @param fields the JSON field map ({@code attributes} ignored)
     * @return the new record's id, {@code created = true}
     * @throws DmlException {@code INVALID_TYPE}, {@code INVALID_FIELD}, {@code JSON_PARSER_ERROR},
     *     {@code REQUIRED_FIELD_MISSING}, {@code STRING_TOO_LONG}, {@code DUPLICATE_VALUE},
     *     {@code INVALID_FIELD_FOR_INSERT_UPDATE}, {@code MALFORMED_ID} and the store's other refusals
     */
    public SaveResult create(RecordStore.Transaction tx, String objectName, JsonNode fields) {
        SObjectDef def = requireStorable(objectName);
        StoredRecord stored = tx.insert(def.name(), reader.read(def, fields));
        return new SaveResult(stored.id(), true);
    }

    /**
     * Updates a record.
     *
     * @param tx the open transaction
     * @param objectName the object the id must belong to, or {@code null} to take it from the id
     * @param id a 15- or 18-character id
     * @param fields the JSON field map ({@code attributes} and {@code Id} ignored)
     * @return the id, {@code created = false}
     * @throws DmlException {@code MALFORMED_ID}, {@code NOT_FOUND}, {@code ENTITY_IS_DELETED} and the refusals of
     *     {@link #create}
     */
    public SaveResult update(RecordStore.Transaction tx, String objectName, String id, JsonNode fields) {
        StoredRecord current = requireRecord(objectName, id);
        if (current.isDeleted()) {
            throw entityIsDeleted();
        }
        SObjectDef def = requireObject(current.objectName());
        StoredRecord stored = tx.update(current.id(), reader.read(def, fields));
        return new SaveResult(stored.id(), false);
    }

    /**
     * Inserts or updates a record by external id ({@code Id} works as an external id too; an empty value with
     * {@code Id} always inserts).
     *
     * @param tx the open transaction
     * @param objectName the object
     * @param externalIdField the external id field, any case
     * @param value the external id value (already percent-decoded)
     * @param fields the JSON field map
     * @param updateOnly whether a missing record is an error instead of an insert ({@code updateOnly=true})
     * @return the id and whether it was created
     * @throws DmlException {@code NOT_FOUND} for a field that is not an external id, or when {@code updateOnly}
     *     finds nothing; the refusals of {@link #create} and {@link #update}
     * @throws MultipleMatchesException when several records carry the value
     */
    public SaveResult upsert(RecordStore.Transaction tx, String objectName, String externalIdField, String value,
                             JsonNode fields, boolean updateOnly) {
        SObjectDef def = requireStorable(objectName);
        FieldDef key = def.field(externalIdField);
        if (!isUpsertKey(key)) {
            throw unknownExternalIdField(externalIdField);
        }
        Map<String, Object> values = reader.read(def, fields);
        if (key.name().equals("Id")) {
            if (value == null || value.isEmpty()) {
                return new SaveResult(tx.insert(def.name(), values).id(), true);
            }
            StoredRecord current = requireRecord(def.name(), value);
            if (current.isDeleted()) {
                throw entityIsDeleted();
            }
            return new SaveResult(tx.update(current.id(), values).id(), false);
        }
        List<StoredRecord> matches = store.findBy(def.name(), key.name(), value);
        if (matches.size() > 1) {
            throw new MultipleMatchesException(def.name(), key.name(), value, ids(matches));
        }
        if (matches.isEmpty()) {
            if (updateOnly) {
                // The code for "updateOnly and no match" is not documented; NOT_FOUND is what the resource lookup
                // itself reports for a missing record.
                throw new DmlException("NOT_FOUND", "No " + def.name() + " record found with " + key.name() + " = "
                        + value + " and updateOnly is true", List.of(key.name()));
            }
            values.remove(key.name());
            Map<String, Object> withKey = new LinkedHashMap<>();
            withKey.put(key.name(), value);
            withKey.putAll(values);
            return new SaveResult(tx.insert(def.name(), withKey).id(), true);
        }
        return new SaveResult(tx.update(matches.get(0).id(), values).id(), false);
    }

    /**
     * Moves a record to the recycle bin.
     *
     * @param tx the open transaction
     * @param objectName the object the id must belong to, or {@code null} to take it from the id
     * @param id a 15- or 18-character id
     * @return the id
     * @throws DmlException {@code MALFORMED_ID}, {@code NOT_FOUND} or {@code ENTITY_IS_DELETED}
     */
    public String delete(RecordStore.Transaction tx, String objectName, String id) {
        StoredRecord current = requireRecord(objectName, id);
        if (current.isDeleted()) {
            throw entityIsDeleted();
        }
        return tx.delete(current.id()).id();
    }

    /**
     * Moves the one live record carrying an external id value to the recycle bin, as
     * {@code DELETE /sobjects/{Object}/{field}/{value}} does. The lookup runs inside the transaction, so no other
     * write can add or remove a match between finding the record and deleting it.
     *
     * @param tx the open transaction
     * @param objectName the object
     * @param externalIdField an external id field or {@code Id}, any case
     * @param value the external id value (already percent-decoded)
     * @return the deleted record's id
     * @throws DmlException {@code NOT_FOUND} for a field that is neither an external id nor {@code Id}, or when no
     *     live record carries the value; the store's refusals of a delete (such as a scripted row lock)
     * @throws MultipleMatchesException when several records carry the value; nothing is deleted
     */
    public String deleteByExternalId(RecordStore.Transaction tx, String objectName, String externalIdField,
                                     String value) {
        SObjectDef def = requireStorable(objectName);
        FieldDef key = def.field(externalIdField);
        if (!isUpsertKey(key)) {
            throw unknownExternalIdField(externalIdField);
        }
        List<StoredRecord> matches = findByExternalId(def.name(), key.name(), value);
        if (matches.isEmpty()) {
            throw new DmlException("NOT_FOUND", "The requested resource does not exist");
        }
        if (matches.size() > 1) {
            throw new MultipleMatchesException(def.name(), key.name(), value, ids(matches));
        }
        return tx.delete(matches.get(0).id()).id();
    }

    /**
     * Reads a live record.
     *
     * @param objectName the object the id must belong to, or {@code null} to take it from the id
     * @param id a 15- or 18-character id
     * @return the record
     * @throws DmlException {@code MALFORMED_ID}, {@code NOT_FOUND} or {@code ENTITY_IS_DELETED}
     */
    public StoredRecord retrieve(String objectName, String id) {
        StoredRecord current = requireRecord(objectName, id);
        if (current.isDeleted()) {
            throw entityIsDeleted();
        }
        return current;
    }

    /**
     * Finds the live records carrying an external id value.
     *
     * @param objectName the object
     * @param externalIdField the external id (or {@code Id}) field
     * @param value the value
     * @return the matching records, in creation order
     * @throws DmlException {@code NOT_FOUND} for a field that is not an external id
     */
    public List<StoredRecord> findByExternalId(String objectName, String externalIdField, String value) {
        SObjectDef def = requireStorable(objectName);
        FieldDef key = def.field(externalIdField);
        if (key == null || !(key.externalId() || key.idLookup())) {
            throw unknownExternalIdField(externalIdField);
        }
        if (key.name().equals("Id")) {
            StoredRecord record = SalesforceIds.isValid(value) ? store.get(value) : null;
            return record == null || record.isDeleted() || !record.objectName().equals(def.name())
                    ? List.of() : List.of(record);
        }
        return store.findBy(def.name(), key.name(), value);
    }

    /**
     * Publishes a platform event ({@code …__e}) at once (Salesforce's "publish immediately"), handing it to the
     * change log's event listeners.
     *
     * @param context the publishing user
     * @param eventName the event's API name
     * @param fields the JSON field map
     * @return the id given to the publisher
     * @throws DmlException {@code INVALID_TYPE} when the name is no platform event, or the field refusals of
     *     {@link #create}
     */
    public SaveResult publishEvent(WriteContext context, String eventName, JsonNode fields) {
        SObjectDef def = requireObject(eventName);
        if (def.kind() != ObjectKind.PLATFORM_EVENT) {
            throw new DmlException("INVALID_TYPE", "sObject type '" + eventName + "' is not a platform event.");
        }
        Map<String, Object> values = reader.read(def, fields);
        List<String> readOnly = new ArrayList<>();
        values.keySet().forEach(name -> {
            if (!def.field(name).createable()) {
                readOnly.add(name);
            }
        });
        if (!readOnly.isEmpty()) {
            throw new DmlException("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                    + String.join(", ", readOnly) + ". Please check the security settings of this field and "
                    + "verify that it is read/write for your profile or permission set.", readOnly);
        }
        List<String> missing = new ArrayList<>();
        for (FieldDef field : def.fields()) {
            if (field.requiredOnCreate() && values.get(field.name()) == null) {
                missing.add(field.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new DmlException("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing);
        }
        Instant now = Instant.ofEpochMilli(clock.millis());
        String uuid = UUID.randomUUID().toString();
        String id = SalesforceIds.random(def.keyPrefix());
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.put("CreatedDate", now);
        all.put("CreatedById", context.userId());
        all.put("EventUuid", uuid);
        store.changeLog().publishEvent(new PublishedEvent(def.name(), id, uuid, now, context.userId(),
                Collections.unmodifiableMap(all)));
        return new SaveResult(id, true);
    }

    private SObjectDef requireStorable(String objectName) {
        SObjectDef def = requireObject(objectName);
        if (!def.storable()) {
            throw new DmlException("INVALID_TYPE", "sObject type '" + objectName + "' is not supported.");
        }
        return def;
    }

    private StoredRecord requireRecord(String objectName, String id) {
        SObjectDef def = objectName == null ? null : requireObject(objectName);
        if (id == null || !SalesforceIds.isValid(id)) {
            String label = def != null ? def.label() : "Record";
            throw new DmlException("MALFORMED_ID", label + " ID: id value of incorrect type: " + id, List.of("Id"));
        }
        StoredRecord current = store.get(id);
        if (current == null || (def != null && !current.objectName().equals(def.name()))) {
            throw new DmlException("NOT_FOUND", "The requested resource does not exist");
        }
        return current;
    }

    /** Writes by external id (upsert, delete) take an external id field or {@code Id}. */
    private static boolean isUpsertKey(FieldDef key) {
        return key != null && (key.externalId() || key.name().equals("Id"));
    }

    private static DmlException unknownExternalIdField(String externalIdField) {
        return new DmlException("NOT_FOUND", "Provided external ID field does not exist or is not accessible: "
                + externalIdField);
    }

    private static List<String> ids(List<StoredRecord> records) {
        List<String> ids = new ArrayList<>(records.size());
        records.forEach(record -> ids.add(record.id()));
        return ids;
    }

    private static DmlException entityIsDeleted() {
        return new DmlException("ENTITY_IS_DELETED", "entity is deleted");
    }
}
