package dev.forcelink.testkit.internal.rest.query;

import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.StoredRecord;
import dev.forcelink.testkit.internal.soql.SoqlDataSource;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The record store as the SOQL engine reads it. Records are the store's own immutable value maps, so a query
 * sees a consistent snapshot of each record without copying it; writes committed while a query runs may or may
 * not be seen (as with Salesforce's read-committed queries). Thread-safe.
 */
public final class StoreDataSource implements SoqlDataSource {

    private final RecordStore store;

    /** @param store the org's records */
    public StoreDataSource(RecordStore store) {
        this.store = store;
    }

    @Override
    public Stream<Map<String, Object>> records(String objectName, boolean includeDeleted) {
        return store.records(objectName, includeDeleted).stream().map(StoredRecord::values);
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
