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
 * <p>Lifetime follows the API version the query was made with, as Salesforce's limits describe: since v56.0 a
 * cursor lasts {@link #LIFETIME} (two days) from its creation however it is used; before, it expired after
 * {@link #LEGACY_IDLE_EXPIRY} (15 minutes) without use.
 *
 * <p>Bounded: at most {@code maxCursors} cursors and {@code maxRows} rows over all of them, the least recently
 * used going first. Thread-safe: every method is synchronised.
 */
final class QueryCursors {

    /** How long a cursor opened at API v56.0 or later lasts. */
    static final Duration LIFETIME = Duration.ofDays(2);
    /** How long a cursor opened before API v56.0 survives without use. */
    static final Duration LEGACY_IDLE_EXPIRY = Duration.ofMinutes(15);
    private static final double FIRST_TWO_DAY_VERSION = 56.0;

    private final Clock clock;
    private final int maxCursors;
    private final long maxRows;
    private final SalesforceIds locators = new SalesforceIds("5g", 1);
    private final LinkedHashMap<String, Cursor> cursors = new LinkedHashMap<>(16, 0.75f, true);
    private long heldRows;

    QueryCursors(Clock clock, int maxCursors, long maxRows) {
        this.clock = clock;
        this.maxCursors = maxCursors;
        this.maxRows = maxRows;
    }

    /**
     * Opens a top-level cursor and returns its locator ({@code 01g…}).
     *
     * @param apiVersion the version of the request that opened it, such as {@code 65.0}, which sets its lifetime
     */
    synchronized String open(CursorRows rows, int batchSize, String apiVersion) {
        long now = clock.millis();
        return add(new Cursor(rows, batchSize, null, legacy(apiVersion), now, now));
    }

    /**
     * Opens the cursor of a child result and returns its locator.
     *
     * @param parent the locator of the top-level cursor whose batch carries the child result, or null when the
     *     parent result was complete in one batch (then nothing but expiry closes the child)
     * @param apiVersion the version of the request that opened it, which sets its lifetime
     */
    synchronized String openChild(String parent, CursorRows rows, int batchSize, String apiVersion) {
        long now = clock.millis();
        return add(new Cursor(rows, batchSize, parent, legacy(apiVersion), now, now));
    }

    private static boolean legacy(String apiVersion) {
        try {
            return Double.parseDouble(apiVersion) < FIRST_TWO_DAY_VERSION;
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
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

    /** @return the cursor, or {@code null} when unknown or expired; touching it restarts a legacy cursor's idle time */
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
        long now = clock.millis();
        long idleCutoff = now - LEGACY_IDLE_EXPIRY.toMillis();
        long lifetimeCutoff = now - LIFETIME.toMillis();
        Iterator<Cursor> it = cursors.values().iterator();
        while (it.hasNext()) {
            Cursor cursor = it.next();
            if (cursor.legacy() ? cursor.lastUsedMillis() < idleCutoff : cursor.createdMillis() < lifetimeCutoff) {
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
     * @param legacy opened before API v56.0: it expires when idle, not after a fixed lifetime
     * @param createdMillis when it was opened
     * @param lastUsedMillis when it was last read
     */
    record Cursor(CursorRows rows, int batchSize, String parent, boolean legacy, long createdMillis,
                  long lastUsedMillis) {
        Cursor touch(long now) {
            return new Cursor(rows, batchSize, parent, legacy, createdMillis, now);
        }
    }
}
