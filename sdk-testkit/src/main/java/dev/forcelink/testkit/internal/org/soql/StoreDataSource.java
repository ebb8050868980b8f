package dev.forcelink.testkit.internal.org.soql;

import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.StoredRecord;
import dev.forcelink.testkit.internal.soql.SoqlDataSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The record store as the SOQL engine reads it, for the REST and Bulk APIs alike. Records are the store's own
 * immutable value maps, so a query sees a consistent snapshot of each record without copying it; writes committed
 * while a query runs may or may not be seen (as with Salesforce's read-committed queries). A source may be
 * restricted to a slice of one object's records, so that a large Bulk query runs slice by slice with only one
 * slice of result rows in memory.
 *
 * <p>Thread-safe.
 */
public final class StoreDataSource implements SoqlDataSource {

    private final RecordStore store;
    private final String slicedObject;
    private final List<StoredRecord> slice;

    /** @param store the org's records */
    public StoreDataSource(RecordStore store) {
        this(store, null, null);
    }

    private StoreDataSource(RecordStore store, String slicedObject, List<StoredRecord> slice) {
        this.store = Objects.requireNonNull(store, "store");
        this.slicedObject = slicedObject;
        this.slice = slice;
    }

    /**
     * @param store the org's records
     * @param objectName the object whose records are restricted to {@code records}
     * @param records the records of {@code objectName} the query sees; other objects (parents) are read whole
     * @return a source that sees only that slice of the object
     */
    public static StoreDataSource slice(RecordStore store, String objectName, List<StoredRecord> records) {
        return new StoreDataSource(store, Objects.requireNonNull(objectName, "objectName"),
                Objects.requireNonNull(records, "records"));
    }

    @Override
    public Stream<Map<String, Object>> records(String objectName, boolean includeDeleted) {
        List<StoredRecord> records = slicedObject != null && objectName.equalsIgnoreCase(slicedObject) ? slice
                : store.records(objectName, includeDeleted);
        return records.stream().map(StoredRecord::values);
    }

    @Override
    public Optional<Map<String, Object>> findById(String objectName, String id) {
        StoredRecord record = store.get(id);
        if (record == null || record.isDeleted() || !record.objectName().equalsIgnoreCase(objectName)) {
            return Optional.empty();
        }
        return Optional.of(record.values());
    }
}
