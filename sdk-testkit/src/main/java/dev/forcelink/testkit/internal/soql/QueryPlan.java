package dev.forcelink.testkit.internal.soql;

import java.util.List;

/**
 * A query checked against a catalog, ready to run: what to read, filter, order and output.
 * Immutable and thread-safe.
 *
 * @param objectName canonical name of the object queried
 * @param shape whether rows, a COUNT() or aggregate counts are produced
 * @param projection columns of each output row (empty unless shape is ROWS)
 * @param aggregates the aggregate columns (only for shape AGGREGATE)
 * @param where the filter, or null
 * @param orderBy the sort keys, most significant first
 * @param limit the LIMIT, or null
 * @param skip the OFFSET, or null
 */
record QueryPlan(String objectName, Shape shape, Projection projection, List<Aggregate> aggregates,
        BoundCondition where, List<OrderKey> orderBy, Integer limit, Integer skip) {
    QueryPlan {
        aggregates = List.copyOf(aggregates);
        orderBy = List.copyOf(orderBy);
    }

    /** What a query produces. */
    enum Shape {
        /** Records, with the projection's columns. */
        ROWS,
        /** {@code COUNT()}: only a total size. */
        COUNT,
        /** {@code COUNT(field)}: one AggregateResult row. */
        AGGREGATE
    }

    /** {@code COUNT(path)} output under {@code alias}; counts rows whose value is not null. */
    record Aggregate(String alias, ValuePath path) {
    }

    /** An ORDER BY key. */
    record OrderKey(ValuePath path, boolean ascending, boolean nullsFirst) {
    }
}
