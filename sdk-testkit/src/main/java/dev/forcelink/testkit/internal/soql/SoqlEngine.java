package dev.forcelink.testkit.internal.soql;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prepares SOQL against a catalog and runs prepared queries over a data source.
 *
 * <pre>{@code
 * SoqlEngine engine = SoqlEngine.builder().clock(clock).build();
 * SoqlPreparedQuery query = engine.prepare("SELECT Id, Account.Name FROM Contact", catalog);
 * SoqlResult result = engine.execute(query, dataSource, false);
 * }</pre>
 *
 * <p>Date constants such as {@code TODAY} are resolved at each execution from the engine's clock,
 * in UTC. Immutable and thread-safe.
 */
public final class SoqlEngine {
    private final Clock clock;
    private final DayOfWeek firstDayOfWeek;

    private SoqlEngine(Builder builder) {
        this.clock = builder.clock;
        this.firstDayOfWeek = builder.firstDayOfWeek;
    }

    /**
     * An engine with the system UTC clock and weeks starting on Sunday (the en_US locale).
     *
     * @return the engine
     */
    public static SoqlEngine create() {
        return builder().build();
    }

    /**
     * A builder with the defaults of {@link #create()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses a query and checks it against a catalog.
     *
     * @param soql the query text, not null
     * @param catalog the schema to check against, not null
     * @return the prepared query
     * @throws SoqlException MALFORMED_QUERY for a syntax error; INVALID_TYPE,
     *     INVALID_TYPE_FOR_OPERATION, INVALID_FIELD or INVALID_QUERY_FILTER_OPERATOR for a schema or
     *     type error
     */
    public SoqlPreparedQuery prepare(String soql, SoqlCatalog catalog) {
        return prepare(SoqlParser.parse(soql), catalog);
    }

    /**
     * Checks a parsed query against a catalog.
     *
     * @param query the parsed query, not null
     * @param catalog the schema to check against, not null
     * @return the prepared query
     * @throws SoqlException INVALID_TYPE, INVALID_TYPE_FOR_OPERATION, INVALID_FIELD,
     *     INVALID_QUERY_FILTER_OPERATOR or MALFORMED_QUERY when the query does not fit the schema
     */
    public SoqlPreparedQuery prepare(SoqlQuery query, SoqlCatalog catalog) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(catalog, "catalog");
        return new SoqlPreparedQuery(query, QueryBinder.bind(query, catalog));
    }

    /**
     * Runs a prepared query.
     *
     * @param prepared the prepared query, not null
     * @param data the records to query, not null
     * @param includeDeleted true for queryAll: deleted records are included
     * @return the count, or every matching record in order with the requested page applied
     * @throws RuntimeException whatever the data source throws
     */
    public SoqlResult execute(SoqlPreparedQuery prepared, SoqlDataSource data, boolean includeDeleted) {
        Objects.requireNonNull(prepared, "prepared");
        Objects.requireNonNull(data, "data");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        PredicateCompiler compiler = new PredicateCompiler(data, today, firstDayOfWeek);
        return new QueryExecutor(data, includeDeleted, compiler).run(prepared.plan());
    }

    /**
     * Runs a record query up to the matching records, without building output rows: for callers that page a
     * large result and build rows one page at a time with {@link #project}.
     *
     * @param prepared a prepared query that is neither {@code COUNT()} nor an aggregate, not null
     * @param data the records to query, not null
     * @param includeDeleted true for queryAll
     * @return the matching records in result order, OFFSET and LIMIT applied
     * @throws IllegalArgumentException for a {@code COUNT()} or aggregate query
     */
    public List<Map<String, Object>> select(SoqlPreparedQuery prepared, SoqlDataSource data, boolean includeDeleted) {
        if (prepared.plan().shape() != QueryPlan.Shape.ROWS) {
            throw new IllegalArgumentException("select() runs record queries only: " + prepared);
        }
        return executor(data, includeDeleted).matches(prepared.plan());
    }

    /**
     * Builds the output rows, child subqueries included, for records that {@link #select} returned.
     *
     * @param prepared the query the records came from, not null
     * @param data the records to follow relationships in, not null
     * @param includeDeleted true for queryAll
     * @param records a slice of what {@link #select} returned
     * @return one row per record, in the same order
     */
    public List<SoqlRow> project(SoqlPreparedQuery prepared, SoqlDataSource data, boolean includeDeleted,
                                 List<Map<String, Object>> records) {
        return executor(data, includeDeleted).rows(prepared.plan(), records);
    }

    private QueryExecutor executor(SoqlDataSource data, boolean includeDeleted) {
        Objects.requireNonNull(data, "data");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new QueryExecutor(data, includeDeleted, new PredicateCompiler(data, today, firstDayOfWeek));
    }

    /** Builds a {@link SoqlEngine}. Not thread-safe. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private DayOfWeek firstDayOfWeek = DayOfWeek.SUNDAY;

        private Builder() {
        }

        /**
         * The clock that date constants are resolved from; its instant is taken in UTC.
         *
         * @param clock the clock, not null
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The first day of the week for THIS_WEEK, LAST_WEEK and NEXT_WEEK (Salesforce takes it from
         * the user's locale; Sunday for en_US, Monday for en_GB).
         *
         * @param firstDayOfWeek the day, not null
         * @return this builder
         */
        public Builder firstDayOfWeek(DayOfWeek firstDayOfWeek) {
            this.firstDayOfWeek = Objects.requireNonNull(firstDayOfWeek, "firstDayOfWeek");
            return this;
        }

        /**
         * Builds the engine.
         *
         * @return the engine
         */
        public SoqlEngine build() {
            return new SoqlEngine(this);
        }
    }
}
