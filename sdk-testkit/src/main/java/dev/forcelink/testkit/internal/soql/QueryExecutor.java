package dev.forcelink.testkit.internal.soql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs one {@link QueryPlan} over a data source: filter while streaming, stop early when there is
 * a LIMIT and no ORDER BY, sort only the matches, then build output rows for the requested page
 * alone. Not thread-safe; one per execution.
 */
final class QueryExecutor {
    private final SoqlDataSource data;
    private final boolean includeDeleted;
    private final PredicateCompiler compiler;

    QueryExecutor(SoqlDataSource data, boolean includeDeleted, PredicateCompiler compiler) {
        this.data = data;
        this.includeDeleted = includeDeleted;
        this.compiler = compiler;
    }

    SoqlResult run(QueryPlan plan) {
        Predicate<Map<String, Object>> where = compiler.compile(plan.where());
        switch (plan.shape()) {
            case COUNT -> {
                long matches;
                try (Stream<Map<String, Object>> records = data.records(plan.objectName(), includeDeleted)) {
                    matches = records.filter(where).count();
                }
                long afterOffset = Math.max(0, matches - (plan.skip() == null ? 0 : plan.skip()));
                long count = plan.limit() == null ? afterOffset : Math.min(afterOffset, plan.limit());
                return SoqlResult.count(plan.objectName(), (int) Math.min(Integer.MAX_VALUE, count));
            }
            case AGGREGATE -> {
                return aggregate(plan, select(plan, where));
            }
            default -> {
                List<Map<String, Object>> matched = select(plan, where);
                Map<Projection.ChildColumn, Map<String, SoqlResult>> children = children(plan.projection(), matched);
                List<SoqlRow> rows = new ArrayList<>(matched.size());
                for (Map<String, Object> record : matched) {
                    rows.add(project(plan.projection(), plan.objectName(), record, children));
                }
                return SoqlResult.rows(plan.objectName(), rows);
            }
        }
    }

    /** The matching records of a ROWS query, ordered and paged, without building output rows. */
    List<Map<String, Object>> matches(QueryPlan plan) {
        return select(plan, compiler.compile(plan.where()));
    }

    /** Output rows, children included, for records that {@link #matches} returned. */
    List<SoqlRow> rows(QueryPlan plan, List<Map<String, Object>> records) {
        Map<Projection.ChildColumn, Map<String, SoqlResult>> children = children(plan.projection(), records);
        List<SoqlRow> rows = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            rows.add(project(plan.projection(), plan.objectName(), record, children));
        }
        return rows;
    }

    private List<Map<String, Object>> select(QueryPlan plan, Predicate<Map<String, Object>> where) {
        try (Stream<Map<String, Object>> records = data.records(plan.objectName(), includeDeleted)) {
            Stream<Map<String, Object>> matching = records.filter(where);
            if (plan.orderBy().isEmpty()) {
                if (plan.skip() != null) {
                    matching = matching.skip(plan.skip());
                }
                if (plan.limit() != null) {
                    matching = matching.limit(plan.limit());
                }
                return matching.toList();
            }
            return sortAndPage(plan, matching.toList());
        }
    }

    /** Sorts by the ORDER BY keys (each read once per record) and cuts out the OFFSET/LIMIT page. */
    private List<Map<String, Object>> sortAndPage(QueryPlan plan, List<Map<String, Object>> records) {
        List<QueryPlan.OrderKey> keys = plan.orderBy();
        List<Keyed> keyed = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            Object[] values = new Object[keys.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = keys.get(i).path().read(record, data);
            }
            keyed.add(new Keyed(record, values));
        }
        keyed.sort(comparator(keys));
        int from = Math.min(keyed.size(), plan.skip() == null ? 0 : plan.skip());
        int to = plan.limit() == null ? keyed.size() : (int) Math.min(keyed.size(), (long) from + plan.limit());
        List<Map<String, Object>> page = new ArrayList<>(to - from);
        for (Keyed entry : keyed.subList(from, to)) {
            page.add(entry.record());
        }
        return page;
    }

    private static Comparator<Keyed> comparator(List<QueryPlan.OrderKey> keys) {
        List<Comparator<Object>> orderings = new ArrayList<>();
        keys.forEach(key -> orderings.add(Values.ordering(key.path().field().type())));
        return (left, right) -> {
            for (int i = 0; i < keys.size(); i++) {
                QueryPlan.OrderKey key = keys.get(i);
                Object a = left.keys()[i];
                Object b = right.keys()[i];
                int result;
                if (a == null || b == null) {
                    if (a == b) {
                        continue;
                    }
                    // Null placement is absolute: NULLS FIRST puts them first whatever the direction.
                    return (a == null) == key.nullsFirst() ? -1 : 1;
                }
                result = orderings.get(i).compare(a, b);
                if (result != 0) {
                    return key.ascending() ? result : -result;
                }
            }
            return 0;
        };
    }

    private SoqlResult aggregate(QueryPlan plan, List<Map<String, Object>> matched) {
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
        for (QueryPlan.Aggregate aggregate : plan.aggregates()) {
            int count = 0;
            for (Map<String, Object> record : matched) {
                if (aggregate.path().read(record, data) != null) {
                    count++;
                }
            }
            fields.put(aggregate.alias(), count);
        }
        return SoqlResult.rows(plan.objectName(), List.of(new SoqlRow(SoqlRow.AGGREGATE_RESULT, null, fields)));
    }

    /** Runs each child subquery once for all parents, grouping the children by parent id. */
    private Map<Projection.ChildColumn, Map<String, SoqlResult>> children(Projection projection,
            List<Map<String, Object>> parents) {
        Map<Projection.ChildColumn, Map<String, SoqlResult>> results = new IdentityHashMap<>();
        for (Projection.Column column : projection.columns()) {
            if (column instanceof Projection.ChildColumn child) {
                results.put(child, childResults(child, parents));
            }
        }
        return results;
    }

    private Map<String, SoqlResult> childResults(Projection.ChildColumn child, List<Map<String, Object>> parents) {
        Set<String> parentIds = new HashSet<>();
        for (Map<String, Object> parent : parents) {
            if (parent.get("Id") instanceof String id) {
                parentIds.add(Values.idKey(id));
            }
        }
        QueryPlan plan = child.plan();
        Predicate<Map<String, Object>> where = compiler.compile(plan.where());
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        if (!parentIds.isEmpty()) {
            try (Stream<Map<String, Object>> records = data.records(plan.objectName(), includeDeleted)) {
                records.forEach(record -> {
                    if (record.get(child.childField()) instanceof String parentId
                            && parentIds.contains(Values.idKey(parentId)) && where.test(record)) {
                        groups.computeIfAbsent(Values.idKey(parentId), k -> new ArrayList<>()).add(record);
                    }
                });
            }
        }
        Map<String, SoqlResult> byParent = new LinkedHashMap<>();
        Map<Projection.ChildColumn, Map<String, SoqlResult>> none = Map.of();
        groups.forEach((parentId, records) -> {
            List<Map<String, Object>> page = sortAndPage(plan, records);
            if (!page.isEmpty()) {
                List<SoqlRow> rows = new ArrayList<>(page.size());
                page.forEach(record -> rows.add(project(plan.projection(), plan.objectName(), record, none)));
                byParent.put(parentId, SoqlResult.rows(plan.objectName(), rows));
            }
        });
        return byParent;
    }

    private SoqlRow project(Projection projection, String objectName, Map<String, Object> record,
            Map<Projection.ChildColumn, Map<String, SoqlResult>> children) {
        Object id = record.get("Id");
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
        for (Projection.Column column : projection.columns()) {
            if (column instanceof Projection.FieldColumn field) {
                fields.put(field.key(), record.get(field.key()));
            } else if (column instanceof Projection.ParentColumn parent) {
                ParentLookup.Found found = parent.lookup().follow(record, data);
                fields.put(parent.key(), found == null ? null
                        : project(parent.nested(), found.objectName(), found.record(), Map.of()));
            } else {
                Projection.ChildColumn child = (Projection.ChildColumn) column;
                Map<String, SoqlResult> byParent = children.get(child);
                fields.put(child.key(), id instanceof String parentId && byParent != null
                        ? byParent.get(Values.idKey(parentId)) : null);
            }
        }
        return new SoqlRow(objectName, id instanceof String text ? text : null, fields);
    }

    /** A record with its ORDER BY key values. */
    private record Keyed(Map<String, Object> record, Object[] keys) {
    }
}
