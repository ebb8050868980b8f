package dev.forcelink.testkit.internal.pubsub.server;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One managed event subscription (the {@code ManagedEventSubscription} configuration of Salesforce): its id,
 * developer name, topic, where a first stream starts, and the replay id last committed.
 *
 * <p>Thread-safe.
 */
public final class ManagedSubscription {

    private final String id;
    private final String developerName;
    private final String topicName;
    private final boolean startAtEarliest;
    private final AtomicBoolean active = new AtomicBoolean();
    private volatile byte[] committedReplayId;

    ManagedSubscription(String id, String developerName, String topicName, boolean startAtEarliest) {
        this.id = id;
        this.developerName = developerName;
        this.topicName = topicName;
        this.startAtEarliest = startAtEarliest;
    }

    /** @return the 18-character subscription id */
    public String id() {
        return id;
    }

    /** @return the developer name */
    public String developerName() {
        return developerName;
    }

    /** @return the topic it delivers */
    public String topicName() {
        return topicName;
    }

    /** @return whether a stream with nothing committed starts at the earliest retained event (else the tip) */
    public boolean startAtEarliest() {
        return startAtEarliest;
    }

    /** @return a copy of the last committed replay id, or {@code null} before the first commit */
    public byte[] committedReplayId() {
        byte[] committed = committedReplayId;
        return committed == null ? null : committed.clone();
    }

    void commit(byte[] replayId) {
        committedReplayId = replayId.clone();
    }

    boolean activate() {
        return active.compareAndSet(false, true);
    }

    void release() {
        active.set(false);
    }
}
