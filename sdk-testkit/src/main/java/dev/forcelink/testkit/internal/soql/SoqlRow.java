package dev.forcelink.testkit.internal.soql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record of a query result, shaped like Salesforce's JSON record: the selected fields in
 * SELECT order under their canonical names. A value is the stored Java value, a nested {@link
 * SoqlRow} for a parent relationship (null when the lookup is empty), or a nested {@link SoqlResult}
 * for a child subquery (null when there are no children). Immutable and thread-safe as long as the
 * stored values are.
 */
public final class SoqlRow {
    /** The {@code attributes.type} of aggregate query rows. */
    public static final String AGGREGATE_RESULT = "AggregateResult";

    private final String objectType;
    private final String id;
    private final Map<String, Object> fields;

    SoqlRow(String objectType, String id, LinkedHashMap<String, Object> fields) {
        this.objectType = Objects.requireNonNull(objectType, "objectType");
        this.id = id;
        this.fields = Collections.unmodifiableMap(fields);
    }

    /**
     * The canonical object name for {@code attributes.type}; {@value #AGGREGATE_RESULT} for an
     * aggregate row.
     *
     * @return the object name
     */
    public String objectType() {
        return objectType;
    }

    /**
     * The record's id for {@code attributes.url}, whether or not {@code Id} was selected.
     *
     * @return the id, or null for an aggregate row or a record stored without one
     */
    public String id() {
        return id;
    }

    /**
     * Whether this is an aggregate row, whose {@code attributes} carry a type but no url.
     *
     * @return true for an AggregateResult row
     */
    public boolean isAggregate() {
        return AGGREGATE_RESULT.equals(objectType);
    }

    /**
     * The output fields in SELECT order.
     *
     * @return an unmodifiable, ordered map; values may be null
     */
    public Map<String, Object> fields() {
        return fields;
    }

    /**
     * One output field by its exact key.
     *
     * @param key the canonical field or relationship name
     * @return the value, or null when it is null or not in the row
     */
    public Object get(String key) {
        return fields.get(key);
    }

    /**
     * A copy of this row with one output field's value replaced, such as a child result cut down to its first
     * batch.
     *
     * @param key the exact key of a field already in the row
     * @param value the new value, may be null
     * @return the new row; this one is unchanged
     * @throws IllegalArgumentException if the row has no field {@code key}
     */
    public SoqlRow withValue(String key, Object value) {
        if (!fields.containsKey(key)) {
            throw new IllegalArgumentException("The row has no field '" + key + "'; it has " + fields.keySet());
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put(key, value);
        return new SoqlRow(objectType, id, copy);
    }

    @Override
    public String toString() {
        return objectType + (id == null ? "" : "(" + id + ")") + fields;
    }
}
