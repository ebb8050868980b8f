package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.testkit.internal.org.DmlException;
import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.FieldValues;
import dev.forcelink.testkit.internal.org.ObjectKind;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.PublishedEvent;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.org.SalesforceIds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes a {@link PublishedEvent} from field values given in Java, as the REST API makes one from JSON: checked and
 * coerced against the event's definition, with {@code CreatedDate}, {@code CreatedById} and {@code EventUuid} filled
 * in. Stateless and thread-safe.
 */
public final class PlatformEventFactory {

    private PlatformEventFactory() {
    }

    /**
     * Builds an event.
     *
     * @param schema the org schema
     * @param clock the emulator's clock
     * @param eventName the event's API name (any case)
     * @param fields its custom field values by API name (any case); {@code attributes} is ignored
     * @param userId the publishing user
     * @return the event, ready for {@code ChangeLog.publishEvent}
     * @throws DmlException {@code INVALID_TYPE} for an unknown event, {@code INVALID_FIELD} for an unknown field,
     *     {@code INVALID_FIELD_FOR_INSERT_UPDATE} for a standard field, {@code REQUIRED_FIELD_MISSING}, or a
     *     coercion error
     */
    public static PublishedEvent create(OrgSchema schema, Clock clock, String eventName, Map<String, ?> fields,
                                        String userId) {
        SObjectDef event = schema.find(eventName);
        if (event == null || event.kind() != ObjectKind.PLATFORM_EVENT) {
            throw new DmlException("INVALID_TYPE", "sObject type '" + eventName + "' is not a platform event.");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> readOnly = new ArrayList<>();
        for (Map.Entry<String, ?> entry : fields.entrySet()) {
            if (entry.getKey().equals("attributes")) {
                continue;
            }
            FieldDef field = event.field(entry.getKey());
            if (field == null) {
                throw new DmlException("INVALID_FIELD", "No such column '" + entry.getKey()
                        + "' on sobject of type " + event.name(), List.of(entry.getKey()));
            }
            if (!field.createable()) {
                readOnly.add(field.name());
                continue;
            }
            values.put(field.name(), FieldValues.coerce(field, entry.getValue()));
        }
        if (!readOnly.isEmpty()) {
            throw new DmlException("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                    + String.join(", ", readOnly) + ". Please check the security settings of this field and "
                    + "verify that it is read/write for your profile or permission set.", readOnly);
        }
        List<String> missing = new ArrayList<>();
        for (FieldDef field : event.fields()) {
            if (field.requiredOnCreate() && values.get(field.name()) == null) {
                missing.add(field.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new DmlException("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing);
        }
        Instant now = Instant.ofEpochMilli(clock.millis());
        String uuid = UUID.randomUUID().toString();
        values.put("CreatedDate", now);
        values.put("CreatedById", userId);
        values.put("EventUuid", uuid);
        return new PublishedEvent(event.name(), SalesforceIds.random(event.keyPrefix()), uuid, now, userId,
                Collections.unmodifiableMap(values));
    }
}
