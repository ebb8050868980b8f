package dev.forcelink.testkit.internal.uiapi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The first response of each UI API mutating call made with an {@code Idempotency-Key}, per key and resource,
 * so a retry gets the same answer and makes no new change. Bounded: at most {@code maxEntries} entries (the
 * oldest go first), each kept for the retention period, responses over 9 MB not kept (as Salesforce, whose
 * idempotency then silently does not apply).
 *
 * <p>Thread-safe: every method is synchronised; a call in progress holds a placeholder so a concurrent call with
 * the same key is refused instead of running twice.
 */
final class IdempotencyCache {

    /** The largest response Salesforce keeps for replay. */
    static final int MAX_BODY_BYTES = 9 * 1024 * 1024;

    private final Clock clock;
    private final Duration retention;
    private final int maxEntries;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    IdempotencyCache(Clock clock, Duration retention, int maxEntries) {
        this.clock = clock;
        this.retention = retention;
        this.maxEntries = maxEntries;
    }

    /**
     * Looks a call up and, when it is new, reserves the key for it.
     *
     * @return what to do with the call
     */
    synchronized Lookup begin(String key, String resource, byte[] body) {
        expire();
        String id = key + "\n" + resource;
        byte[] fingerprint = sha256(body);
        Entry entry = entries.get(id);
        if (entry == null) {
            entries.put(id, new Entry(fingerprint, null, clock.millis()));
            while (entries.size() > maxEntries) {
                Iterator<Entry> oldest = entries.values().iterator();
                oldest.next();
                oldest.remove();
            }
            return new Lookup(Outcome.RUN, null);
        }
        if (!Arrays.equals(entry.fingerprint(), fingerprint)) {
            return new Lookup(Outcome.MISMATCH, null);
        }
        return entry.response() == null ? new Lookup(Outcome.IN_PROGRESS, null)
                : new Lookup(Outcome.REPLAY, entry.response());
    }

    /** Stores the response of a call that {@link #begin} let run, or forgets the key when it is not kept. */
    synchronized void complete(String key, String resource, UiResponse response) {
        String id = key + "\n" + resource;
        Entry entry = entries.get(id);
        if (entry == null) {
            return;
        }
        if (response == null || response.status() >= 500 || response.body().length > MAX_BODY_BYTES) {
            entries.remove(id);
        } else {
            entries.put(id, new Entry(entry.fingerprint(), response, entry.createdMillis()));
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private void expire() {
        long cutoff = clock.millis() - retention.toMillis();
        entries.values().removeIf(entry -> entry.createdMillis() < cutoff);
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** What {@link #begin} decided. */
    enum Outcome {
        /** A new key: run the call, then {@link #complete}. */
        RUN,
        /** The same call again: send the stored response. */
        REPLAY,
        /** The same key with a different body. */
        MISMATCH,
        /** The first call with this key has not finished. */
        IN_PROGRESS
    }

    /**
     * @param outcome what to do
     * @param response the stored response for {@link Outcome#REPLAY}
     */
    record Lookup(Outcome outcome, UiResponse response) {
    }

    private record Entry(byte[] fingerprint, UiResponse response, long createdMillis) {
    }
}
