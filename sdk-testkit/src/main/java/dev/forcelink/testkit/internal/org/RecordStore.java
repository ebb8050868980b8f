package dev.forcelink.testkit.internal.org;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The org's records in memory: insert, update, soft delete, undelete and purge inside transactions, with unique
 * and external-id indexes, system fields, a record cap and an ordered {@link ChangeLog}.
 *
 * <p>Thread-safe. Writes are serialised by one lock and applied in place with an undo log, so a failed
 * transaction leaves nothing behind; reads take no lock and may see the writes of a transaction that has not
 * committed yet (readers never see a half-written record). Within one object, records iterate in creation order
 * because ids grow monotonically.
 */
public final class RecordStore {

    private final OrgSchema schema;
    private final Clock clock;
    private final SalesforceIds ids;
    private final int maxRecords;
    private final ChangeLog changeLog;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Map<String, StoredRecord> byId = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListMap<String, StoredRecord>> byObject = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> uniqueIndexes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> autoNumbers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> deletedOrder = new ConcurrentLinkedQueue<>();
    private final RecordLocks recordLocks = new RecordLocks();
    private long commitNumber;

    /**
     * @param schema the org's schema
     * @param clock source of the audit timestamps
     * @param ids id generator for new records
     * @param maxRecords the most records (live and in the recycle bin) to keep
     * @param changeLog where committed writes are recorded
     * @throws IllegalArgumentException if {@code maxRecords} is below 1
     */
    public RecordStore(OrgSchema schema, Clock clock, SalesforceIds ids, int maxRecords, ChangeLog changeLog) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be at least 1, got " + maxRecords);
        }
        this.schema = Objects.requireNonNull(schema, "schema");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.maxRecords = maxRecords;
        this.changeLog = Objects.requireNonNull(changeLog, "changeLog");
        this.commitNumber = clock.millis() * 1_000_000L;
    }

    /** @return the schema records are checked against */
    public OrgSchema schema() {
        return schema;
    }

    /** @return the log of committed writes */
    public ChangeLog changeLog() {
        return changeLog;
    }

    /** @return the row locks tests script ({@code UNABLE_TO_LOCK_ROW} for chosen record writes) */
    public RecordLocks recordLocks() {
        return recordLocks;
    }

    /** @return the record cap */
    public int maxRecords() {
        return maxRecords;
    }

    /** @return how many records are stored, including those in the recycle bin */
    public int size() {
        return byId.size();
    }

    /**
     * @param id a 15- or 18-character id
     * @return the record (possibly deleted), or {@code null} if none has that id
     */
    public StoredRecord get(String id) {
        if (!SalesforceIds.isValid(id)) {
            return null;
        }
        return byId.get(SalesforceIds.to18(id));
    }

    /**
     * Returns a snapshot of an object's records in creation order.
     *
     * @param objectName the object's API name, any case
     * @param includeDeleted whether records in the recycle bin are included (queryAll)
     * @return the records; empty for an unknown object
     */
    public List<StoredRecord> records(String objectName, boolean includeDeleted) {
        ConcurrentSkipListMap<String, StoredRecord> table = byObject.get(key(objectName));
        if (table == null) {
            return List.of();
        }
        List<StoredRecord> result = new ArrayList<>();
        for (StoredRecord record : table.values()) {
            if (includeDeleted || !record.isDeleted()) {
                result.add(record);
            }
        }
        return result;
    }

    /**
     * Finds live records by a field value, using the unique index when the field has one (text compares ignore
     * case unless the field is case-sensitive).
     *
     * @param objectName the object
     * @param fieldName the field, any case
     * @param value the value to match (coerced to the field's type)
     * @return the matching live records, in creation order
     * @throws DmlException {@code INVALID_FIELD} for an unknown field, or a coercion error
     */
    public List<StoredRecord> findBy(String objectName, String fieldName, Object value) {
        SObjectDef def = requireObject(objectName);
        FieldDef field = requireField(def, fieldName);
        Object wanted = FieldValues.coerce(field, value);
        if (field.unique() || field.type() == FieldType.ID) {
            String id = field.type() == FieldType.ID ? (String) wanted
                    : index(def, field).get(indexKey(field, wanted));
            StoredRecord record = id == null ? null : byId.get(id);
            return record == null || record.isDeleted() || !record.objectName().equals(def.name())
                    ? List.of() : List.of(record);
        }
        List<StoredRecord> result = new ArrayList<>();
        for (StoredRecord record : records(def.name(), false)) {
            Object actual = record.get(field.name());
            if (actual != null && indexKey(field, actual).equals(indexKey(field, wanted))) {
                result.add(record);
            }
        }
        return result;
    }

    /**
     * Runs writes as one transaction: they all commit (and reach the change log together) or, if {@code work}
     * throws, all are undone.
     *
     * @param context the writing user and API
     * @param work the writes; a {@link DmlException} it catches itself leaves the transaction usable
     * @param <T> what the work returns
     * @return what the work returned
     */
    public <T> T transaction(WriteContext context, Function<Transaction, T> work) {
        writeLock.lock();
        try {
            Transaction tx = new Transaction(context);
            T result;
            try {
                result = work.apply(tx);
            } catch (RuntimeException | Error e) {
                tx.rollback();
                throw e;
            }
            tx.commit();
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Inserts one record in its own transaction.
     *
     * @param context the writing user and API
     * @param objectName the object
     * @param values field values by API name (any case)
     * @return the stored record
     * @throws DmlException if the org refuses the record
     */
    public StoredRecord insert(WriteContext context, String objectName, Map<String, ?> values) {
        return transaction(context, tx -> tx.insert(objectName, values));
    }

    /**
     * Updates one record in its own transaction.
     *
     * @param context the writing user and API
     * @param id the record id
     * @param values the fields to change
     * @return the stored record
     * @throws DmlException if the org refuses the change
     */
    public StoredRecord update(WriteContext context, String id, Map<String, ?> values) {
        return transaction(context, tx -> tx.update(id, values));
    }

    /**
     * Moves one record to the recycle bin in its own transaction.
     *
     * @param context the writing user and API
     * @param id the record id
     * @return the deleted record
     * @throws DmlException {@code ENTITY_IS_DELETED} or {@code NOT_FOUND}
     */
    public StoredRecord delete(WriteContext context, String id) {
        return transaction(context, tx -> tx.delete(id));
    }

    /**
     * Stores a record with a chosen id and no change-log entry: for records an org has before anyone connects,
     * such as its first user.
     *
     * @param context the writing user
     * @param objectName the object
     * @param id the 18-character id to use
     * @param values field values
     * @return the stored record
     * @throws DmlException if the record is refused or the id is taken
     */
    public StoredRecord seed(WriteContext context, String objectName, String id, Map<String, ?> values) {
        return transaction(context, tx -> {
            tx.silent = true;
            return tx.insert(objectName, values, id);
        });
    }

    /**
     * Removes every record except users, without change-log entries (a test reset).
     */
    public void clearData() {
        writeLock.lock();
        try {
            byId.values().removeIf(r -> !r.objectName().equals("User"));
            byObject.keySet().removeIf(k -> !k.equals("user"));
            uniqueIndexes.keySet().removeIf(k -> !k.startsWith("user."));
            deletedOrder.clear();
        } finally {
            writeLock.unlock();
        }
    }

    private SObjectDef requireObject(String objectName) {
        SObjectDef def = schema.find(objectName);
        if (def == null || !def.storable()) {
            throw new DmlException("INVALID_TYPE", "sObject type '" + objectName + "' is not supported.");
        }
        return def;
    }

    private static FieldDef requireField(SObjectDef def, String fieldName) {
        FieldDef field = def.field(fieldName);
        if (field == null) {
            throw new DmlException("INVALID_FIELD", "No such column '" + fieldName + "' on sobject of type "
                    + def.name(), List.of(fieldName));
        }
        return field;
    }

    private Map<String, String> index(SObjectDef def, FieldDef field) {
        return uniqueIndexes.computeIfAbsent(key(def.name()) + "." + field.name().toLowerCase(Locale.ROOT),
                k -> new ConcurrentHashMap<>());
    }

    private static String indexKey(FieldDef field, Object value) {
        if (value instanceof String && !field.caseSensitive() && field.type() != FieldType.ID
                && field.type() != FieldType.REFERENCE) {
            return ((String) value).toLowerCase(Locale.ROOT);
        }
        if (value instanceof java.math.BigDecimal) {
            return ((java.math.BigDecimal) value).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private static String key(String objectName) {
        return objectName.toLowerCase(Locale.ROOT);
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    /**
     * The writes of one transaction. Each operation checks everything before changing anything, so an operation
     * that throws {@link DmlException} leaves no trace and the transaction can go on (partial success).
     *
     * <p>Not thread-safe: use it only on the thread running {@link RecordStore#transaction}.
     */
    public final class Transaction {

        private final WriteContext context;
        private final List<Runnable> undo = new ArrayList<>();
        private final List<PendingChange> changes = new ArrayList<>();
        private boolean silent;

        private Transaction(WriteContext context) {
            this.context = context;
        }

        /**
         * @param id a record id
         * @return the record as this transaction sees it, or {@code null}
         */
        public StoredRecord get(String id) {
            return RecordStore.this.get(id);
        }

        /**
         * Inserts a record.
         *
         * @param objectName the object
         * @param values field values by API name (any case); {@code attributes} is ignored
         * @return the stored record
         * @throws DmlException {@code INVALID_TYPE}, {@code INVALID_FIELD}, {@code INVALID_FIELD_FOR_INSERT_UPDATE},
         *     {@code REQUIRED_FIELD_MISSING}, {@code DUPLICATE_VALUE}, {@code INVALID_CROSS_REFERENCE_KEY},
         *     {@code STORAGE_LIMIT_EXCEEDED} or a coercion error
         */
        public StoredRecord insert(String objectName, Map<String, ?> values) {
            return insert(objectName, values, null);
        }

        private StoredRecord insert(String objectName, Map<String, ?> values, String presetId) {
            SObjectDef def = requireObject(objectName);
            if (presetId != null && byId.containsKey(presetId)) {
                throw new DmlException("DUPLICATE_VALUE", "duplicate value found: Id duplicates value on record with id: "
                        + presetId);
            }
            Map<String, Object> given = checkedValues(def, values, true);
            Instant now = now();
            Map<String, Object> record = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (FieldDef field : def.fields()) {
                String name = field.name();
                if (given.containsKey(name)) {
                    Object value = given.get(name);
                    if (value == null && !field.nillable()) {
                        missing.add(name);
                    }
                    record.put(name, value);
                } else if (field.defaultValue() != null) {
                    record.put(name, field.defaultValue());
                } else if (field.type() == FieldType.BOOLEAN && !field.calculated()) {
                    record.put(name, Boolean.FALSE);
                } else if (field.requiredOnCreate()) {
                    missing.add(name);
                }
            }
            if (!missing.isEmpty()) {
                throw new DmlException("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing);
            }
            String id = presetId != null ? presetId : ids.next(def.keyPrefix());
            record.put("Id", id);
            if (def.hasOwner() && record.get("OwnerId") == null) {
                record.put("OwnerId", context.userId());
            }
            record.put("IsDeleted", Boolean.FALSE);
            record.put("CreatedDate", now);
            record.put("CreatedById", context.userId());
            record.put("LastModifiedDate", now);
            record.put("LastModifiedById", context.userId());
            record.put("SystemModstamp", now);
            DerivedFields.apply(def, record);
            checkReferences(def, given);
            checkUnique(def, record, null);
            makeRoom();
            for (FieldDef field : def.fields()) {
                if (field.autoNumber()) {
                    int next = autoNumbers.computeIfAbsent(key(def.name()) + "." + field.name(),
                            k -> new AtomicInteger(1)).getAndIncrement();
                    record.put(field.name(), String.format(Locale.ROOT, "%08d", next));
                }
            }
            StoredRecord stored = new StoredRecord(def.name(), id, record);
            put(def, stored, null);
            List<String> populated = new ArrayList<>();
            Map<String, Object> populatedValues = new LinkedHashMap<>();
            record.forEach((name, value) -> {
                if (value != null) {
                    populated.add(name);
                    populatedValues.put(name, value);
                }
            });
            changes.add(new PendingChange(ChangeType.CREATE, def.name(), id, populated, List.of(), populatedValues));
            return stored;
        }

        /**
         * Updates a record.
         *
         * @param id the record id
         * @param values the fields to change; {@code Id} and {@code attributes} are ignored
         * @return the stored record
         * @throws DmlException {@code NOT_FOUND}, {@code ENTITY_IS_DELETED}, {@code INVALID_FIELD},
         *     {@code INVALID_FIELD_FOR_INSERT_UPDATE}, {@code REQUIRED_FIELD_MISSING}, {@code DUPLICATE_VALUE} or a
         *     coercion error
         */
        public StoredRecord update(String id, Map<String, ?> values) {
            StoredRecord current = requireLive(id);
            SObjectDef def = requireObject(current.objectName());
            Map<String, Object> given = checkedValues(def, values, false);
            List<String> nulledRequired = new ArrayList<>();
            given.forEach((name, value) -> {
                if (value == null && !def.field(name).nillable()) {
                    nulledRequired.add(name);
                }
            });
            if (!nulledRequired.isEmpty()) {
                throw new DmlException("REQUIRED_FIELD_MISSING", "Required fields are missing: " + nulledRequired,
                        nulledRequired);
            }
            Instant now = now();
            Map<String, Object> merged = new LinkedHashMap<>(current.values());
            merged.putAll(given);
            merged.put("LastModifiedDate", now);
            merged.put("LastModifiedById", context.userId());
            merged.put("SystemModstamp", now);
            DerivedFields.apply(def, merged);
            checkReferences(def, given);
            checkUnique(def, merged, current.id());
            StoredRecord updated = new StoredRecord(def.name(), current.id(), merged);
            put(def, updated, current);
            List<String> changed = new ArrayList<>();
            List<String> nulled = new ArrayList<>();
            Map<String, Object> newValues = new LinkedHashMap<>();
            merged.forEach((name, value) -> {
                if (name.equals("SystemModstamp") || Objects.equals(value, current.get(name))
                        && !name.equals("LastModifiedDate")) {
                    return;
                }
                if (value == null) {
                    nulled.add(name);
                } else {
                    changed.add(name);
                    newValues.put(name, value);
                }
            });
            changes.add(new PendingChange(ChangeType.UPDATE, def.name(), current.id(), changed, nulled, newValues));
            return updated;
        }

        /**
         * Moves a record to the recycle bin ({@code IsDeleted = true}); queryAll still sees it.
         *
         * @param id the record id
         * @return the deleted record
         * @throws DmlException {@code NOT_FOUND} or {@code ENTITY_IS_DELETED}
         */
        public StoredRecord delete(String id) {
            StoredRecord current = requireLive(id);
            SObjectDef def = requireObject(current.objectName());
            Instant now = now();
            StoredRecord deleted = current.with(Map.of("IsDeleted", Boolean.TRUE, "LastModifiedDate", now,
                    "LastModifiedById", context.userId(), "SystemModstamp", now));
            put(def, deleted, current);
            deletedOrder.add(deleted.id());
            changes.add(new PendingChange(ChangeType.DELETE, def.name(), current.id(), List.of(), List.of(), Map.of()));
            return deleted;
        }

        /**
         * Deletes a record for good, without the recycle bin (Bulk API {@code hardDelete}): queryAll no longer sees
         * it and it cannot be undeleted. The change log records a {@code DELETE}, as for a soft delete.
         *
         * @param id the record id
         * @return the record as it was deleted
         * @throws DmlException {@code NOT_FOUND} or {@code ENTITY_IS_DELETED}
         */
        public StoredRecord hardDelete(String id) {
            StoredRecord deleted = delete(id);
            SObjectDef def = requireObject(deleted.objectName());
            remove(def, deleted);
            deletedOrder.remove(deleted.id());
            undo.add(() -> insertRaw(def, deleted));
            return deleted;
        }

        /**
         * Restores a record from the recycle bin.
         *
         * @param id the record id
         * @return the restored record
         * @throws DmlException {@code NOT_FOUND}, {@code UNDELETE_FAILED} when it is not deleted, or
         *     {@code DUPLICATE_VALUE}
         */
        public StoredRecord undelete(String id) {
            StoredRecord current = get(id);
            if (current == null) {
                throw notFound();
            }
            if (!current.isDeleted()) {
                throw new DmlException("UNDELETE_FAILED", "Entity is not in the recycle bin");
            }
            SObjectDef def = requireObject(current.objectName());
            Instant now = now();
            StoredRecord restored = current.with(Map.of("IsDeleted", Boolean.FALSE, "LastModifiedDate", now,
                    "LastModifiedById", context.userId(), "SystemModstamp", now));
            checkUnique(def, restored.values(), current.id());
            put(def, restored, current);
            changes.add(new PendingChange(ChangeType.UNDELETE, def.name(), current.id(), List.of(), List.of(),
                    Map.of()));
            return restored;
        }

        private StoredRecord requireLive(String id) {
            StoredRecord current = get(id);
            if (current == null) {
                throw notFound();
            }
            if (current.isDeleted()) {
                throw new DmlException("ENTITY_IS_DELETED", "entity is deleted");
            }
            return current;
        }

        private DmlException notFound() {
            return new DmlException("NOT_FOUND", "The requested resource does not exist");
        }

        private Map<String, Object> checkedValues(SObjectDef def, Map<String, ?> values, boolean create) {
            Map<String, Object> checked = new LinkedHashMap<>();
            List<String> readOnly = new ArrayList<>();
            for (Map.Entry<String, ?> entry : values.entrySet()) {
                String name = entry.getKey();
                if (name.equals("attributes") || (!create && name.equalsIgnoreCase("Id"))) {
                    continue;
                }
                FieldDef field = requireField(def, name);
                if (create ? !field.createable() : !field.updateable()) {
                    readOnly.add(field.name());
                    continue;
                }
                checked.put(field.name(), FieldValues.coerce(field, entry.getValue()));
            }
            if (!readOnly.isEmpty()) {
                throw new DmlException("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                        + String.join(", ", readOnly) + ". Please check the security settings of this field and "
                        + "verify that it is read/write for your profile or permission set.", readOnly);
            }
            return checked;
        }

        private void checkReferences(SObjectDef def, Map<String, Object> given) {
            for (Map.Entry<String, Object> entry : given.entrySet()) {
                FieldDef field = def.field(entry.getKey());
                if (field.type() != FieldType.REFERENCE || entry.getValue() == null) {
                    continue;
                }
                String target = (String) entry.getValue();
                SObjectDef targetType = schema.objectOf(target);
                boolean knownTargets = field.referenceTo().stream().anyMatch(t -> schema.find(t) != null);
                if (!knownTargets) {
                    continue;
                }
                boolean rightType = targetType != null
                        && field.referenceTo().stream().anyMatch(t -> t.equalsIgnoreCase(targetType.name()));
                if (!rightType) {
                    throw new DmlException("FIELD_INTEGRITY_EXCEPTION", field.label() + ": id value of incorrect type: "
                            + target, List.of(field.name()));
                }
                StoredRecord parent = byId.get(target);
                if (parent == null || parent.isDeleted()) {
                    throw new DmlException("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id",
                            List.of(field.name()));
                }
            }
        }

        private void checkUnique(SObjectDef def, Map<String, Object> record, String selfId) {
            for (FieldDef field : def.fields()) {
                Object value = record.get(field.name());
                if (!field.unique() || value == null) {
                    continue;
                }
                String owner = index(def, field).get(indexKey(field, value));
                if (owner != null && !owner.equals(selfId)) {
                    throw new DmlException("DUPLICATE_VALUE", "duplicate value found: " + field.name()
                            + " duplicates value on record with id: " + owner, List.of());
                }
            }
        }

        private void makeRoom() {
            while (byId.size() >= maxRecords) {
                String oldest = deletedOrder.poll();
                if (oldest == null) {
                    throw new DmlException("STORAGE_LIMIT_EXCEEDED", "storage limit exceeded");
                }
                StoredRecord candidate = byId.get(oldest);
                if (candidate != null && candidate.isDeleted()) {
                    StoredRecord gone = candidate;
                    SObjectDef def = schema.find(gone.objectName());
                    remove(def, gone);
                    undo.add(() -> insertRaw(def, gone));
                }
            }
        }

        private void put(SObjectDef def, StoredRecord next, StoredRecord previous) {
            if (previous != null) {
                unindex(def, previous);
            }
            insertRaw(def, next);
            undo.add(() -> {
                remove(def, next);
                if (previous != null) {
                    insertRaw(def, previous);
                }
            });
        }

        private void rollback() {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            undo.clear();
            changes.clear();
        }

        private void commit() {
            if (changes.isEmpty() || silent) {
                return;
            }
            long number = ++commitNumber;
            String transactionKey = transactionKey();
            Instant committedAt = now();
            List<ChangeLogEntry> entries = new ArrayList<>(changes.size());
            int sequence = 1;
            for (PendingChange change : changes) {
                entries.add(new ChangeLogEntry(number, transactionKey, sequence++, committedAt, change.type,
                        change.entity, List.of(change.id), List.copyOf(change.changed), List.copyOf(change.nulled),
                        Collections.unmodifiableMap(change.values), context.userId(),
                        context.changeOrigin() == null ? "" : context.changeOrigin()));
            }
            changeLog.append(entries);
        }
    }

    private void insertRaw(SObjectDef def, StoredRecord record) {
        byId.put(record.id(), record);
        byObject.computeIfAbsent(key(def.name()), k -> new ConcurrentSkipListMap<>()).put(record.id(), record);
        if (!record.isDeleted()) {
            for (FieldDef field : def.fields()) {
                Object value = record.get(field.name());
                if (field.unique() && value != null) {
                    index(def, field).put(indexKey(field, value), record.id());
                }
            }
        }
    }

    private void remove(SObjectDef def, StoredRecord record) {
        byId.remove(record.id());
        ConcurrentSkipListMap<String, StoredRecord> table = byObject.get(key(def.name()));
        if (table != null) {
            table.remove(record.id());
        }
        unindex(def, record);
    }

    private void unindex(SObjectDef def, StoredRecord record) {
        for (FieldDef field : def.fields()) {
            Object value = record.get(field.name());
            if (field.unique() && value != null) {
                index(def, field).remove(indexKey(field, value), record.id());
            }
        }
    }

    private static String transactionKey() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String hex = Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
        return "0000" + hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-"
                + hex.substring(12, 16) + "-" + hex.substring(16, 28);
    }

    private static final class PendingChange {
        final ChangeType type;
        final String entity;
        final String id;
        final List<String> changed;
        final List<String> nulled;
        final Map<String, Object> values;

        PendingChange(ChangeType type, String entity, String id, List<String> changed, List<String> nulled,
                      Map<String, Object> values) {
            this.type = type;
            this.entity = entity;
            this.id = id;
            this.changed = changed;
            this.nulled = nulled;
            this.values = values;
        }
    }

    /**
     * @param objectName an object name
     * @return the number of live records of that object
     */
    public int count(String objectName) {
        return records(objectName, false).size();
    }

    /** @return every object that holds at least one record */
    public Collection<String> populatedObjects() {
        List<String> names = new ArrayList<>();
        byObject.forEach((k, v) -> {
            if (!v.isEmpty()) {
                names.add(v.firstEntry().getValue().objectName());
            }
        });
        return names;
    }
}
