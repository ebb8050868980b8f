package dev.forcelink.testkit.internal.org;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored record: its object, id and field values keyed by canonical API name (fields never set are absent, a
 * field set to null maps to {@code null}). Immutable and thread-safe; a write stores a new instance.
 */
public final class StoredRecord {

    private final String objectName;
    private final String id;
    private final Map<String, Object> values;

    StoredRecord(String objectName, String id, Map<String, Object> values) {
        this.objectName = objectName;
        this.id = id;
        this.values = Collections.unmodifiableMap(values);
    }

    /** @return the object's API name, e.g. {@code Account} */
    public String objectName() {
        return objectName;
    }

    /** @return the 18-character id */
    public String id() {
        return id;
    }

    /** @return all values, in field declaration order for a create and then in write order */
    public Map<String, Object> values() {
        return values;
    }

    /**
     * @param canonicalField a field's canonical API name (as {@link FieldDef#name()})
     * @return the value, or {@code null} if unset or null
     */
    public Object get(String canonicalField) {
        return values.get(canonicalField);
    }

    /** @return whether the record is in the recycle bin */
    public boolean isDeleted() {
        return Boolean.TRUE.equals(values.get("IsDeleted"));
    }

    /** @return {@code LastModifiedDate} */
    public Instant lastModifiedDate() {
        return (Instant) values.get("LastModifiedDate");
    }

    StoredRecord with(Map<String, Object> changes) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.putAll(changes);
        return new StoredRecord(objectName, id, copy);
    }

    @Override
    public String toString() {
        return "StoredRecord[" + objectName + " " + id + "]";
    }
}
