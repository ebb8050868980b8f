package dev.forcelink.testkit.internal.soql;

import dev.forcelink.testkit.internal.soql.SoqlAst.DateConstantValue;
import dev.forcelink.testkit.internal.soql.SoqlAst.Operator;
import dev.forcelink.testkit.internal.soql.SoqlAst.Value;
import dev.forcelink.testkit.internal.soql.SoqlAst.ValueKind;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns a bound WHERE tree into one predicate over records, once per execution: literals are
 * converted, sets built, patterns compiled and date constants resolved up front, so testing a
 * record does no parsing. Not thread-safe; the predicates it returns are as thread-safe as the
 * data source.
 *
 * <p>SOQL has no unknown truth value: a null field is unequal to every non-null literal, so
 * {@code !=} and {@code NOT IN} match it, while ordering comparisons and LIKE do not.
 */
final class PredicateCompiler {
    private static final int SMALL_IN_LIST = 4;

    private final SoqlDataSource data;
    private final LocalDate today;
    private final DayOfWeek firstDayOfWeek;

    PredicateCompiler(SoqlDataSource data, LocalDate today, DayOfWeek firstDayOfWeek) {
        this.data = data;
        this.today = today;
        this.firstDayOfWeek = firstDayOfWeek;
    }

    Predicate<Map<String, Object>> compile(BoundCondition condition) {
        if (condition == null) {
            return record -> true;
        }
        if (condition instanceof BoundCondition.AllOf all) {
            List<Predicate<Map<String, Object>>> operands = compileAll(all.operands());
            return record -> {
                for (Predicate<Map<String, Object>> operand : operands) {
                    if (!operand.test(record)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (condition instanceof BoundCondition.AnyOf any) {
            List<Predicate<Map<String, Object>>> operands = compileAll(any.operands());
            return record -> {
                for (Predicate<Map<String, Object>> operand : operands) {
                    if (operand.test(record)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (condition instanceof BoundCondition.Negation negation) {
            return compile(negation.operand()).negate();
        }
        BoundCondition.FieldTest test = (BoundCondition.FieldTest) condition;
        Function<Map<String, Object>, Object> reader = reader(test.path());
        Predicate<Object> valueTest = valueTest(test);
        return record -> valueTest.test(reader.apply(record));
    }

    private List<Predicate<Map<String, Object>>> compileAll(List<BoundCondition> conditions) {
        List<Predicate<Map<String, Object>>> compiled = new ArrayList<>(conditions.size());
        conditions.forEach(condition -> compiled.add(compile(condition)));
        return compiled;
    }

    private Function<Map<String, Object>, Object> reader(ValuePath path) {
        String field = path.field().name();
        if (path.lookups().isEmpty()) {
            return record -> record.get(field);
        }
        return record -> path.read(record, data);
    }

    private Predicate<Object> valueTest(BoundCondition.FieldTest test) {
        SoqlFieldType type = test.path().field().type();
        List<Value> values = test.values();
        return switch (test.operator()) {
            case EQ, IN -> equalsAny(type, values);
            case NE, NOT_IN -> equalsAny(type, values).negate();
            case LIKE -> like(values.get(0));
            case INCLUDES -> includes(values);
            case EXCLUDES -> includes(values).negate();
            default -> ordering(type, test.operator(), values.get(0));
        };
    }

    /** True when the value equals one of the literals (null equals a NULL literal only). */
    private Predicate<Object> equalsAny(SoqlFieldType type, List<Value> values) {
        boolean matchesNull = values.stream().anyMatch(v -> v.kind() == ValueKind.NULL);
        List<Value> literals = values.stream().filter(v -> v.kind() != ValueKind.NULL).toList();
        Predicate<Object> nonNull = literals.isEmpty() ? v -> false : equalsLiteral(type, literals);
        return value -> value == null ? matchesNull : nonNull.test(value);
    }

    private Predicate<Object> equalsLiteral(SoqlFieldType type, List<Value> literals) {
        switch (type) {
            case ID, REFERENCE -> {
                Set<String> keys = new HashSet<>();
                literals.forEach(v -> keys.add(Values.idKey((String) v.value())));
                return value -> keys.contains(Values.idKey(value.toString()));
            }
            case STRING, PICKLIST -> {
                if (literals.size() <= SMALL_IN_LIST) {
                    // A few equalsIgnoreCase calls are cheaper than lower-casing every record's value.
                    String[] texts = literals.stream().map(v -> (String) v.value()).toArray(String[]::new);
                    return value -> {
                        String text = value.toString();
                        for (String candidate : texts) {
                            if (candidate.equalsIgnoreCase(text)) {
                                return true;
                            }
                        }
                        return false;
                    };
                }
                Set<String> lowered = new HashSet<>();
                literals.forEach(v -> lowered.add(((String) v.value()).toLowerCase(Locale.ROOT)));
                return value -> lowered.contains(value.toString().toLowerCase(Locale.ROOT));
            }
            case MULTIPICKLIST -> {
                List<Set<String>> sets = new ArrayList<>();
                literals.forEach(v -> sets.add(Values.picklistItems((String) v.value())));
                return value -> sets.contains(Values.picklistItems(value.toString()));
            }
            case BOOLEAN -> {
                Set<Object> booleans = new HashSet<>();
                literals.forEach(v -> booleans.add(v.value()));
                return booleans::contains;
            }
            default -> {
                List<Predicate<Object>> tests = new ArrayList<>();
                for (Value literal : literals) {
                    tests.add(literal.kind() == ValueKind.DATE_CONSTANT
                            ? inRange(type, (DateConstantValue) literal.value())
                            : compareTo(type, literal.value(), c -> c == 0));
                }
                return value -> {
                    for (Predicate<Object> test : tests) {
                        if (test.test(value)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
        }
    }

    private Predicate<Object> ordering(SoqlFieldType type, Operator operator, Value literal) {
        if (literal.kind() == ValueKind.NULL) {
            return value -> false;
        }
        Predicate<Object> nonNull;
        if (literal.kind() == ValueKind.DATE_CONSTANT) {
            nonNull = rangeOrdering(type, operator, (DateConstantValue) literal.value());
        } else {
            nonNull = switch (operator) {
                case LT -> compareTo(type, literal.value(), c -> c < 0);
                case LE -> compareTo(type, literal.value(), c -> c <= 0);
                case GT -> compareTo(type, literal.value(), c -> c > 0);
                default -> compareTo(type, literal.value(), c -> c >= 0);
            };
        }
        return value -> value != null && nonNull.test(value);
    }

    private interface IntTest {
        boolean test(int comparison);
    }

    private static Predicate<Object> compareTo(SoqlFieldType type, Object literal, IntTest outcome) {
        Comparator<Object> ordering = Values.ordering(type);
        return value -> outcome.test(ordering.compare(value, literal));
    }

    /** {@code = constant}: the value falls in the constant's days. */
    private Predicate<Object> inRange(SoqlFieldType type, DateConstantValue constant) {
        DateConstant.DayRange range = constant.constant().range(today, constant.n(), firstDayOfWeek);
        if (type == SoqlFieldType.DATETIME) {
            Instant start = startOfDay(range.start());
            Instant end = startOfDay(range.end());
            return value -> {
                Instant instant = Values.toInstant(value);
                return !instant.isBefore(start) && instant.isBefore(end);
            };
        }
        return value -> !((LocalDate) value).isBefore(range.start()) && ((LocalDate) value).isBefore(range.end());
    }

    /** {@code < constant} means before its first day, {@code > constant} after its last, and so on. */
    private Predicate<Object> rangeOrdering(SoqlFieldType type, Operator operator, DateConstantValue constant) {
        DateConstant.DayRange range = constant.constant().range(today, constant.n(), firstDayOfWeek);
        boolean againstStart = operator == Operator.LT || operator == Operator.GE;
        boolean before = operator == Operator.LT || operator == Operator.LE;
        LocalDate bound = againstStart ? range.start() : range.end();
        if (type == SoqlFieldType.DATETIME) {
            Instant limit = startOfDay(bound);
            return before ? value -> Values.toInstant(value).isBefore(limit)
                    : value -> !Values.toInstant(value).isBefore(limit);
        }
        return before ? value -> ((LocalDate) value).isBefore(bound) : value -> !((LocalDate) value).isBefore(bound);
    }

    private static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Predicate<Object> like(Value literal) {
        if (literal.kind() != ValueKind.LIKE_PATTERN) {
            return value -> false;
        }
        LikePattern pattern = (LikePattern) literal.value();
        return value -> value != null && pattern.matches(value.toString());
    }

    /** INCLUDES: some literal's items (a literal {@code 'a;b'} means both a and b) are all selected. */
    private static Predicate<Object> includes(List<Value> literals) {
        List<Set<String>> wanted = new ArrayList<>();
        for (Value literal : literals) {
            if (literal.kind() == ValueKind.STRING) {
                wanted.add(Values.picklistItems((String) literal.value()));
            }
        }
        return value -> {
            if (value == null) {
                return false;
            }
            Set<String> selected = Values.picklistItems(value.toString());
            for (Set<String> items : wanted) {
                if (selected.containsAll(items)) {
                    return true;
                }
            }
            return false;
        };
    }
}
