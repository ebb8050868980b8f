package dev.forcelink.testkit.internal;

/**
 * A part of the emulator that plugs in at start-up (REST resources, Bulk 2.0, Composite, the Pub/Sub gRPC
 * service): it adds routes, listens to the change log or starts its own server.
 *
 * <p>Features are found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.forcelink.testkit.internal.EmulatorFeature}. Each emulator gets fresh instances,
 * so a feature may keep per-emulator state. Implementations must be thread-safe once started.
 */
public interface EmulatorFeature {

    /**
     * Installs the feature before the HTTP server accepts requests.
     *
     * @param runtime the emulator's parts
     * @throws RuntimeException if the feature cannot start; the emulator then fails to start
     */
    void start(EmulatorRuntime runtime);

    /** Releases what {@link #start} acquired (servers, threads); called once when the emulator closes. */
    default void close() {
    }
}
