package dev.forcelink.testkit.internal.bulk;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.forcelink.testkit.internal.org.DmlException;
import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.FieldType;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.RecordLocks;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.org.SalesforceIds;
import dev.forcelink.testkit.internal.org.StoredRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies uploaded rows of one ingest job to the org: maps the header to fields (and {@code Rel.ExtId__c} columns
 * to lookups by a parent's external id), reads {@code #N/A} as null and an empty cell as "leave unchanged", and
 * runs the job's operation inside the caller's transaction.
 *
 * <p>Not thread-safe: one processing run owns it.
 */
final class RowMapper {

    /** The cell value that sets a field to null; an empty cell leaves the field as it is. */
    static final String NULL_CELL = "#N/A";

    private enum Kind { ID, FIELD, PARENT, IGNORED }

    private record Column(int index, Kind kind, FieldDef field, String parentObject, String parentField) {
    }

    private final IngestJob job;
    private final SObjectDef object;
    private final RecordStore store;
    private final List<Column> columns;
    private final int externalIdIndex;

    private RowMapper(IngestJob job, SObjectDef object, RecordStore store, List<Column> columns, int externalIdIndex) {
        this.job = job;
        this.object = object;
        this.store = store;
        this.columns = columns;
        this.externalIdIndex = externalIdIndex;
    }

    /**
     * Reads the header.
     *
     * @throws JobFailure when a column names no field, or the operation's key column is missing, as Salesforce
     *     fails the whole job for these
     */
    static RowMapper create(IngestJob job, OrgSchema schema, RecordStore store, List<String> header)
            throws JobFailure {
        SObjectDef object = schema.find(job.object());
        if (object == null) {
            throw new JobFailure("InvalidBatch : Unable to find object: " + job.object());
        }
        boolean deleting = job.operation().equals("delete") || job.operation().equals("hardDelete");
        List<Column> columns = new ArrayList<>();
        int idIndex = -1;
        int externalIdIndex = -1;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (name.equalsIgnoreCase("Id")) {
                idIndex = i;
                columns.add(new Column(i, Kind.ID, object.field("Id"), null, null));
            } else if (deleting) {
                // Delete jobs read only the Id column.
                columns.add(new Column(i, Kind.IGNORED, null, null, null));
            } else if (name.indexOf('.') > 0) {
                columns.add(parentColumn(schema, object, i, name));
            } else {
                FieldDef field = object.field(name);
                if (field == null) {
                    throw new JobFailure("InvalidBatch : Field name not found : " + name);
                }
                if (field.name().equalsIgnoreCase(String.valueOf(job.externalIdFieldName()))) {
                    externalIdIndex = i;
                }
                columns.add(new Column(i, Kind.FIELD, field, null, null));
            }
        }
        String operation = job.operation();
        if ((deleting || operation.equals("update")) && idIndex < 0) {
            throw new JobFailure("InvalidBatch : Field name not found : Id");
        }
        if (operation.equals("upsert")) {
            if (job.externalIdFieldName().equalsIgnoreCase("Id")) {
                externalIdIndex = idIndex;
            }
            if (externalIdIndex < 0) {
                throw new JobFailure("InvalidBatch : Field name not found : " + job.externalIdFieldName());
            }
        }
        return new RowMapper(job, object, store, columns, externalIdIndex);
    }

    private static Column parentColumn(OrgSchema schema, SObjectDef object, int index, String name)
            throws JobFailure {
        int dot = name.indexOf('.');
        String relationship = name.substring(0, dot);
        String externalField = name.substring(dot + 1);
        for (FieldDef field : object.fields()) {
            if (field.type() == FieldType.REFERENCE && relationship.equalsIgnoreCase(field.relationshipName())
                    && !field.referenceTo().isEmpty()) {
                SObjectDef parent = schema.find(field.referenceTo().get(0));
                FieldDef key = parent == null ? null : parent.field(externalField);
                if (key != null && (key.externalId() || key.idLookup() || key.type() == FieldType.ID)) {
                    return new Column(index, Kind.PARENT, field, parent.name(), key.name());
                }
            }
        }
        throw new JobFailure("InvalidBatch : Field name not found : " + name);
    }

    /**
     * Applies one row; a refusal is returned, not thrown, so the rest of the transaction goes on.
     *
     * @param tx the open transaction
     * @param row the uploaded row
     * @return the outcome
     */
    IngestRow apply(RecordStore.Transaction tx, CsvRecord row) {
        List<String> cells = row.getFields();
        String id = "";
        try {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Column column : columns) {
                String cell = column.index < cells.size() ? cells.get(column.index) : "";
                switch (column.kind) {
                    case ID -> id = cell.trim();
                    case FIELD -> {
                        if (!cell.isEmpty()) {
                            values.put(column.field.name(), NULL_CELL.equals(cell) ? null : cell);
                        }
                    }
                    case PARENT -> {
                        if (!cell.isEmpty()) {
                            values.put(column.field.name(), NULL_CELL.equals(cell) ? null : parentId(column, cell));
                        }
                    }
                    default -> {
                    }
                }
            }
            switch (job.operation()) {
                case "insert":
                    checkLock(null, values);
                    return new IngestRow(cells, tx.insert(object.name(), values).id(), true, null);
                case "update":
                    id = requireId(tx, id, "update");
                    checkLock(id, values);
                    return new IngestRow(cells, tx.update(id, values).id(), false, null);
                case "upsert":
                    return upsert(tx, cells, id, values);
                case "delete":
                    id = requireId(tx, id, "delete");
                    checkLock(id, values);
                    return new IngestRow(cells, tx.delete(id).id(), false, null);
                default:
                    id = requireId(tx, id, "hardDelete");
                    checkLock(id, values);
                    return new IngestRow(cells, tx.hardDelete(id).id(), false, null);
            }
        } catch (DmlException e) {
            return new IngestRow(cells, id, false, e);
        }
    }

    private IngestRow upsert(RecordStore.Transaction tx, List<String> cells, String id, Map<String, Object> values) {
        String field = job.externalIdFieldName();
        String key = externalIdIndex < cells.size() ? cells.get(externalIdIndex).trim() : "";
        if (key.isEmpty() || NULL_CELL.equals(key)) {
            throw new DmlException("MISSING_ARGUMENT", field + " not specified", List.of(field));
        }
        if (field.equalsIgnoreCase("Id")) {
            StoredRecord current = tx.get(key);
            if (current == null || current.isDeleted() || !current.objectName().equals(object.name())) {
                throw new DmlException("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of("Id"));
            }
            checkLock(current.id(), values);
            return new IngestRow(cells, tx.update(current.id(), values).id(), false, null);
        }
        List<StoredRecord> matches = store.findBy(object.name(), field, key);
        if (matches.size() > 1) {
            List<String> ids = new ArrayList<>();
            matches.forEach(match -> ids.add(match.id()));
            throw new DmlException("DUPLICATE_EXTERNAL_ID", field + ": more than one record found for external id "
                    + "field: " + ids, List.of(field));
        }
        if (matches.isEmpty()) {
            checkLock(null, values);
            return new IngestRow(cells, tx.insert(object.name(), values).id(), true, null);
        }
        checkLock(matches.get(0).id(), values);
        return new IngestRow(cells, tx.update(matches.get(0).id(), values).id(), false, null);
    }

    /**
     * Asks the scripted row locks ({@code Faults.lockRecords}) before a record write, as the other write APIs do,
     * so a Bulk row can fail with the record-level {@code UNABLE_TO_LOCK_ROW} while the rest of the job goes on.
     *
     * @param id the record written, or {@code null} for an insert
     * @param values the row's field values
     * @throws DmlException {@code UNABLE_TO_LOCK_ROW} when a scripted lock hits this write
     */
    private void checkLock(String id, Map<String, Object> values) {
        RecordLocks locks = store.recordLocks();
        if (locks.isEmpty()) {
            return;
        }
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (value != null) {
                text.put(field, value.toString());
            }
        });
        locks.check(object.name(), id, text);
    }

    private String requireId(RecordStore.Transaction tx, String id, String operation) {
        if (id.isEmpty()) {
            throw new DmlException("MISSING_ARGUMENT", "Id not specified in an " + operation + " call", List.of());
        }
        if (!SalesforceIds.isValid(id)) {
            throw new DmlException("MALFORMED_ID", object.label() + " ID: id value of incorrect type: " + id,
                    List.of("Id"));
        }
        StoredRecord current = tx.get(id);
        if (current != null && !current.objectName().equals(object.name())) {
            throw new DmlException("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of());
        }
        return SalesforceIds.to18(id);
    }

    private String parentId(Column column, String value) {
        List<StoredRecord> parents = store.findBy(column.parentObject, column.parentField, value);
        if (parents.isEmpty()) {
            throw new DmlException("INVALID_FIELD", "Foreign key external ID: " + value + " not found for field "
                    + column.parentField + " in entity " + column.parentObject, List.of());
        }
        if (parents.size() > 1) {
            throw new DmlException("INVALID_FIELD", "Foreign key external ID: " + value + " matches more than one "
                    + column.parentObject + " by " + column.parentField, List.of());
        }
        return parents.get(0).id();
    }
}
