package dev.forcelink.bulk.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Optional;

/**
 * Formats Java values as Bulk API 2.0 CSV cells in Salesforce's formats: dates
 * {@code 2024-03-01}, datetimes in UTC {@code 2024-03-01T12:30:00.000Z}, times
 * {@code 12:30:00.000Z}, booleans {@code true}/{@code false}, numbers in plain notation (never
 * {@code 1E+3}). A null becomes {@link #NULL_MARKER}, which sets the field to null; an empty cell
 * leaves the field unchanged. Stateless and thread-safe.
 */
public final class SalesforceValues {
  /** The cell Salesforce reads as "set this field to null". */
  public static final String NULL_MARKER = "#N/A";

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'");

  private SalesforceValues() {}

  /**
   * Formats one value.
   *
   * @param column the column, named in errors
   * @param value the value: null, a {@code CharSequence}, {@code Boolean}, {@code Number},
   *     {@code LocalDate}, {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime},
   *     {@code java.util.Date}, {@code LocalTime}, an enum or an {@code Optional} of these
   * @return the cell text
   * @throws IllegalArgumentException for a type without a Salesforce format (a
   *     {@code LocalDateTime} has no zone, say), or a NaN or infinite number
   */
  public static String format(String column, Object value) {
    if (value == null) {
      return NULL_MARKER;
    }
    if (value instanceof Optional) {
      Optional<?> o = (Optional<?>) value;
      return o.isPresent() ? format(column, o.get()) : NULL_MARKER;
    }
    if (value instanceof CharSequence) {
      return value.toString();
    }
    if (value instanceof Boolean) {
      return ((Boolean) value) ? "true" : "false";
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("Column " + column + ": " + d
            + " has no Salesforce representation; pass null to clear the field");
      }
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof LocalDate) {
      return value.toString();
    }
    if (value instanceof Instant) {
      return DATE_TIME.format((Instant) value);
    }
    if (value instanceof OffsetDateTime) {
      return DATE_TIME.format(((OffsetDateTime) value).toInstant());
    }
    if (value instanceof ZonedDateTime) {
      return DATE_TIME.format(((ZonedDateTime) value).toInstant());
    }
    if (value instanceof Date) {
      return DATE_TIME.format(((Date) value).toInstant());
    }
    if (value instanceof LocalTime) {
      return TIME.format((LocalTime) value);
    }
    if (value instanceof Enum) {
      return ((Enum<?>) value).name();
    }
    throw new IllegalArgumentException("Column " + column + ": no Salesforce CSV format for "
        + value.getClass().getName() + "; pass a String, Boolean, Number, LocalDate, Instant,"
        + " OffsetDateTime, ZonedDateTime, LocalTime or enum (a LocalDateTime has no zone: convert it"
        + " to an Instant first)");
  }
}
