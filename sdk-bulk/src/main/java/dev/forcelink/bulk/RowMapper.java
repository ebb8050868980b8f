package dev.forcelink.bulk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns user objects into ingest rows: a list of columns, each with a function that extracts its
 * value. A null value clears the field ({@code #N/A}); return {@link #UNCHANGED} to leave it as it
 * is (an empty cell). Values are formatted as {@link RowSource} describes.
 *
 * <pre>{@code
 * RowMapper<Customer> mapper = RowMapper.<Customer>builder()
 *     .column("External_Id__c", Customer::id)
 *     .column("Name", Customer::name)
 *     .column("Signed_Up__c", Customer::signedUp)   // a LocalDate
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe if the extractor functions are.
 *
 * @param <T> the object type
 */
public final class RowMapper<T> {
  /** Returned by an extractor to leave a field unchanged: written as an empty cell. */
  public static final Object UNCHANGED = new Object() {
    @Override
    public String toString() {
      return "UNCHANGED";
    }
  };

  private final List<String> columns;
  private final List<Function<? super T, ?>> extractors;

  private RowMapper(Builder<T> b) {
    this.columns = List.copyOf(b.columns);
    this.extractors = List.copyOf(b.extractors);
  }

  /**
   * Starts a builder.
   *
   * @param <T> the object type
   * @return a builder; not thread-safe
   */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /**
   * Returns the columns, in order.
   *
   * @return an unmodifiable list
   */
  public List<String> columns() {
    return columns;
  }

  /**
   * Extracts the raw values of one object, in column order.
   *
   * @param item the object
   * @return the values (null, {@link #UNCHANGED} or a value to format)
   * @throws RuntimeException whatever an extractor throws
   */
  public Object[] values(T item) {
    Object[] out = new Object[extractors.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = extractors.get(i).apply(item);
    }
    return out;
  }

  @Override
  public String toString() {
    return "RowMapper" + columns;
  }

  /**
   * Builds a {@link RowMapper}. Not thread-safe.
   *
   * @param <T> the object type
   */
  public static final class Builder<T> {
    private final List<String> columns = new ArrayList<>();
    private final List<Function<? super T, ?>> extractors = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    private Builder() {}

    /**
     * Adds a column.
     *
     * @param name the field API name, such as {@code Name} or {@code Account.External_Id__c}
     * @param extractor gives the column's value for an object
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or already added
     */
    public Builder<T> column(String name, Function<? super T, ?> extractor) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(extractor, "extractor");
      if (name.isBlank()) {
        throw new IllegalArgumentException("A column name must not be blank");
      }
      if (!seen.add(name.toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException("Column " + name + " was added twice");
      }
      columns.add(name);
      extractors.add(extractor);
      return this;
    }

    /**
     * Builds the mapper.
     *
     * @return the mapper
     * @throws IllegalStateException if no column was added
     */
    public RowMapper<T> build() {
      if (columns.isEmpty()) {
        throw new IllegalStateException("A RowMapper needs at least one column");
      }
      return new RowMapper<>(this);
    }
  }
}
