package dev.forcelink.testkit.internal.soql;

import dev.forcelink.testkit.internal.soql.SoqlAst.Comparison;
import dev.forcelink.testkit.internal.soql.SoqlAst.Operator;
import dev.forcelink.testkit.internal.soql.SoqlAst.Value;
import dev.forcelink.testkit.internal.soql.SoqlAst.ValueKind;

/**
 * Which operators and literals a field type accepts in WHERE, with Salesforce's errors for the
 * rest. Stateless and thread-safe.
 */
final class FilterTypeRules {
    private FilterTypeRules() {
    }

    /** Checks one comparison against the type of its field. */
    static void check(QueryText source, Comparison comparison, ValuePath path) {
        SoqlFieldType type = path.field().type();
        Operator operator = comparison.operator();
        checkOperator(source, comparison, path, type, operator);
        for (Value value : comparison.values()) {
            checkValue(source, path, type, operator, value);
        }
    }

    private static void checkOperator(QueryText source, Comparison comparison, ValuePath path, SoqlFieldType type,
            Operator operator) {
        int at = comparison.operatorOffset();
        boolean includes = operator == Operator.INCLUDES || operator == Operator.EXCLUDES;
        if (includes && type != SoqlFieldType.MULTIPICKLIST) {
            throw source.error(SoqlErrorCode.INVALID_QUERY_FILTER_OPERATOR, at,
                    "includes or excludes operator only valid on multipicklist field");
        }
        if (type == SoqlFieldType.MULTIPICKLIST && (operator == Operator.LIKE || operator.isOrdering())) {
            throw source.error(SoqlErrorCode.INVALID_QUERY_FILTER_OPERATOR, at, "invalid operator on multipicklist field");
        }
        if (operator == Operator.LIKE && !isText(type)) {
            throw source.error(SoqlErrorCode.INVALID_QUERY_FILTER_OPERATOR, at,
                    "invalid operator on field '" + path.displayName() + "': LIKE applies to text fields only");
        }
        if (operator.isOrdering() && type == SoqlFieldType.BOOLEAN) {
            throw source.error(SoqlErrorCode.INVALID_QUERY_FILTER_OPERATOR, at,
                    "invalid operator on boolean field '" + path.displayName() + "'");
        }
    }

    private static void checkValue(QueryText source, ValuePath path, SoqlFieldType type, Operator operator,
            Value value) {
        ValueKind kind = value.kind();
        if (kind == ValueKind.NULL) {
            return;
        }
        boolean fits = switch (type) {
            case ID, REFERENCE, STRING, PICKLIST, MULTIPICKLIST -> kind == ValueKind.STRING
                    || kind == ValueKind.LIKE_PATTERN;
            case BOOLEAN -> kind == ValueKind.BOOLEAN;
            case INTEGER, DOUBLE -> kind == ValueKind.NUMBER;
            case DATE -> kind == ValueKind.DATE || kind == ValueKind.DATE_CONSTANT;
            case DATETIME -> kind == ValueKind.DATETIME || kind == ValueKind.DATE_CONSTANT;
            case TIME -> false;
        };
        if (!fits) {
            boolean quoted = isText(type) || type == SoqlFieldType.MULTIPICKLIST;
            throw source.error(SoqlErrorCode.INVALID_FIELD, value.offset(),
                    "value of filter criterion for field '" + path.displayName() + "' must be of type "
                            + typeName(type) + " and should " + (quoted ? "" : "not ") + "be enclosed in quotes");
        }
        if ((type == SoqlFieldType.ID || type == SoqlFieldType.REFERENCE) && kind == ValueKind.STRING
                && !Values.isIdShaped((String) value.value())) {
            throw source.error(SoqlErrorCode.INVALID_QUERY_FILTER_OPERATOR, value.offset(),
                    "invalid ID field: " + value.value());
        }
    }

    private static boolean isText(SoqlFieldType type) {
        return type == SoqlFieldType.STRING || type == SoqlFieldType.PICKLIST || type == SoqlFieldType.ID
                || type == SoqlFieldType.REFERENCE;
    }

    private static String typeName(SoqlFieldType type) {
        return switch (type) {
            case ID, REFERENCE -> "id";
            case STRING, PICKLIST, MULTIPICKLIST -> "string";
            case BOOLEAN -> "boolean";
            case INTEGER -> "integer";
            case DOUBLE -> "double";
            case DATE -> "date";
            case DATETIME -> "dateTime";
            case TIME -> "time";
        };
    }
}
