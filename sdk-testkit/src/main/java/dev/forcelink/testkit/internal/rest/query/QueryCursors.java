package dev.forcelink.testkit.internal.rest.query;

import dev.forcelink.testkit.internal.org.SalesforceIds;
import dev.forcelink.testkit.internal.soql.SoqlPreparedQuery;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open query cursors, so that {@code nextRecordsUrl} can serve later batches. A cursor keeps the prepared query
 * and references to the matching records' stored value maps (records are immutable and shared with the store,
 * so this costs one reference per row, never a rendered row); rows are projected one batch at a time.
 *
 * <p>Bounded: at most {@code maxCursors} cursors and {@code maxRows} row references over all of them, the least
 * recently used going first; a cursor idle longer than the expiry (15 minutes, as Salesforce's query locators)
 * is gone. Thread-safe: every method is synchronised.
 */
final class QueryCursors {

    private final Clock clock;
    private final Duration expiry;
    private final int maxCursors;
    private final long maxRows;
    private final SalesforceIds locators = new SalesforceIds("5g", 1);
    private final LinkedHashMap<String, Cursor> cursors = new LinkedHashMap<>(16, 0.75f, true);
    private long heldRows;

    QueryCursors(Clock clock, Duration expiry, int maxCursors, long maxRows) {
        this.clock = clock;
        this.expiry = expiry;
        this.maxCursors = maxCursors;
        this.maxRows = maxRows;
    }

    /** Opens a cursor and returns its locator ({@code 01g…}). */
    synchronized String open(SoqlPreparedQuery query, boolean includeDeleted, List<Map<String, Object>> matches,
                             int batchSize) {
        expire();
        String locator = locators.next("01g");
        cursors.put(locator, new Cursor(query, includeDeleted, matches, batchSize, clock.millis()));
        heldRows += matches.size();
        Iterator<Map.Entry<String, Cursor>> oldest = cursors.entrySet().iterator();
        while ((cursors.size() > maxCursors || heldRows > maxRows) && cursors.size() > 1 && oldest.hasNext()) {
            Cursor evicted = oldest.next().getValue();
            heldRows -= evicted.matches().size();
            oldest.remove();
        }
        return locator;
    }

    /** @return the cursor, or {@code null} when unknown or expired; touching it restarts its expiry */
    synchronized Cursor find(String locator) {
        expire();
        Cursor cursor = cursors.get(locator);
        if (cursor == null) {
            return null;
        }
        Cursor touched = cursor.touch(clock.millis());
        cursors.put(locator, touched);
        return touched;
    }

    synchronized int size() {
        return cursors.size();
    }

    private void expire() {
        long cutoff = clock.millis() - expiry.toMillis();
        Iterator<Cursor> it = cursors.values().iterator();
        while (it.hasNext()) {
            Cursor cursor = it.next();
            if (cursor.lastUsedMillis() < cutoff) {
                heldRows -= cursor.matches().size();
                it.remove();
            }
        }
    }

    /**
     * One open result.
     *
     * @param query the prepared query
     * @param includeDeleted whether it was a queryAll
     * @param matches the matching records in result order
     * @param batchSize rows per batch
     * @param lastUsedMillis when it was last read
     */
    record Cursor(SoqlPreparedQuery query, boolean includeDeleted, List<Map<String, Object>> matches, int batchSize,
                  long lastUsedMillis) {
        Cursor touch(long now) {
            return new Cursor(query, includeDeleted, matches, batchSize, now);
        }
    }
}
