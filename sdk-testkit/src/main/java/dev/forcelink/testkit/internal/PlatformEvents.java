package dev.forcelink.testkit.internal;

import dev.forcelink.testkit.internal.org.DmlException;
import java.util.Map;
import java.util.Objects;

/**
 * Where platform events published outside Pub/Sub go, e.g. {@code POST /sobjects/Order_Event__e}: the REST resource
 * calls {@link #publish}, the Pub/Sub service connects the sink that puts the event on its topic.
 *
 * <p>Thread-safe.
 */
public final class PlatformEvents {

    /** Puts one platform event on its topic. Implementations are thread-safe. */
    public interface Sink {
        /**
         * Publishes an event.
         *
         * @param eventName the event's API name, e.g. {@code Order_Event__e} (any case)
         * @param fields its field values by API name (any case); {@code attributes} is ignored
         * @param userId the publishing user, the event's {@code CreatedById}
         * @return the event's id, as a REST create result reports it
         * @throws DmlException {@code INVALID_TYPE} for an unknown event, {@code INVALID_FIELD} for an unknown field,
         *     or a coercion error for a bad value
         */
        String publish(String eventName, Map<String, ?> fields, String userId);
    }

    private final String defaultUserId;
    private volatile Sink sink;

    /** @param defaultUserId the org's user, publisher of events that name none */
    public PlatformEvents(String defaultUserId) {
        this.defaultUserId = Objects.requireNonNull(defaultUserId, "defaultUserId");
    }

    /**
     * Publishes an event as the org's user.
     *
     * @param eventName the event's API name
     * @param fields its field values
     * @return the event's id
     * @throws DmlException as {@link Sink#publish}
     * @throws IllegalStateException if no Pub/Sub service is running
     */
    public String publish(String eventName, Map<String, ?> fields) {
        return publish(eventName, fields, defaultUserId);
    }

    /**
     * Publishes an event.
     *
     * @param eventName the event's API name
     * @param fields its field values
     * @param userId the publishing user
     * @return the event's id
     * @throws DmlException as {@link Sink#publish}
     * @throws IllegalStateException if no Pub/Sub service is running
     */
    public String publish(String eventName, Map<String, ?> fields, String userId) {
        Sink current = sink;
        if (current == null) {
            throw new IllegalStateException("No Pub/Sub service is running in this emulator to carry " + eventName);
        }
        return current.publish(eventName, fields, userId);
    }

    /** @param value the sink of the running Pub/Sub service, or {@code null} when it stops */
    public void connect(Sink value) {
        sink = value;
    }
}
