package dev.forcelink.testkit.internal.soql;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a query: for {@code COUNT()} only a total size, otherwise all matching records in
 * order. The engine always returns every record; the REST layer pages a top-level result into
 * batches, and cuts a nested child result down to its first batch with {@link #firstBatch}, which
 * then says where the rest is ({@link #nextRecordsUrl()}). Immutable and thread-safe as long as the
 * stored values are.
 */
public final class SoqlResult {
    private final String objectName;
    private final boolean count;
    private final int totalSize;
    private final List<SoqlRow> records;
    private final String nextRecordsUrl;

    private SoqlResult(String objectName, boolean count, int totalSize, List<SoqlRow> records,
                       String nextRecordsUrl) {
        this.objectName = Objects.requireNonNull(objectName, "objectName");
        this.count = count;
        this.totalSize = totalSize;
        this.records = List.copyOf(records);
        this.nextRecordsUrl = nextRecordsUrl;
    }

    static SoqlResult count(String objectName, int totalSize) {
        return new SoqlResult(objectName, true, totalSize, List.of(), null);
    }

    static SoqlResult rows(String objectName, List<SoqlRow> records) {
        return new SoqlResult(objectName, false, records.size(), records, null);
    }

    /**
     * This result cut down to its first {@code size} records, as Salesforce nests a child result that has more
     * rows than one batch: {@link #totalSize()} stays the full count, {@link #done()} becomes false and
     * {@link #nextRecordsUrl()} is where the remaining rows are served.
     *
     * @param size how many records to keep, at least 1 and fewer than {@link #records()} holds
     * @param nextRecordsUrl the continuation that serves the rest, not null
     * @return the first batch
     * @throws IllegalArgumentException if this is a {@code COUNT()} result, or {@code size} keeps nothing or
     *     everything
     * @throws NullPointerException if {@code nextRecordsUrl} is null
     */
    public SoqlResult firstBatch(int size, String nextRecordsUrl) {
        Objects.requireNonNull(nextRecordsUrl, "nextRecordsUrl");
        if (count || size < 1 || size >= records.size()) {
            throw new IllegalArgumentException("A first batch keeps 1 to " + (records.size() - 1) + " of the "
                    + records.size() + " records of a record result, got " + size + (count ? " (COUNT() result)" : ""));
        }
        return new SoqlResult(objectName, false, totalSize, records.subList(0, size), nextRecordsUrl);
    }

    /**
     * The canonical name of the object queried (for a subquery, the child object).
     *
     * @return the object name
     */
    public String objectName() {
        return objectName;
    }

    /**
     * Whether this is a {@code COUNT()} result: {@link #totalSize()} is the count and there are no
     * records.
     *
     * @return true for {@code COUNT()}
     */
    public boolean isCount() {
        return count;
    }

    /**
     * Salesforce's {@code totalSize}: the count for {@code COUNT()}, otherwise the number of records.
     *
     * @return the total size
     */
    public int totalSize() {
        return totalSize;
    }

    /**
     * Salesforce's {@code done}: true unless this is a {@link #firstBatch} with more rows behind
     * {@link #nextRecordsUrl()}.
     *
     * @return whether {@link #records()} holds every record
     */
    public boolean done() {
        return nextRecordsUrl == null;
    }

    /**
     * Where the records after this batch are served, for a {@link #firstBatch}.
     *
     * @return the continuation path, or null when {@link #done()}
     */
    public String nextRecordsUrl() {
        return nextRecordsUrl;
    }

    /**
     * The records in result order.
     *
     * @return an unmodifiable list, empty for {@code COUNT()}
     */
    public List<SoqlRow> records() {
        return records;
    }

    @Override
    public String toString() {
        return "SoqlResult[" + objectName + ", totalSize=" + totalSize + (count ? ", count" : ", records=" + records)
                + (nextRecordsUrl == null ? "" : ", next=" + nextRecordsUrl) + "]";
    }
}
