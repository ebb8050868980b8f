package dev.forcelink.testkit.internal.org;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Turns a value a client sent (a JSON scalar or a CSV cell) into the typed value stored for a field:
 * {@link String}, {@link Boolean}, {@link Integer}, {@link Long}, {@link BigDecimal}, {@link LocalDate},
 * {@link Instant} or {@link LocalTime}. Stateless and thread-safe.
 */
public final class FieldValues {

    private FieldValues() {
    }

    /**
     * Coerces a raw value to the field's type and checks its length, precision and picklist.
     *
     * @param field the field
     * @param raw the value sent; {@code null} stays {@code null}
     * @return the stored value
     * @throws DmlException {@code STRING_TOO_LONG}, {@code INVALID_TYPE_ON_FIELD_IN_RECORD}, {@code MALFORMED_ID},
     *     {@code NUMBER_OUTSIDE_VALID_RANGE}, {@code INVALID_EMAIL_ADDRESS} or
     *     {@code INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST} when the value does not fit
     */
    public static Object coerce(FieldDef field, Object raw) {
        if (raw == null) {
            return null;
        }
        switch (field.type()) {
            case BOOLEAN:
                return toBoolean(field, raw);
            case INT:
                return toWholeNumber(field, raw).intValueExact();
            case LONG:
                return toWholeNumber(field, raw).longValueExact();
            case DOUBLE: case CURRENCY: case PERCENT:
                return toDecimal(field, raw);
            case DATE:
                return toDate(field, raw);
            case DATETIME:
                return toDateTime(field, raw);
            case TIME:
                return toTime(field, raw);
            case ID: case REFERENCE:
                return toId(field, raw);
            default:
                return toText(field, raw);
        }
    }

    private static String toText(FieldDef field, Object raw) {
        String text = raw instanceof BigDecimal ? ((BigDecimal) raw).toPlainString() : String.valueOf(raw);
        if (field.length() > 0 && text.length() > field.length()) {
            throw new DmlException("STRING_TOO_LONG", field.label() + ": data value too large: "
                    + abbreviate(text) + " (max length=" + field.length() + ")", List.of(field.name()));
        }
        if (field.type() == FieldType.EMAIL && !text.isEmpty() && !text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new DmlException("INVALID_EMAIL_ADDRESS", field.label() + ": invalid email address: "
                    + abbreviate(text), List.of(field.name()));
        }
        if (field.type() == FieldType.PICKLIST && field.restrictedPicklist() && !field.picklistValues().contains(text)) {
            throw new DmlException("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", field.label()
                    + ": bad value for restricted picklist field: " + abbreviate(text), List.of(field.name()));
        }
        return text;
    }

    private static Boolean toBoolean(FieldDef field, Object raw) {
        if (raw instanceof Boolean) {
            return (Boolean) raw;
        }
        String text = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("1")) {
            return Boolean.TRUE;
        }
        if (text.equals("false") || text.equals("0")) {
            return Boolean.FALSE;
        }
        throw wrongType(field, raw);
    }

    private static BigDecimal toWholeNumber(FieldDef field, Object raw) {
        BigDecimal value = toDecimal(field, raw);
        try {
            return new BigDecimal(value.toBigIntegerExact());
        } catch (ArithmeticException e) {
            throw wrongType(field, raw);
        }
    }

    private static BigDecimal toDecimal(FieldDef field, Object raw) {
        BigDecimal value;
        if (raw instanceof BigDecimal) {
            value = (BigDecimal) raw;
        } else if (raw instanceof Number || raw instanceof String) {
            try {
                value = new BigDecimal(String.valueOf(raw).trim());
            } catch (NumberFormatException e) {
                throw wrongType(field, raw);
            }
        } else {
            throw wrongType(field, raw);
        }
        int integerDigits = value.precision() - value.scale();
        int allowed = field.precision() - field.scale();
        if (field.precision() > 0 && integerDigits > Math.max(allowed, 1) && value.signum() != 0) {
            throw new DmlException("NUMBER_OUTSIDE_VALID_RANGE", field.label()
                    + ": value outside of valid range on numeric field: " + abbreviate(value.toPlainString()),
                    List.of(field.name()));
        }
        return value;
    }

    private static LocalDate toDate(FieldDef field, Object raw) {
        if (raw instanceof LocalDate) {
            return (LocalDate) raw;
        }
        String text = String.valueOf(raw).trim();
        try {
            return text.length() > 10 ? LocalDate.parse(text.substring(0, 10)) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw wrongType(field, raw);
        }
    }

    private static Instant toDateTime(FieldDef field, Object raw) {
        if (raw instanceof Instant) {
            return (Instant) raw;
        }
        if (raw instanceof Long) {
            return Instant.ofEpochMilli((Long) raw);
        }
        try {
            return Instant.ofEpochMilli(SalesforceFormats.parseDateTime(String.valueOf(raw)).toEpochMilli());
        } catch (DateTimeParseException e) {
            throw wrongType(field, raw);
        }
    }

    private static LocalTime toTime(FieldDef field, Object raw) {
        if (raw instanceof LocalTime) {
            return (LocalTime) raw;
        }
        try {
            return SalesforceFormats.parseTime(String.valueOf(raw));
        } catch (DateTimeParseException e) {
            throw wrongType(field, raw);
        }
    }

    private static String toId(FieldDef field, Object raw) {
        String text = String.valueOf(raw).trim();
        if (text.isEmpty()) {
            return null;
        }
        if (!SalesforceIds.isValid(text)) {
            throw new DmlException("MALFORMED_ID", field.label() + ": id value of incorrect type: "
                    + abbreviate(text), List.of(field.name()));
        }
        return SalesforceIds.to18(text);
    }

    private static DmlException wrongType(FieldDef field, Object raw) {
        return new DmlException("INVALID_TYPE_ON_FIELD_IN_RECORD", field.label() + ": value not of required type: "
                + abbreviate(String.valueOf(raw)), List.of(field.name()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
