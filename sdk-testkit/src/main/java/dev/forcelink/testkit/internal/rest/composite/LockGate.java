package dev.forcelink.testkit.internal.rest.composite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.internal.org.DmlException;
import dev.forcelink.testkit.internal.org.RecordLocks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks the scripted row locks before each record write of a Composite, Collections, tree or graph request.
 * Thread-safe.
 */
final class LockGate {

    private final RecordLocks locks;

    LockGate(RecordLocks locks) {
        this.locks = locks;
    }

    /**
     * @param objectName the object written
     * @param id the record id, or {@code null} for an insert
     * @param fields the JSON field map sent, may be {@code null}
     * @throws DmlException {@code UNABLE_TO_LOCK_ROW} when a scripted lock hits this write
     */
    void check(String objectName, String id, JsonNode fields) {
        if (locks.isEmpty()) {
            return;
        }
        Map<String, String> text = new LinkedHashMap<>();
        if (fields != null && fields.isObject()) {
            for (Map.Entry<String, JsonNode> entry : fields.properties()) {
                JsonNode value = entry.getValue();
                if (value.isValueNode() && !value.isNull()) {
                    text.put(entry.getKey(), value.asText());
                }
            }
        }
        locks.check(objectName, id, text);
    }
}
