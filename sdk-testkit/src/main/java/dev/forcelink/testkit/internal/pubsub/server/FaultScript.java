package dev.forcelink.testkit.internal.pubsub.server;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Pub/Sub faults a test has scripted: stream resets, slow responses, corrupted replay ids and GAP change events.
 * Token expiry needs no entry here: streams check their token before every response.
 *
 * <p>Thread-safe.
 */
public final class FaultScript {

    private volatile int resetEvery;
    private volatile Duration responseDelay = Duration.ZERO;
    private final Set<ByteBuffer> corruptedReplayIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger gapEvents = new AtomicInteger();

    /** @param events reset every subscription stream after this many delivered events; 0 turns it off */
    public void resetEvery(int events) {
        if (events < 0) {
            throw new IllegalArgumentException("events must be 0 (off) or more, got " + events);
        }
        resetEvery = events;
    }

    /** @return after how many events streams are reset, 0 for never */
    public int resetEvery() {
        return resetEvery;
    }

    /** @param delay added before every subscription response; zero turns it off */
    public void responseDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        responseDelay = delay;
    }

    /** @return the delay before every subscription response */
    public Duration responseDelay() {
        return responseDelay;
    }

    /** @param replayId a replay id that subscriptions must reject as corrupted from now on */
    public void corrupt(byte[] replayId) {
        corruptedReplayIds.add(ByteBuffer.wrap(Objects.requireNonNull(replayId, "replayId").clone()));
    }

    /**
     * @param replayId a replay id
     * @return whether a test made it corrupted
     */
    public boolean isCorrupted(byte[] replayId) {
        return !corruptedReplayIds.isEmpty() && corruptedReplayIds.contains(ByteBuffer.wrap(replayId));
    }

    /** @param count how many coming change events to send as {@code GAP_*} events */
    public void gapEvents(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        gapEvents.set(count);
    }

    /** @return whether the next change event is to be a GAP event (claims it) */
    public boolean claimGap() {
        return gapEvents.get() > 0 && gapEvents.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /** Removes every scripted fault. */
    public void clear() {
        resetEvery = 0;
        responseDelay = Duration.ZERO;
        corruptedReplayIds.clear();
        gapEvents.set(0);
    }
}
