package dev.forcelink.testkit.internal.pubsub.server;

/**
 * One topic: its name, what it carries and its event log. Immutable holder; the log is thread-safe.
 *
 * @param name the topic name, e.g. {@code /event/Order_Event__e}
 * @param kind what it carries
 * @param apiName the platform event or object name, or {@code null} for {@code /data/ChangeEvents}
 * @param log its events
 */
record Topic(String name, Kind kind, String apiName, EventLog log) {

    /** What a topic carries. */
    enum Kind {
        /** A custom platform event: publishable. */
        PLATFORM_EVENT,
        /** The change events of one object. */
        OBJECT_CHANGE_EVENTS,
        /** The change events of every object. */
        ALL_CHANGE_EVENTS
    }

    /** @return whether clients may publish to it (change event channels are written by the org only) */
    boolean canPublish() {
        return kind == Kind.PLATFORM_EVENT;
    }
}
