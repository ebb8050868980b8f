package dev.forcelink.testkit.internal.pubsub.server;

import java.time.Duration;
import java.util.Objects;

/**
 * The Pub/Sub service's timing and size settings. Immutable.
 *
 * @param keepaliveInterval longest quiet time on a subscription before an empty {@code FetchResponse} (270 s)
 * @param idleTimeout how long a subscription with nothing requested waits for a {@code FetchRequest} before it
 *     closes (60 s)
 * @param publishStreamIdleTimeout how long a {@code PublishStream} waits for a request before it closes (70 s)
 * @param retention how long events are kept, on the emulator's clock (72 h)
 * @param maxEventsPerTopic the most events kept per topic; older ones are dropped
 * @param maxChangesPerTransaction changes of one transaction beyond this many become {@code GAP_OVERFLOW} events
 */
public record PubSubSettings(Duration keepaliveInterval, Duration idleTimeout, Duration publishStreamIdleTimeout,
                             Duration retention, int maxEventsPerTopic, int maxChangesPerTransaction) {

    /** Most events one subscription may have outstanding; more requested are capped (Pub/Sub API allocations). */
    public static final int MAX_PENDING = 100;
    /** Largest event payload accepted by Publish (1 MB, Pub/Sub API allocations). */
    public static final int MAX_EVENT_BYTES = 1024 * 1024;
    /** Largest PublishRequest accepted (the 4 MB gRPC limit, Pub/Sub API allocations). */
    public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if a duration is not positive or a count is below 1
     */
    public PubSubSettings {
        positive(keepaliveInterval, "keepaliveInterval");
        positive(idleTimeout, "idleTimeout");
        positive(publishStreamIdleTimeout, "publishStreamIdleTimeout");
        positive(retention, "retention");
        if (maxEventsPerTopic < 1 || maxChangesPerTransaction < 1) {
            throw new IllegalArgumentException("maxEventsPerTopic and maxChangesPerTransaction must be at least 1");
        }
    }

    /** @return Salesforce's values, 100,000 events per topic and 100,000 changes per transaction */
    public static PubSubSettings defaults() {
        return new PubSubSettings(Duration.ofSeconds(270), Duration.ofSeconds(60), Duration.ofSeconds(70),
                Duration.ofHours(72), 100_000, 100_000);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
