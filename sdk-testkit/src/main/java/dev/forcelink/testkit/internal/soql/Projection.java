package dev.forcelink.testkit.internal.soql;

import java.util.List;

/**
 * What to output for each record of one object: its columns in SELECT order, parent
 * relationships nested. Immutable and thread-safe.
 */
record Projection(List<Column> columns) {
    Projection {
        columns = List.copyOf(columns);
    }

    /** One output entry. */
    sealed interface Column {
        /** The output key: a canonical field or relationship name. */
        String key();
    }

    /** A field of the record itself. */
    record FieldColumn(String key) implements Column {
    }

    /** A parent record, output as a nested row (null when the reference is empty). */
    record ParentColumn(String key, ParentLookup lookup, Projection nested) implements Column {
    }

    /** A child relationship subquery, output as a nested result (null when there are no children). */
    record ChildColumn(String key, QueryPlan plan, String childField) implements Column {
    }
}
