package dev.forcelink.testkit.internal.soql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An in-memory data source for tests. A record with {@code IsDeleted = true} is seen only with
 * includeDeleted. Counts how many records the engine pulled from each stream.
 */
final class TestRecords implements SoqlDataSource {
    private final Map<String, List<Map<String, Object>>> byObject = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> byId = new HashMap<>();
    final AtomicInteger recordsRead = new AtomicInteger();

    /** Adds a record; keys and values alternate, e.g. {@code add("Account", "Id", "001...", "Name", "Acme")}. */
    TestRecords add(String objectName, Object... keysAndValues) {
        Map<String, Object> record = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            record.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return add(objectName, record);
    }

    TestRecords add(String objectName, Map<String, Object> record) {
        byObject.computeIfAbsent(objectName, k -> new ArrayList<>()).add(record);
        byId.put(objectName + "/" + record.get("Id"), record);
        return this;
    }

    @Override
    public Stream<Map<String, Object>> records(String objectName, boolean includeDeleted) {
        return byObject.getOrDefault(objectName, List.of()).stream()
                .filter(record -> includeDeleted || !Boolean.TRUE.equals(record.get("IsDeleted")))
                .peek(record -> recordsRead.incrementAndGet());
    }

    @Override
    public Optional<Map<String, Object>> findById(String objectName, String id) {
        Map<String, Object> record = byId.get(objectName + "/" + id);
        if (record == null || Boolean.TRUE.equals(record.get("IsDeleted"))) {
            return Optional.empty();
        }
        return Optional.of(record);
    }
}
