package dev.forcelink.testkit.internal.soql;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step from a record to its parent through a reference field. Immutable and thread-safe.
 *
 * @param relationshipName canonical relationship name, the output key of the parent row
 * @param referenceField canonical name of the reference field on the child
 * @param targets canonical names of the objects the reference may point to, tried in order
 */
record ParentLookup(String relationshipName, String referenceField, List<String> targets) {
    ParentLookup {
        targets = List.copyOf(targets);
    }

    /** The parent of {@code record}, or null when the reference is empty or points nowhere. */
    Found follow(Map<String, Object> record, SoqlDataSource data) {
        Object id = record.get(referenceField);
        if (!(id instanceof String parentId)) {
            return null;
        }
        for (String target : targets) {
            Optional<Map<String, Object>> parent = data.findById(target, parentId);
            if (parent.isPresent()) {
                return new Found(target, parent.get());
            }
        }
        return null;
    }

    /** A parent record and the object it was found in. */
    record Found(String objectName, Map<String, Object> record) {
    }
}
