package dev.forcelink.testkit.internal.org;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records that tests declare held by another transaction: a write to one of them fails with the record-level
 * {@code UNABLE_TO_LOCK_ROW}, as Salesforce reports row-lock contention. The write APIs that report per-record
 * results (Composite, sObject Collections, tree, graph, Bulk ingest) ask before each record write.
 *
 * <p>Thread-safe: each rule's remaining count is claimed atomically. With no rule registered a check costs one
 * volatile read.
 */
public final class RecordLocks {

    /** Decides whether a record write is hit by a lock rule. Implementations may keep state (a seeded random). */
    @FunctionalInterface
    public interface Matcher {

        /**
         * @param objectName the object written
         * @param id the record id, or {@code null} for an insert
         * @param fields the field values sent, by API name as given (text form of JSON scalars)
         * @return whether the write should fail with a lock error
         */
        boolean matches(String objectName, String id, Map<String, String> fields);
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    /**
     * Registers a rule after those already registered.
     *
     * @param matcher which writes it hits
     * @param count how many writes, at least 1
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public void add(Matcher matcher, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        rules.add(new Rule(matcher, count));
    }

    /** @return whether no rule is waiting (callers skip building the field map) */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** @return how many lock failures are still waiting, summed over all rules (saturating) */
    public int pending() {
        long total = 0;
        for (Rule rule : rules) {
            total += rule.remaining.get();
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    /** Forgets every rule. */
    public void clear() {
        rules.clear();
    }

    /**
     * Claims a lock failure for one record write.
     *
     * @param objectName the object written
     * @param id the record id, or {@code null} for an insert
     * @param fields the field values sent
     * @throws DmlException {@code UNABLE_TO_LOCK_ROW} when a rule hits the write
     */
    public void check(String objectName, String id, Map<String, String> fields) {
        if (rules.isEmpty()) {
            return;
        }
        for (Rule rule : rules) {
            if (rule.remaining.get() > 0 && rule.matcher.matches(objectName, id, fields) && rule.claim()) {
                rules.removeIf(r -> r.remaining.get() <= 0);
                throw new DmlException("UNABLE_TO_LOCK_ROW", id == null
                        ? "unable to obtain exclusive access to this record"
                        : "unable to obtain exclusive access to this record or 1 records: " + id);
            }
        }
    }

    private static final class Rule {
        final Matcher matcher;
        final AtomicInteger remaining;

        Rule(Matcher matcher, int count) {
            this.matcher = matcher;
            this.remaining = new AtomicInteger(count);
        }

        boolean claim() {
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
    }
}
