package dev.forcelink.rest.internal.json;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Salesforce's text forms for temporal values on writes: datetimes
 * {@code 2024-01-31T10:00:00.000+0000} (always UTC), times {@code 10:00:00.000Z}.
 *
 * <p>Stateless and thread-safe. Internal to Forcelink.
 */
public final class SalesforceFormats {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'+0000'");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'");

  private SalesforceFormats() {}

  /**
   * Formats an {@code Instant}, {@code OffsetDateTime} or {@code ZonedDateTime} in UTC.
   *
   * @param value the datetime
   * @return such as {@code 2024-01-31T10:00:00.000+0000}
   * @throws IllegalArgumentException for any other type
   */
  public static String dateTime(Object value) {
    Instant instant;
    if (value instanceof Instant) {
      instant = (Instant) value;
    } else if (value instanceof OffsetDateTime) {
      instant = ((OffsetDateTime) value).toInstant();
    } else if (value instanceof ZonedDateTime) {
      instant = ((ZonedDateTime) value).toInstant();
    } else {
      throw new IllegalArgumentException("Not a datetime: " + value.getClass().getName());
    }
    return DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  /**
   * Formats a time of day.
   *
   * @param value the time
   * @return such as {@code 10:00:00.000Z}
   */
  public static String time(LocalTime value) {
    return TIME.format(value);
  }
}
