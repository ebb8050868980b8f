package dev.forcelink.testkit.internal.soql;

import java.util.ArrayList;
import java.util.List;

/**
 * A query checked against a catalog, ready to run any number of times with {@link
 * SoqlEngine#execute}. Immutable and thread-safe.
 */
public final class SoqlPreparedQuery {
    private final SoqlQuery query;
    private final QueryPlan plan;

    SoqlPreparedQuery(SoqlQuery query, QueryPlan plan) {
        this.query = query;
        this.plan = plan;
    }

    /**
     * The parsed query.
     *
     * @return the query
     */
    public SoqlQuery query() {
        return query;
    }

    /**
     * The canonical name of the object queried.
     *
     * @return the object name
     */
    public String objectName() {
        return plan.objectName();
    }

    /**
     * Whether the query is a {@code COUNT()} query, whose result has a total size and no records.
     *
     * @return true for {@code COUNT()}
     */
    public boolean isCount() {
        return plan.shape() == QueryPlan.Shape.COUNT;
    }

    /**
     * Whether the query selects aggregates such as {@code COUNT(Id)}: one AggregateResult row.
     *
     * @return true for an aggregate query
     */
    public boolean isAggregate() {
        return plan.shape() == QueryPlan.Shape.AGGREGATE;
    }

    /**
     * The output columns of a row query as canonical dotted paths ({@code Name}, {@code Account.Name}) in SELECT
     * order, for flat formats such as Bulk API CSV; a child subquery appears under its relationship name.
     *
     * @return an unmodifiable list; empty for {@code COUNT()} and aggregate queries
     */
    public List<String> columnPaths() {
        if (plan.shape() != QueryPlan.Shape.ROWS) {
            return List.of();
        }
        List<String> flat = new ArrayList<>();
        flatten(plan.projection(), "", flat);
        // The projection groups the fields of one parent together; put them back in the order the query lists them.
        List<String> ordered = new ArrayList<>(flat.size());
        for (SoqlAst.SelectItem item : query.select().items()) {
            String written = item instanceof SoqlAst.FieldItem field ? field.path().text()
                    : item instanceof SoqlAst.SubqueryItem subquery ? subquery.select().from() : null;
            String canonical = written == null ? null : canonicalPath(flat, written);
            if (canonical != null && !ordered.contains(canonical)) {
                ordered.add(canonical);
            }
        }
        for (String path : flat) {
            if (!ordered.contains(path)) {
                ordered.add(path);
            }
        }
        return List.copyOf(ordered);
    }

    /**
     * Whether running the query over consecutive slices of the records and concatenating the results gives the
     * result of one run over all of them: a row query without ORDER BY, LIMIT or OFFSET. Lets a caller produce a
     * large result in bounded memory.
     *
     * @return true when the result may be computed slice by slice
     */
    public boolean isSliceable() {
        return plan.shape() == QueryPlan.Shape.ROWS && plan.orderBy().isEmpty() && plan.limit() == null
                && plan.skip() == null;
    }

    /**
     * Whether the SELECT list holds a child relationship subquery.
     *
     * @return true when a parent-to-child subquery is selected
     */
    public boolean hasChildSubqueries() {
        return plan.projection().columns().stream().anyMatch(column -> column instanceof Projection.ChildColumn);
    }

    private static void flatten(Projection projection, String prefix, List<String> out) {
        for (Projection.Column column : projection.columns()) {
            if (column instanceof Projection.ParentColumn parent) {
                flatten(parent.nested(), prefix + parent.key() + ".", out);
            } else {
                out.add(prefix + column.key());
            }
        }
    }

    /** Matches a path as written, possibly led by the object's name or alias, to a canonical column path. */
    private static String canonicalPath(List<String> flat, String written) {
        String rest = written;
        while (true) {
            for (String path : flat) {
                if (path.equalsIgnoreCase(rest)) {
                    return path;
                }
            }
            int dot = rest.indexOf('.');
            if (dot < 0) {
                return null;
            }
            rest = rest.substring(dot + 1);
        }
    }

    QueryPlan plan() {
        return plan;
    }

    @Override
    public String toString() {
        return "SoqlPreparedQuery[" + query.text() + "]";
    }
}
