package dev.forcelink.testkit.internal.rest.query;

import dev.forcelink.testkit.internal.soql.SoqlRow;
import java.util.List;

/**
 * The rows an open query cursor serves, one batch at a time: a top-level result projects its matching records
 * only when a batch is asked for, a child result holds the rows already built for its parent. Implementations are
 * immutable and thread-safe.
 */
interface CursorRows {

    /** @return how many rows the whole result holds */
    int size();

    /**
     * @param from the first row, inclusive
     * @param to the last row, exclusive
     * @return the output rows of that range, in result order
     */
    List<SoqlRow> rows(int from, int to);

    /**
     * @param rows rows already built, such as a parent's child result
     * @return a view serving slices of them
     */
    static CursorRows of(List<SoqlRow> rows) {
        List<SoqlRow> held = List.copyOf(rows);
        return new CursorRows() {
            @Override
            public int size() {
                return held.size();
            }

            @Override
            public List<SoqlRow> rows(int from, int to) {
                return held.subList(from, to);
            }
        };
    }
}
