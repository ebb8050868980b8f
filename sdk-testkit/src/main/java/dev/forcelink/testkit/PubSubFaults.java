package dev.forcelink.testkit;

import dev.forcelink.testkit.internal.auth.TokenStore;
import dev.forcelink.testkit.internal.pubsub.server.FaultScript;
import java.time.Duration;
import java.util.Objects;

/**
 * Scripts failures of the Pub/Sub API, as {@link Faults} does for HTTP:
 *
 * <pre>{@code
 * emulator.pubSubFaults().resetStreamEvery(500);          // UNAVAILABLE "RST_STREAM closed stream"
 * emulator.pubSubFaults().expireTokenMidStream();         // next response: UNAUTHENTICATED service.auth.error
 * emulator.pubSubFaults().corruptReplayId(storedReplayId); // CUSTOM replay from it: replayid.corrupted
 * emulator.pubSubFaults().delayResponses(Duration.ofMillis(50));
 * emulator.pubSubFaults().gapEvents(3);                   // next 3 change events are GAP_* events
 * }</pre>
 * Stream resets, delays and corrupted ids last until {@link #clear()}; GAP events are used up.
 *
 * <p>Thread-safe.
 */
public final class PubSubFaults {

    private final FaultScript script;
    private final TokenStore tokens;

    PubSubFaults(FaultScript script, TokenStore tokens) {
        this.script = script;
        this.tokens = tokens;
    }

    /**
     * Resets every subscription stream (Subscribe and ManagedSubscribe) once it has delivered {@code events}
     * events: the stream ends with {@code UNAVAILABLE} "RST_STREAM closed stream", as a transient network fault
     * does. Each new stream delivers {@code events} more before its own reset.
     *
     * @param events events per stream before the reset, at least 1
     * @throws IllegalArgumentException if {@code events} is below 1
     */
    public void resetStreamEvery(int events) {
        if (events < 1) {
            throw new IllegalArgumentException("events must be at least 1, got " + events);
        }
        script.resetEvery(events);
    }

    /**
     * Expires every access token issued so far (refresh tokens keep working). Each open stream fails its next
     * response with {@code UNAUTHENTICATED} and {@code sfdc.platform.eventbus.grpc.service.auth.error}; new calls
     * need a fresh token.
     */
    public void expireTokenMidStream() {
        tokens.expireAll();
    }

    /**
     * Makes a replay id unusable: subscribing with {@code CUSTOM} from it fails with {@code INVALID_ARGUMENT} and
     * {@code sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted}, and committing it fails.
     *
     * @param replayId the replay id bytes a client received
     */
    public void corruptReplayId(byte[] replayId) {
        script.corrupt(Objects.requireNonNull(replayId, "replayId"));
    }

    /**
     * Slows the server down: every subscription response waits this long before it is sent.
     *
     * @param delay the delay per response; zero turns it off
     * @throws IllegalArgumentException if negative
     */
    public void delayResponses(Duration delay) {
        script.responseDelay(Objects.requireNonNull(delay, "delay"));
    }

    /**
     * Sends the next {@code count} change events as GAP events ({@code GAP_CREATE}, {@code GAP_UPDATE},
     * {@code GAP_DELETE}, {@code GAP_UNDELETE}): the header with record ids, but no field values, as Salesforce does
     * when it cannot produce the full event.
     *
     * @param count how many, 0 to stop
     * @throws IllegalArgumentException if negative
     */
    public void gapEvents(int count) {
        script.gapEvents(count);
    }

    /** Removes every scripted Pub/Sub fault. Expired tokens stay expired. */
    public void clear() {
        script.clear();
    }
}
