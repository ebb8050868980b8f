package dev.forcelink.testkit.internal.soql;

import java.util.List;

/** The syntax tree of a parsed query: names as written, not yet checked against a catalog. */
final class SoqlAst {
    private SoqlAst() {
    }

    /** A dotted field path such as {@code Account.Owner.Name}, at {@code offset} in the query. */
    record FieldPath(List<String> segments, int offset) {
        FieldPath {
            segments = List.copyOf(segments);
        }

        String text() {
            return String.join(".", segments);
        }
    }

    /** One entry of a SELECT list. */
    sealed interface SelectItem permits FieldItem, CountItem, SubqueryItem {
    }

    /** A selected field or parent path. */
    record FieldItem(FieldPath path) implements SelectItem {
    }

    /** {@code COUNT()} when {@code field} is null, otherwise {@code COUNT(field) [alias]}. */
    record CountItem(FieldPath field, String alias, int offset) implements SelectItem {
    }

    /** A child relationship subquery. */
    record SubqueryItem(Select select) implements SelectItem {
    }

    /** A SELECT statement, top-level or nested. {@code limit} and {@code skip} are null when absent. */
    record Select(List<SelectItem> items, String from, int fromOffset, String alias, Condition where,
            List<OrderItem> orderBy, Integer limit, Integer skip) {
        Select {
            items = List.copyOf(items);
            orderBy = List.copyOf(orderBy);
        }
    }

    /** A WHERE condition. */
    sealed interface Condition permits And, Or, Not, Comparison {
    }

    /** Conditions that must all hold. */
    record And(List<Condition> operands) implements Condition {
        And {
            operands = List.copyOf(operands);
        }
    }

    /** Conditions of which one must hold. */
    record Or(List<Condition> operands) implements Condition {
        Or {
            operands = List.copyOf(operands);
        }
    }

    /** A negated condition. */
    record Not(Condition operand) implements Condition {
    }

    /** Comparison operators. */
    enum Operator {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("IN"), NOT_IN("NOT IN"), LIKE("LIKE"),
        INCLUDES("INCLUDES"), EXCLUDES("EXCLUDES");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        boolean isOrdering() {
            return this == LT || this == LE || this == GT || this == GE;
        }
    }

    /** {@code field op value} or {@code field op (values)}; scalar operators carry one value. */
    record Comparison(FieldPath field, Operator operator, int operatorOffset, List<Value> values) implements Condition {
        Comparison {
            values = List.copyOf(values);
        }
    }

    /** Kinds of literal values. */
    enum ValueKind {
        NULL, BOOLEAN, NUMBER, STRING, LIKE_PATTERN, DATE, DATETIME, DATE_CONSTANT
    }

    /**
     * A literal: {@code Boolean}, {@code BigDecimal}, decoded {@code String}, {@link LikePattern},
     * {@code LocalDate}, {@code Instant}, {@link DateConstantValue} or null, at {@code offset}.
     */
    record Value(ValueKind kind, Object value, int offset) {
    }

    /** A date constant with its {@code :n} argument (0 for constants without one). */
    record DateConstantValue(DateConstant constant, int n) {
    }

    /** An ORDER BY key. */
    record OrderItem(FieldPath field, boolean ascending, boolean nullsFirst) {
    }
}
