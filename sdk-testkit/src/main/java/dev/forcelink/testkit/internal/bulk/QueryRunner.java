package dev.forcelink.testkit.internal.bulk;

import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.StoredRecord;
import dev.forcelink.testkit.internal.org.soql.StoreDataSource;
import dev.forcelink.testkit.internal.soql.SoqlEngine;
import dev.forcelink.testkit.internal.soql.SoqlPreparedQuery;
import dev.forcelink.testkit.internal.soql.SoqlResult;
import dev.forcelink.testkit.internal.soql.SoqlRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs a Bulk query into a {@link QueryResultFile.Writer}. A query without ORDER BY, LIMIT or OFFSET runs slice by
 * slice over the queried object's records, so that no more than one slice of result rows is ever in memory;
 * other queries run once (the engine must see every record to sort or cut a page).
 *
 * <p>Not thread-safe: one run per job.
 */
final class QueryRunner {

    /** Records per slice of a sliceable query. */
    static final int SLICE_SIZE = 2_000;

    private final SoqlEngine engine;
    private final RecordStore store;
    private final int sliceSize;
    private int slicesRun;
    private int largestSlice;

    QueryRunner(SoqlEngine engine, RecordStore store, int sliceSize) {
        this.engine = engine;
        this.store = store;
        this.sliceSize = sliceSize;
    }

    /**
     * @param query the prepared query
     * @param includeDeleted whether deleted records are included (queryAll)
     * @param out where rows go
     * @param stop polled between slices; when true the run ends early
     * @param afterSlice called with the rows written so far, after each slice (for throttling)
     */
    void run(SoqlPreparedQuery query, boolean includeDeleted, QueryResultFile.Writer out, BooleanSupplier stop,
             SliceListener afterSlice) throws IOException, InterruptedException {
        List<String[]> columns = new ArrayList<>();
        for (String path : query.columnPaths()) {
            columns.add(path.split("\\."));
        }
        if (!query.isSliceable()) {
            write(engine.execute(query, new StoreDataSource(store), includeDeleted), columns, out);
            slicesRun++;
            afterSlice.written(out.rows());
            return;
        }
        List<StoredRecord> all = store.records(query.objectName(), includeDeleted);
        for (int from = 0; from < all.size() && !stop.getAsBoolean(); from += sliceSize) {
            List<StoredRecord> slice = all.subList(from, Math.min(all.size(), from + sliceSize));
            SoqlResult result = engine.execute(query, StoreDataSource.slice(store, query.objectName(), slice),
                    includeDeleted);
            largestSlice = Math.max(largestSlice, result.records().size());
            write(result, columns, out);
            slicesRun++;
            afterSlice.written(out.rows());
        }
    }

    /** @return how many times the engine ran */
    int slicesRun() {
        return slicesRun;
    }

    /** @return the most result rows one engine run produced, i.e. the most rows held in memory at once */
    int largestSlice() {
        return largestSlice;
    }

    private static void write(SoqlResult result, List<String[]> columns, QueryResultFile.Writer out)
            throws IOException {
        List<String> values = new ArrayList<>(columns.size());
        for (SoqlRow row : result.records()) {
            values.clear();
            for (String[] path : columns) {
                values.add(CsvValues.format(read(row, path)));
            }
            out.row(values);
        }
    }

    private static Object read(SoqlRow row, String[] path) {
        Object value = row;
        for (String segment : path) {
            if (!(value instanceof SoqlRow current)) {
                return null;
            }
            value = current.get(segment);
        }
        return value;
    }

    /** Hears progress after each slice. */
    @FunctionalInterface
    interface SliceListener {
        /**
         * @param rowsWritten rows written so far
         * @throws InterruptedException if waiting is interrupted
         */
        void written(long rowsWritten) throws InterruptedException;
    }
}
