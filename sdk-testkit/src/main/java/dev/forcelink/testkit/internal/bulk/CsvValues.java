package dev.forcelink.testkit.internal.bulk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes stored values as Bulk API CSV cells: datetimes as {@code 2024-05-01T10:15:00.000Z}, dates as
 * {@code 2024-05-01}, times as {@code 10:15:00.000Z}, numbers in plain notation, null as an empty cell.
 * Stateless and thread-safe.
 */
final class CsvValues {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'");

    private CsvValues() {
    }

    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Instant instant) {
            return DATETIME.format(instant);
        }
        if (value instanceof java.time.OffsetDateTime dateTime) {
            return DATETIME.format(dateTime.toInstant());
        }
        if (value instanceof LocalTime time) {
            return TIME.format(time);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }
}
