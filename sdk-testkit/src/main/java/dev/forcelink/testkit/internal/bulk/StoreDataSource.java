package dev.forcelink.testkit.internal.bulk;

import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.StoredRecord;
import dev.forcelink.testkit.internal.soql.SoqlDataSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The org's records as the SOQL engine reads them. Optionally restricted to a slice of the queried object's records,
 * so that a large query runs slice by slice. Thread-safe; a query sees writes committed while it runs.
 */
final class StoreDataSource implements SoqlDataSource {

    private final RecordStore store;
    private final String slicedObject;
    private final List<StoredRecord> slice;

    /**
     * @param store the org's records
     * @param slicedObject the object whose records are restricted, or {@code null} for none
     * @param slice the records of {@code slicedObject} to use
     */
    StoreDataSource(RecordStore store, String slicedObject, List<StoredRecord> slice) {
        this.store = store;
        this.slicedObject = slicedObject;
        this.slice = slice;
    }

    @Override
    public Stream<Map<String, Object>> records(String objectName, boolean includeDeleted) {
        List<StoredRecord> records = objectName.equalsIgnoreCase(slicedObject) ? slice
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
