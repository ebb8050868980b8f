package dev.forcelink.testkit.internal.rest.query;

import dev.forcelink.testkit.internal.soql.SoqlResult;
import dev.forcelink.testkit.internal.soql.SoqlRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cuts the child subquery results of a batch of rows down to their first child batch, as Salesforce nests a child
 * result with many rows: {@code done: false}, the full {@code totalSize} and a {@code nextRecordsUrl} under
 * {@code /query/} whose cursor serves the remaining children batch by batch. Thread-safe.
 */
final class ChildBatches {

    private final QueryCursors cursors;
    private final int batchSize;

    /**
     * @param cursors where child cursors are opened
     * @param batchSize child rows per batch, nested or served by a continuation
     */
    ChildBatches(QueryCursors cursors, int batchSize) {
        this.cursors = cursors;
        this.batchSize = batchSize;
    }

    /**
     * @param rows a batch of top-level rows
     * @param parentLocator the locator of the cursor that serves the parent result's later batches, or null when
     *     this batch is the whole parent result
     * @param apiVersion the request's API version, for {@code nextRecordsUrl}
     * @return the rows, each child result longer than a batch replaced by its first batch
     */
    List<SoqlRow> cut(List<SoqlRow> rows, String parentLocator, String apiVersion) {
        List<SoqlRow> out = new ArrayList<>(rows.size());
        for (SoqlRow row : rows) {
            SoqlRow cut = row;
            for (Map.Entry<String, Object> field : row.fields().entrySet()) {
                if (field.getValue() instanceof SoqlResult children && children.records().size() > batchSize) {
                    String locator = cursors.openChild(parentLocator, CursorRows.of(children.records()), batchSize,
                            apiVersion);
                    cut = cut.withValue(field.getKey(),
                            children.firstBatch(batchSize, QueryRoutes.nextUrl(apiVersion, locator, batchSize)));
                }
            }
            out.add(cut);
        }
        return out;
    }
}
