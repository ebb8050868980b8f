package dev.forcelink.testkit.internal.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a slow-body fault delivers a response body: which slices of the body leave when, counted from the moment
 * the status line and headers were sent, when the body ends, and whether it ends complete or with a dropped
 * connection. Immutable and thread-safe.
 */
public final class BodyPacing {

    /** How many bytes a stalled body sends before it stalls: enough to start the body, too few to parse. */
    static final int STALL_PREFIX_BYTES = 8;

    private final boolean dribble;
    private final int chunks;
    private final Duration duration;
    private final boolean dropsConnection;

    private BodyPacing(boolean dribble, int chunks, Duration duration, boolean dropsConnection) {
        this.dribble = dribble;
        this.chunks = chunks;
        this.duration = duration;
        this.dropsConnection = dropsConnection;
    }

    /**
     * The body in {@code chunks} pieces of nearly equal size, piece {@code i} (from 1) at {@code i * total /
     * chunks}, so that the last one leaves at {@code total}.
     *
     * @param chunks how many pieces, at least 1
     * @param total how long the body takes, not negative
     * @return the pacing
     * @throws IllegalArgumentException if {@code chunks} is below 1 or {@code total} is negative
     */
    public static BodyPacing dribble(int chunks, Duration total) {
        if (chunks < 1) {
            throw new IllegalArgumentException("a dribbled body needs at least 1 chunk, got " + chunks);
        }
        return new BodyPacing(true, chunks, notNegative(total, "dribble time"), false);
    }

    /**
     * The first few bytes of the body at once, then nothing for {@code stall}, then the rest, or a dropped
     * connection instead of the rest.
     *
     * @param stall how long the body stalls, not negative
     * @param thenDrop whether to close the connection after the stall instead of sending the rest
     * @return the pacing
     * @throws IllegalArgumentException if {@code stall} is negative
     */
    public static BodyPacing stall(Duration stall, boolean thenDrop) {
        return new BodyPacing(false, 1, notNegative(stall, "stall"), thenDrop);
    }

    /**
     * Cuts a body into the slices to send. Empty slices are left out, so a body shorter than the number of chunks
     * goes one byte at a time at the times of the pieces that have a byte.
     *
     * @param length the length of the body on the wire (after gzip), at least 1
     * @return the slices in order; they cover the whole body unless {@link #dropsConnection()}
     */
    public List<Slice> slices(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("only a body of at least one byte can be paced, got " + length);
        }
        List<Slice> slices = new ArrayList<>();
        if (dribble) {
            for (int i = 0; i < chunks; i++) {
                int from = (int) ((long) length * i / chunks);
                int to = (int) ((long) length * (i + 1) / chunks);
                if (to > from) {
                    slices.add(new Slice(from, to, duration.multipliedBy(i + 1L).dividedBy(chunks)));
                }
            }
        } else {
            int prefix = Math.min(STALL_PREFIX_BYTES, length / 2);
            if (prefix > 0) {
                slices.add(new Slice(0, prefix, Duration.ZERO));
            }
            if (!dropsConnection) {
                slices.add(new Slice(prefix, length, duration));
            }
        }
        return List.copyOf(slices);
    }

    /** @return when the body ends (completes, or its connection is dropped), counted from the headers */
    public Duration end() {
        return duration;
    }

    /** @return whether the connection is closed at {@link #end()} instead of the body being completed */
    public boolean dropsConnection() {
        return dropsConnection;
    }

    /** @return the fault in words, as the request journal shows it */
    @Override
    public String toString() {
        if (dribble) {
            return "dribble body in " + chunks + (chunks == 1 ? " chunk" : " chunks") + " over " + duration;
        }
        return "stall body " + duration + (dropsConnection ? " then drop connection" : "");
    }

    private static Duration notNegative(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative()) {
            throw new IllegalArgumentException("the " + what + " cannot be negative: " + value);
        }
        return value;
    }

    /**
     * Bytes {@code [from, to)} of the body, sent at {@code at} after the headers.
     *
     * @param from first byte, inclusive
     * @param to last byte, exclusive
     * @param at when to send them
     */
    public record Slice(int from, int to, Duration at) {
    }
}
