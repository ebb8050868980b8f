package dev.forcelink.testkit.internal.soql;

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

    QueryPlan plan() {
        return plan;
    }

    @Override
    public String toString() {
        return "SoqlPreparedQuery[" + query.text() + "]";
    }
}
