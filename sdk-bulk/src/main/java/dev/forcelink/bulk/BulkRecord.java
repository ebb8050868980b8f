package dev.forcelink.bulk;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a Bulk query result: the values as Salesforce wrote them, by column. Bulk query CSV
 * writes a null field as an empty cell, so {@link #get(String)} returns {@code ""} for both null and
 * empty text. Column names are compared without case; parent fields look like {@code Account.Name}.
 *
 * <p>Immutable and thread-safe.
 */
public final class BulkRecord {
  private final Header header;
  private final String[] values;

  BulkRecord(Header header, String[] values) {
    this.header = header;
    this.values = values;
  }

  /** @return the columns, in result order */
  public List<String> columns() {
    return header.columns;
  }

  /** @return the number of columns */
  public int size() {
    return values.length;
  }

  /**
   * Returns a value by position.
   *
   * @param index 0-based
   * @return the value
   * @throws IndexOutOfBoundsException if out of range
   */
  public String get(int index) {
    return values[index];
  }

  /**
   * Returns a value by column name.
   *
   * @param column the column, any case
   * @return the value, {@code ""} for a null field
   * @throws IllegalArgumentException if the result has no such column
   */
  public String get(String column) {
    Integer i = header.positions.get(Objects.requireNonNull(column, "column").toLowerCase(Locale.ROOT));
    if (i == null) {
      throw new IllegalArgumentException("The query result has no column " + column + "; columns are " + header.columns);
    }
    return values[i];
  }

  /**
   * Returns a value by column name, empty when the field is null or empty.
   *
   * @param column the column, any case
   * @return the value
   * @throws IllegalArgumentException if the result has no such column
   */
  public Optional<String> find(String column) {
    String v = get(column);
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /** @return the values by column, in column order; a new modifiable map */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put(header.columns.get(i), values[i]);
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BulkRecord && ((BulkRecord) o).header.columns.equals(header.columns)
        && java.util.Arrays.equals(((BulkRecord) o).values, values);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(values);
  }

  /** Returns the column names only; values may be personal data. */
  @Override
  public String toString() {
    return "BulkRecord" + header.columns;
  }

  /** The shared column list of one result. */
  static final class Header {
    final List<String> columns;
    final Map<String, Integer> positions = new HashMap<>();

    Header(List<String> columns) {
      this.columns = Collections.unmodifiableList(List.copyOf(columns));
      for (int i = 0; i < columns.size(); i++) {
        positions.putIfAbsent(columns.get(i).toLowerCase(Locale.ROOT), i);
      }
    }
  }
}
