package dev.forcelink.testkit.internal.rest.query;

import dev.forcelink.testkit.internal.org.SalesforceIds;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Open query cursors, so that {@code nextRecordsUrl} can serve later batches. A top-level cursor keeps the
 * prepared query and references to the matching records' stored value maps (records are immutable and shared with
 * the store, so this costs one reference per row, never a rendered row) and projects one batch at a time; a child
 * cursor keeps the rows of one parent's child subquery result.
 *
 * <p>A child cursor belongs to the top-level cursor whose batch carried it: serving the next batch of that parent
 * closes its children, as Salesforce documents for {@code queryMore} ("a queryMore() call on a parent object
 * invalidates all child cursors in the previous result set").
 *
 * <p>Bounded: at most {@code maxCursors} cursors and {@code maxRows} rows over all of them, the least recently
 * used going first; a cursor idle longer than the expiry is gone. Thread-safe: every method is synchronised.
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

    /** Opens a top-level cursor and returns its locator ({@code 01g…}). */
    synchronized String open(CursorRows rows, int batchSize) {
        return add(new Cursor(rows, batchSize, null, clock.millis()));
    }

    /**
     * Opens the cursor of a child result and returns its locator.
     *
     * @param parent the locator of the top-level cursor whose batch carries the child result, or null when the
     *     parent result was complete in one batch (then nothing but expiry closes the child)
     */
    synchronized String openChild(String parent, CursorRows rows, int batchSize) {
        return add(new Cursor(rows, batchSize, parent, clock.millis()));
    }

    private String add(Cursor cursor) {
        expire();
        String locator = locators.next("01g");
        cursors.put(locator, cursor);
        heldRows += cursor.rows().size();
        Iterator<Map.Entry<String, Cursor>> oldest = cursors.entrySet().iterator();
        while ((cursors.size() > maxCursors || heldRows > maxRows) && cursors.size() > 1 && oldest.hasNext()) {
            Cursor evicted = oldest.next().getValue();
            heldRows -= evicted.rows().size();
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

    /**
     * Closes every child cursor opened for a batch of the given top-level cursor.
     *
     * @return how many were closed
     */
    synchronized int closeChildrenOf(String parent) {
        Objects.requireNonNull(parent, "parent");
        int closed = 0;
        Iterator<Cursor> it = cursors.values().iterator();
        while (it.hasNext()) {
            Cursor cursor = it.next();
            if (parent.equals(cursor.parent())) {
                heldRows -= cursor.rows().size();
                it.remove();
                closed++;
            }
        }
        return closed;
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
                heldRows -= cursor.rows().size();
                it.remove();
            }
        }
    }

    /**
     * One open result.
     *
     * @param rows the rows it serves, in result order
     * @param batchSize rows per batch
     * @param parent the locator of the top-level cursor this child result belongs to; null for a top-level cursor
     *     or the child of a one-batch result
     * @param lastUsedMillis when it was last read
     */
    record Cursor(CursorRows rows, int batchSize, String parent, long lastUsedMillis) {
        Cursor touch(long now) {
            return new Cursor(rows, batchSize, parent, now);
        }
    }
}
