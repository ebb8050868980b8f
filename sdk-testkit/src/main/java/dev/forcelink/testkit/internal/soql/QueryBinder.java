package dev.forcelink.testkit.internal.soql;

import dev.forcelink.testkit.internal.soql.SoqlAst.And;
import dev.forcelink.testkit.internal.soql.SoqlAst.Comparison;
import dev.forcelink.testkit.internal.soql.SoqlAst.Condition;
import dev.forcelink.testkit.internal.soql.SoqlAst.CountItem;
import dev.forcelink.testkit.internal.soql.SoqlAst.FieldItem;
import dev.forcelink.testkit.internal.soql.SoqlAst.FieldPath;
import dev.forcelink.testkit.internal.soql.SoqlAst.Not;
import dev.forcelink.testkit.internal.soql.SoqlAst.Or;
import dev.forcelink.testkit.internal.soql.SoqlAst.OrderItem;
import dev.forcelink.testkit.internal.soql.SoqlAst.Select;
import dev.forcelink.testkit.internal.soql.SoqlAst.SelectItem;
import dev.forcelink.testkit.internal.soql.SoqlAst.SubqueryItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Checks a parsed query against a catalog and turns it into a {@link QueryPlan}. Not thread-safe; one per query. */
final class QueryBinder {
    private static final String CUSTOM_FIELD_HINT = "If you are attempting to use a custom field, be sure to append "
            + "the '__c' after the custom field name. Please reference your WSDL or the describe call for the "
            + "appropriate names.";
    private static final String CUSTOM_RELATIONSHIP_HINT = "If you are attempting to use a custom relationship, be "
            + "sure to append the '__r' after the custom relationship name. Please reference your WSDL or the "
            + "describe call for the appropriate names.";
    private static final String CUSTOM_OBJECT_HINT = "If you are attempting to use a custom object, be sure to append "
            + "the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate "
            + "names.";
    private static final SoqlField IMPLICIT_ID = SoqlField.of("Id", SoqlFieldType.ID);

    private final QueryText source;
    private final SoqlCatalog catalog;

    private QueryBinder(QueryText source, SoqlCatalog catalog) {
        this.source = source;
        this.catalog = catalog;
    }

    static QueryPlan bind(SoqlQuery query, SoqlCatalog catalog) {
        QueryBinder binder = new QueryBinder(query.source(), catalog);
        Select select = query.select();
        return binder.bindSelect(select, binder.object(select.from(), select.fromOffset()), true);
    }

    private SoqlObjectSchema object(String name, int offset) {
        SoqlObjectSchema schema = catalog.findObject(name).orElseThrow(() -> source.error(SoqlErrorCode.INVALID_TYPE,
                offset, "sObject type '" + name + "' is not supported. " + CUSTOM_OBJECT_HINT));
        if (!schema.queryable()) {
            throw source.error(SoqlErrorCode.INVALID_TYPE_FOR_OPERATION, offset,
                    "entity type " + schema.name() + " does not support query");
        }
        return schema;
    }

    private QueryPlan bindSelect(Select select, SoqlObjectSchema schema, boolean topLevel) {
        List<QueryPlan.Aggregate> aggregates = new ArrayList<>();
        boolean countRows = false;
        ProjectionBuilder projection = new ProjectionBuilder();
        for (SelectItem item : select.items()) {
            if (item instanceof CountItem count) {
                if (!topLevel) {
                    throw source.error(SoqlErrorCode.MALFORMED_QUERY, count.offset(), "unexpected token: COUNT");
                }
                if (count.field() == null) {
                    if (select.items().size() > 1) {
                        throw source.error(SoqlErrorCode.MALFORMED_QUERY, count.offset(),
                                "COUNT() must be the only element in the SELECT list");
                    }
                    countRows = true;
                } else {
                    String alias = count.alias() != null ? count.alias() : "expr" + aggregates.size();
                    aggregates.add(new QueryPlan.Aggregate(alias, resolve(schema, select, count.field())));
                }
            } else if (item instanceof FieldItem field) {
                ValuePath path = resolve(schema, select, field.path());
                projection.add(path);
            } else {
                SubqueryItem subquery = (SubqueryItem) item;
                projection.addChild(bindSubquery(schema, subquery.select()));
            }
        }
        if (!aggregates.isEmpty()) {
            for (SelectItem item : select.items()) {
                if (item instanceof FieldItem field) {
                    throw source.error(SoqlErrorCode.MALFORMED_QUERY, field.path().offset(),
                            "Field must be grouped or aggregated: " + field.path().text());
                }
                if (item instanceof SubqueryItem subquery) {
                    throw source.error(SoqlErrorCode.MALFORMED_QUERY, subquery.select().fromOffset(),
                            "Nested queries are not supported in aggregate queries");
                }
            }
        }
        BoundCondition where = select.where() == null ? null : bindCondition(schema, select, select.where());
        List<QueryPlan.OrderKey> orderBy = new ArrayList<>();
        for (OrderItem order : select.orderBy()) {
            orderBy.add(new QueryPlan.OrderKey(resolve(schema, select, order.field()), order.ascending(),
                    order.nullsFirst()));
        }
        QueryPlan.Shape shape = countRows ? QueryPlan.Shape.COUNT
                : aggregates.isEmpty() ? QueryPlan.Shape.ROWS : QueryPlan.Shape.AGGREGATE;
        return new QueryPlan(schema.name(), shape, projection.build(), aggregates, where, orderBy, select.limit(),
                select.skip());
    }

    private Projection.ChildColumn bindSubquery(SoqlObjectSchema parent, Select subquery) {
        SoqlChildRelationship relationship = parent.findChildRelationship(subquery.from())
                .orElseThrow(() -> source.error(SoqlErrorCode.INVALID_TYPE, subquery.fromOffset(),
                        "Didn't understand relationship '" + subquery.from() + "' in FROM part of query call. "
                                + CUSTOM_RELATIONSHIP_HINT));
        SoqlObjectSchema child = catalog.findObject(relationship.childObject())
                .orElseThrow(() -> source.error(SoqlErrorCode.INVALID_TYPE, subquery.fromOffset(),
                        "Didn't understand relationship '" + subquery.from() + "' in FROM part of query call. "
                                + CUSTOM_RELATIONSHIP_HINT));
        QueryPlan plan = bindSelect(subquery, child, false);
        return new Projection.ChildColumn(relationship.relationshipName(), plan, relationship.field());
    }

    private BoundCondition bindCondition(SoqlObjectSchema schema, Select select, Condition condition) {
        if (condition instanceof And and) {
            List<BoundCondition> operands = new ArrayList<>();
            and.operands().forEach(operand -> operands.add(bindCondition(schema, select, operand)));
            return new BoundCondition.AllOf(operands);
        }
        if (condition instanceof Or or) {
            List<BoundCondition> operands = new ArrayList<>();
            or.operands().forEach(operand -> operands.add(bindCondition(schema, select, operand)));
            return new BoundCondition.AnyOf(operands);
        }
        if (condition instanceof Not not) {
            return new BoundCondition.Negation(bindCondition(schema, select, not.operand()));
        }
        Comparison comparison = (Comparison) condition;
        ValuePath path = resolve(schema, select, comparison.field());
        FilterTypeRules.check(source, comparison, path);
        return new BoundCondition.FieldTest(path, comparison.operator(), comparison.values());
    }

    /** Resolves a field path, following parent relationships; a leading FROM alias is dropped. */
    private ValuePath resolve(SoqlObjectSchema schema, Select select, FieldPath path) {
        List<String> segments = path.segments();
        if (select.alias() != null && segments.size() > 1 && segments.get(0).equalsIgnoreCase(select.alias())) {
            segments = segments.subList(1, segments.size());
        }
        SoqlObjectSchema current = schema;
        List<ParentLookup> lookups = new ArrayList<>();
        StringBuilder display = new StringBuilder();
        for (int i = 0; i < segments.size() - 1; i++) {
            String segment = segments.get(i);
            Optional<SoqlField> reference = current.findParentRelationship(segment);
            if (reference.isEmpty()) {
                throw badRelationship(path, segment);
            }
            List<String> targets = new ArrayList<>();
            SoqlObjectSchema next = null;
            for (String target : reference.get().referenceTo()) {
                Optional<SoqlObjectSchema> targetSchema = catalog.findObject(target);
                if (targetSchema.isPresent()) {
                    targets.add(targetSchema.get().name());
                    if (next == null || (!resolves(next, segments.get(i + 1)) && resolves(targetSchema.get(),
                            segments.get(i + 1)))) {
                        next = targetSchema.get();
                    }
                }
            }
            if (next == null) {
                throw badRelationship(path, segment);
            }
            lookups.add(new ParentLookup(reference.get().relationshipName(), reference.get().name(), targets));
            display.append(reference.get().relationshipName()).append('.');
            current = next;
        }
        String last = segments.get(segments.size() - 1);
        SoqlObjectSchema owner = current;
        SoqlField field = current.findField(last).or(() -> "Id".equalsIgnoreCase(last)
                ? Optional.of(IMPLICIT_ID) : Optional.empty())
                .orElseThrow(() -> source.error(SoqlErrorCode.INVALID_FIELD, path.offset(), "No such column '" + last
                        + "' on entity '" + owner.name() + "'. " + CUSTOM_FIELD_HINT));
        return new ValuePath(lookups, field, display + field.name());
    }

    private static boolean resolves(SoqlObjectSchema schema, String segment) {
        return schema.findField(segment).isPresent() || schema.findParentRelationship(segment).isPresent()
                || "Id".equalsIgnoreCase(segment);
    }

    private SoqlException badRelationship(FieldPath path, String segment) {
        return source.error(SoqlErrorCode.INVALID_FIELD, path.offset(),
                "Didn't understand relationship '" + segment + "' in field path. " + CUSTOM_RELATIONSHIP_HINT);
    }

    /** Collects columns in SELECT order, merging paths through the same parent into one nested row. */
    private static final class ProjectionBuilder {
        private final Map<String, Object> entries = new LinkedHashMap<>();

        void add(ValuePath path) {
            ProjectionBuilder target = this;
            for (ParentLookup lookup : path.lookups()) {
                target = target.parent(lookup);
            }
            target.entries.putIfAbsent(key(path.field().name()), new Projection.FieldColumn(path.field().name()));
        }

        void addChild(Projection.ChildColumn child) {
            entries.putIfAbsent(key(child.key()), child);
        }

        private ProjectionBuilder parent(ParentLookup lookup) {
            Object entry = entries.computeIfAbsent(key(lookup.relationshipName()),
                    k -> new ParentEntry(lookup, new ProjectionBuilder()));
            if (entry instanceof ParentEntry parent) {
                return parent.nested;
            }
            // A field named like the relationship was selected first; keep it and nest under a fresh key.
            return ((ParentEntry) entries.computeIfAbsent(key(lookup.relationshipName()) + ".",
                    k -> new ParentEntry(lookup, new ProjectionBuilder()))).nested;
        }

        Projection build() {
            List<Projection.Column> columns = new ArrayList<>();
            for (Object entry : entries.values()) {
                if (entry instanceof ParentEntry parent) {
                    columns.add(new Projection.ParentColumn(parent.lookup.relationshipName(), parent.lookup,
                            parent.nested.build()));
                } else {
                    columns.add((Projection.Column) entry);
                }
            }
            return new Projection(columns);
        }

        private static String key(String name) {
            return name.toLowerCase(Locale.ROOT);
        }

        private record ParentEntry(ParentLookup lookup, ProjectionBuilder nested) {
        }
    }
}
