package dev.forcelink.testkit.internal.org;

import java.time.Instant;
import java.util.Map;

/**
 * One platform event published through an API (REST, Composite, Pub/Sub), handed to the listeners registered
 * with {@link ChangeLog#addEventListener}. Platform events are never stored as records.
 *
 * @param eventName the event's API name, e.g. {@code Order_Event__e}
 * @param id the id returned to the publisher (key prefix of the event type)
 * @param eventUuid the event's {@code EventUuid}
 * @param createdDate when it was published
 * @param createdById the publishing user
 * @param values the event's fields by canonical name (unmodifiable), including {@code CreatedDate},
 *     {@code CreatedById} and {@code EventUuid}
 */
public record PublishedEvent(String eventName, String id, String eventUuid, Instant createdDate, String createdById,
                             Map<String, Object> values) {
}
