package dev.forcelink.testkit.internal.pubsub.server;

import java.util.Objects;

/**
 * What the emulator and its tests share with the Pub/Sub service: the settings, the fault script, the managed
 * subscriptions and the port the service really bound (it falls back to a free port when the reserved one is
 * taken).
 *
 * <p>Thread-safe.
 */
public final class PubSubControl {

    private final PubSubSettings settings;
    private final FaultScript faults = new FaultScript();
    private final ManagedSubscriptionRegistry managedSubscriptions = new ManagedSubscriptionRegistry();
    private volatile int port;

    /**
     * @param settings the service's settings
     * @param reservedPort the port reserved for the service
     */
    public PubSubControl(PubSubSettings settings, int reservedPort) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.port = reservedPort;
    }

    /** @return the settings */
    public PubSubSettings settings() {
        return settings;
    }

    /** @return the scripted faults */
    public FaultScript faults() {
        return faults;
    }

    /** @return the managed subscriptions */
    public ManagedSubscriptionRegistry managedSubscriptions() {
        return managedSubscriptions;
    }

    /** @return the port the service listens on (the reserved one until the service binds) */
    public int port() {
        return port;
    }

    /** @param boundPort the port the service bound */
    public void bound(int boundPort) {
        port = boundPort;
    }
}
