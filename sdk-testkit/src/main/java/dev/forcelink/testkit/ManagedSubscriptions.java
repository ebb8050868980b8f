package dev.forcelink.testkit;

import dev.forcelink.testkit.internal.pubsub.server.ManagedSubscription;
import dev.forcelink.testkit.internal.pubsub.server.ManagedSubscriptionRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * The org's managed event subscriptions, which {@code ManagedSubscribe} streams name by id or developer name. In
 * Salesforce they are {@code ManagedEventSubscription} Tooling records; here a test registers them.
 *
 * <pre>{@code
 * String id = emulator.managedSubscriptions().create("Orders_Sync", "/event/Order_Event__e", Start.EARLIEST);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ManagedSubscriptions {

    /** Where a managed subscription's first stream starts, before anything is committed. */
    public enum Start {
        /** At the oldest retained event. */
        EARLIEST,
        /** At the tip: only events published after the stream opens. */
        LATEST
    }

    private final ManagedSubscriptionRegistry registry;

    ManagedSubscriptions(ManagedSubscriptionRegistry registry) {
        this.registry = registry;
    }

    /**
     * Registers a managed subscription.
     *
     * @param developerName its unique developer name
     * @param topicName the topic it delivers, e.g. {@code /data/AccountChangeEvent}; not checked until a stream
     *     opens
     * @param start where its first stream starts
     * @return the subscription's 18-character id
     * @throws IllegalArgumentException if the name is blank or taken, or 200 subscriptions exist
     */
    public String create(String developerName, String topicName, Start start) {
        Objects.requireNonNull(start, "start");
        return registry.create(developerName, topicName, start == Start.EARLIEST).id();
    }

    /**
     * Returns the replay id last committed on a subscription, where its next stream resumes.
     *
     * @param developerName the subscription's developer name
     * @return a copy of the committed replay id, or empty before the first commit
     * @throws IllegalArgumentException if no subscription has that name
     */
    public Optional<byte[]> committedReplayId(String developerName) {
        ManagedSubscription subscription = registry.byDeveloperName(developerName);
        if (subscription == null) {
            throw new IllegalArgumentException("No managed subscription is named " + developerName);
        }
        return Optional.ofNullable(subscription.committedReplayId());
    }
}
