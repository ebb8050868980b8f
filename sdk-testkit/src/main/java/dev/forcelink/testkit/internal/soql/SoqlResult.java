package dev.forcelink.testkit.internal.soql;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a query: for {@code COUNT()} only a total size, otherwise all matching records in
 * order. The REST layer pages {@link #records()} into batches; a nested child result is always
 * complete ({@code done = true}). Immutable and thread-safe as long as the stored values are.
 */
public final class SoqlResult {
    private final String objectName;
    private final boolean count;
    private final int totalSize;
    private final List<SoqlRow> records;

    private SoqlResult(String objectName, boolean count, int totalSize, List<SoqlRow> records) {
        this.objectName = Objects.requireNonNull(objectName, "objectName");
        this.count = count;
        this.totalSize = totalSize;
        this.records = List.copyOf(records);
    }

    static SoqlResult count(String objectName, int totalSize) {
        return new SoqlResult(objectName, true, totalSize, List.of());
    }

    static SoqlResult rows(String objectName, List<SoqlRow> records) {
        return new SoqlResult(objectName, false, records.size(), records);
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
     * Salesforce's {@code done}: the engine always returns every record, so this is always true;
     * paging is the REST layer's.
     *
     * @return true
     */
    public boolean done() {
        return true;
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
                + "]";
    }
}
