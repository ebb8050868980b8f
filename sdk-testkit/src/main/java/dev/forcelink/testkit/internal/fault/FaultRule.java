package dev.forcelink.testkit.internal.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * One scripted fault: what to do to the next {@code count} requests that match. Thread-safe: the remaining count
 * is claimed atomically, so concurrent requests never use one injection twice.
 */
public final class FaultRule {

    /** What the fault does. */
    public enum Kind {
        /** Answer with a fixed status and body instead of the real handler. */
        RESPOND,
        /** Close the connection without a response. */
        DROP,
        /** Wait, then handle the request normally. */
        DELAY,
        /** Send the body of the response, real or scripted, slowly. */
        PACE_BODY
    }

    private final BiPredicate<String, String> matcher;
    private final String description;
    private final AtomicInteger remaining;
    private final Kind kind;
    private final int status;
    private final String body;
    private final Duration delay;
    private final BodyPacing pacing;

    private FaultRule(BiPredicate<String, String> matcher, String description, int count, Kind kind, int status,
                      String body, Duration delay, BodyPacing pacing) {
        if (count < 1) {
            throw new IllegalArgumentException("a fault must apply to at least one request, got " + count);
        }
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.description = description;
        this.remaining = new AtomicInteger(count);
        this.kind = kind;
        this.status = status;
        this.body = body;
        this.delay = delay;
        this.pacing = pacing;
    }

    /**
     * @param matcher tests method and decoded path
     * @param description the matcher in words, for the journal
     * @param count how many requests it applies to
     * @param status the status to answer with
     * @param body the JSON body to answer with
     * @return the rule
     */
    public static FaultRule respond(BiPredicate<String, String> matcher, String description, int count, int status,
                                    String body) {
        return new FaultRule(matcher, description, count, Kind.RESPOND, status, body, Duration.ZERO, null);
    }

    /**
     * @param matcher tests method and decoded path
     * @param description the matcher in words
     * @param count how many requests it applies to
     * @return a rule that drops the connection
     */
    public static FaultRule drop(BiPredicate<String, String> matcher, String description, int count) {
        return new FaultRule(matcher, description, count, Kind.DROP, 0, null, Duration.ZERO, null);
    }

    /**
     * @param matcher tests method and decoded path
     * @param description the matcher in words
     * @param count how many requests it applies to
     * @param delay the added latency
     * @return a rule that delays matching requests
     */
    public static FaultRule delay(BiPredicate<String, String> matcher, String description, int count, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative: " + delay);
        }
        return new FaultRule(matcher, description, count, Kind.DELAY, 0, null, delay, null);
    }

    /**
     * @param matcher tests method and decoded path
     * @param description the matcher in words
     * @param count how many requests it applies to
     * @param pacing how the body is sent
     * @return a rule that sends the body of matching requests' responses slowly
     */
    public static FaultRule paceBody(BiPredicate<String, String> matcher, String description, int count,
                                     BodyPacing pacing) {
        return new FaultRule(matcher, description, count, Kind.PACE_BODY, 0, null, Duration.ZERO,
                Objects.requireNonNull(pacing, "pacing"));
    }

    boolean claim(String method, String path) {
        if (remaining.get() <= 0 || !matcher.test(method, path)) {
            return false;
        }
        while (true) {
            int left = remaining.get();
            if (left <= 0) {
                return false;
            }
            if (remaining.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }

    /** @return how many more requests this rule will apply to */
    public int remaining() {
        return remaining.get();
    }

    public Kind kind() { return kind; }
    public int status() { return status; }
    public String body() { return body; }
    public Duration delay() { return delay; }
    /** @return how a {@link Kind#PACE_BODY} rule sends the body, or {@code null} for other kinds */
    public BodyPacing pacing() { return pacing; }

    @Override
    public String toString() {
        switch (kind) {
            case RESPOND: return "respond " + status + " (" + description + ")";
            case DROP: return "drop connection (" + description + ")";
            case PACE_BODY: return pacing + " (" + description + ")";
            default: return "delay " + delay + " (" + description + ")";
        }
    }
}
