package dev.forcelink.bulk;

import java.util.Map;

/**
 * Receives the rows a {@link RowWriter} produces. Each row is formatted and spooled before the
 * call returns, so nothing accumulates in memory. Not thread-safe: call it from the writer's thread.
 */
public interface RowSink {
  /**
   * Adds a row given in column order.
   *
   * @param values one value per column: null clears the field, {@link RowMapper#UNCHANGED} leaves
   *     it unchanged, anything else is formatted as {@link RowSource} describes
   * @throws IllegalArgumentException if the number of values differs from the number of columns or
   *     a value has no Salesforce format
   */
  void row(Object... values);

  /**
   * Adds a row given by column name: a missing key leaves the field unchanged, a null value clears
   * it.
   *
   * @param values the values by column name
   * @throws IllegalArgumentException if a key is not one of the columns, or a value has no
   *     Salesforce format
   */
  void row(Map<String, ?> values);
}
