package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.testkit.internal.org.SalesforceIds;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org's managed event subscriptions, by id and developer name.
 *
 * <p>Thread-safe.
 */
public final class ManagedSubscriptionRegistry {

    /** Salesforce allows at most 200 managed subscriptions per org (Pub/Sub API allocations). */
    static final int MAX_SUBSCRIPTIONS = 200;
    // The key prefix of ManagedEventSubscription records is unverified; "18x" is a placeholder.
    private static final String KEY_PREFIX = "18x";

    private final Map<String, ManagedSubscription> byId = new ConcurrentHashMap<>();
    private final Map<String, ManagedSubscription> byName = new ConcurrentHashMap<>();

    /**
     * Registers a managed subscription.
     *
     * @param developerName its unique developer name
     * @param topicName the topic it delivers
     * @param startAtEarliest whether a first stream starts at the earliest retained event rather than the tip
     * @return the subscription
     * @throws IllegalArgumentException if the name is blank or taken, or the org has 200 already
     */
    public synchronized ManagedSubscription create(String developerName, String topicName, boolean startAtEarliest) {
        if (developerName == null || developerName.isBlank()) {
            throw new IllegalArgumentException("developerName must not be blank");
        }
        Objects.requireNonNull(topicName, "topicName");
        if (byName.containsKey(developerName)) {
            throw new IllegalArgumentException("A managed subscription named " + developerName + " already exists");
        }
        if (byId.size() >= MAX_SUBSCRIPTIONS) {
            throw new IllegalArgumentException("An org has at most " + MAX_SUBSCRIPTIONS + " managed subscriptions");
        }
        ManagedSubscription subscription = new ManagedSubscription(SalesforceIds.random(KEY_PREFIX), developerName,
                topicName, startAtEarliest);
        byId.put(subscription.id(), subscription);
        byName.put(developerName, subscription);
        return subscription;
    }

    /**
     * @param id a 15- or 18-character id
     * @return the subscription, or {@code null}
     */
    public ManagedSubscription byId(String id) {
        return SalesforceIds.isValid(id) ? byId.get(SalesforceIds.to18(id)) : null;
    }

    /**
     * @param developerName a developer name
     * @return the subscription, or {@code null}
     */
    public ManagedSubscription byDeveloperName(String developerName) {
        return developerName == null ? null : byName.get(developerName);
    }
}
