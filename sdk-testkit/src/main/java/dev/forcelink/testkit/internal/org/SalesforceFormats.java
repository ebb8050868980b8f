package dev.forcelink.testkit.internal.org;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * The date and time text forms Salesforce reads and writes in JSON, e.g. {@code 2013-05-20T20:49:32.000+0000}.
 * Stateless and thread-safe.
 */
public final class SalesforceFormats {

    private static final DateTimeFormatter DATETIME_OUT = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME_OUT = DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'");
    private static final DateTimeFormatter DATETIME_IN = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private SalesforceFormats() {
    }

    /**
     * @param instant a point in time
     * @return its Salesforce JSON form, e.g. {@code 2013-05-20T20:49:32.000+0000}
     */
    public static String dateTime(Instant instant) {
        return DATETIME_OUT.format(instant);
    }

    /**
     * @param time a time of day
     * @return its Salesforce JSON form, e.g. {@code 20:49:32.000Z}
     */
    public static String time(LocalTime time) {
        return TIME_OUT.format(time);
    }

    /**
     * Reads a datetime in any of the forms clients send: with or without seconds, fraction and offset
     * ({@code Z}, {@code +0000}, {@code +00:00}); a bare date means midnight UTC.
     *
     * @param text the text
     * @return the instant
     * @throws DateTimeParseException if the text is no datetime
     */
    public static Instant parseDateTime(String text) {
        String trimmed = text.trim();
        if (trimmed.length() == 10) {
            return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        var parsed = DATETIME_IN.parseBest(trimmed, OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof OffsetDateTime) {
            return ((OffsetDateTime) parsed).toInstant();
        }
        return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    /**
     * Reads a time of day such as {@code 10:15:00.000Z} or {@code 10:15}.
     *
     * @param text the text
     * @return the time
     * @throws DateTimeParseException if the text is no time
     */
    public static LocalTime parseTime(String text) {
        String trimmed = text.trim();
        if (trimmed.endsWith("Z")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return LocalTime.parse(trimmed);
    }
}
