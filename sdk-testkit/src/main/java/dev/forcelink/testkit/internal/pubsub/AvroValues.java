package dev.forcelink.testkit.internal.pubsub;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Converts stored field values ({@link String}, {@link Boolean}, {@link Integer}, {@link Long},
 * {@link BigDecimal}, {@link LocalDate}, {@link Instant}, …) to the Avro value of an event field.
 *
 * <p>Stateless and thread-safe.
 */
public final class AvroValues {
  private AvroValues() {}

  /**
   * Converts a value.
   *
   * @param type the event field's type
   * @param value the stored value; {@code null} stays {@code null}
   * @return the Avro value: {@link String}, {@link Boolean}, {@link Integer} (also days for dates),
   *     {@link Long} (also epoch ms for date-times) or {@link Double}
   * @throws IllegalArgumentException if the value cannot be that type
   */
  public static Object toAvro(SalesforceFieldType type, Object value) {
    if (value == null) {
      return null;
    }
    try {
      switch (type) {
        case CHECKBOX:
          return value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
        case INT:
          return ((Number) value).intValue();
        case LONG:
          return ((Number) value).longValue();
        case NUMBER: case CURRENCY: case PERCENT: case DOUBLE:
          return ((Number) value).doubleValue();
        case DATE:
          return (int) ((LocalDate) value).toEpochDay();
        case DATETIME:
          return ((Instant) value).toEpochMilli();
        default:
          return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
      }
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          "A " + value.getClass().getSimpleName() + " value cannot be an event field of type " + type, e);
    }
  }
}
