package dev.forcelink.testkit.internal.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Comparisons of stored values as SOQL makes them. Stateless and thread-safe. */
final class Values {
    private Values() {
    }

    /** An ordering of two non-null values of a field of this type. */
    static Comparator<Object> ordering(SoqlFieldType type) {
        return switch (type) {
            case INTEGER, DOUBLE -> Values::compareNumbers;
            case BOOLEAN -> (a, b) -> Boolean.compare((Boolean) a, (Boolean) b);
            case DATE -> (a, b) -> ((LocalDate) a).compareTo((LocalDate) b);
            case DATETIME -> (a, b) -> toInstant(a).compareTo(toInstant(b));
            case TIME -> (a, b) -> ((LocalTime) a).compareTo((LocalTime) b);
            default -> (a, b) -> String.CASE_INSENSITIVE_ORDER.compare(a.toString(), b.toString());
        };
    }

    static int compareNumbers(Object a, Object b) {
        if (isWhole(a) && isWhole(b)) {
            return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
        return toBigDecimal(a).compareTo(toBigDecimal(b));
    }

    private static boolean isWhole(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    static BigDecimal toBigDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (isWhole(value)) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        throw new IllegalArgumentException("not a number: " + value.getClass().getName());
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        throw new IllegalArgumentException("not a datetime: " + value.getClass().getName());
    }

    /**
     * The part of an id that identifies the record: its first 15 characters, so that 15- and
     * 18-character forms of one id compare equal.
     */
    static String idKey(String id) {
        return id.length() == 18 ? id.substring(0, 15) : id;
    }

    /** Whether the text has the shape of a Salesforce id. */
    static boolean isIdShaped(String text) {
        if (text.length() != 15 && text.length() != 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    /** The selected items of a multi-select picklist value, trimmed and lower-cased. */
    static Set<String> picklistItems(String value) {
        Set<String> items = new HashSet<>();
        for (String item : value.split(";", -1)) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty()) {
                items.add(trimmed.toLowerCase(Locale.ROOT));
            }
        }
        return items;
    }
}
