package dev.forcelink.testkit.internal.soql;

import java.util.List;
import java.util.Map;

/**
 * A checked field path: zero or more parent lookups, then a field. Immutable and thread-safe.
 *
 * @param lookups the parent steps, in order
 * @param field the final field
 * @param displayName the canonical dotted path, for messages
 */
record ValuePath(List<ParentLookup> lookups, SoqlField field, String displayName) {
    ValuePath {
        lookups = List.copyOf(lookups);
    }

    /** The value at this path from {@code record}; null when a parent on the way is missing. */
    Object read(Map<String, Object> record, SoqlDataSource data) {
        Map<String, Object> current = record;
        for (int i = 0; i < lookups.size(); i++) {
            ParentLookup.Found parent = lookups.get(i).follow(current, data);
            if (parent == null) {
                return null;
            }
            current = parent.record();
        }
        return current.get(field.name());
    }
}
