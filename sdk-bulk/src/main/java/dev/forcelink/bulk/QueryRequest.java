package dev.forcelink.bulk;

import java.util.Objects;

/**
 * A Bulk API 2.0 query job: the SOQL, whether deleted and archived rows are included
 * ({@code queryAll}), and the CSV dialect of the results.
 *
 * <p>Immutable and thread-safe.
 */
public final class QueryRequest {
  private final String soql;
  private final boolean includeDeleted;
  private final ColumnDelimiter columnDelimiter;
  private final LineEnding lineEnding;

  private QueryRequest(Builder b) {
    this.soql = b.soql;
    this.includeDeleted = b.includeDeleted;
    this.columnDelimiter = b.columnDelimiter;
    this.lineEnding = b.lineEnding;
  }

  /**
   * Starts a builder.
   *
   * @param soql the query, such as {@code SELECT Id, Name FROM Account}; build literals with
   *     {@code dev.forcelink.core.soql.Soql}
   * @return a builder; not thread-safe
   * @throws IllegalArgumentException if blank
   */
  public static Builder builder(String soql) {
    return new Builder(soql);
  }

  /**
   * A plain query with the default dialect (comma, LF).
   *
   * @param soql the query
   * @return the request
   */
  public static QueryRequest of(String soql) {
    return builder(soql).build();
  }

  /** @return the SOQL */
  public String soql() {
    return soql;
  }

  /** @return true for a {@code queryAll} job */
  public boolean includeDeleted() {
    return includeDeleted;
  }

  /** @return the operation's wire name, {@code query} or {@code queryAll} */
  public String operation() {
    return includeDeleted ? "queryAll" : "query";
  }

  /** @return the results' column delimiter */
  public ColumnDelimiter columnDelimiter() {
    return columnDelimiter;
  }

  /** @return the results' line ending */
  public LineEnding lineEnding() {
    return lineEnding;
  }

  @Override
  public String toString() {
    return "QueryRequest{operation=" + operation() + ", columnDelimiter=" + columnDelimiter
        + ", lineEnding=" + lineEnding + "}";
  }

  /** Builds a {@link QueryRequest}. Not thread-safe. */
  public static final class Builder {
    private final String soql;
    private boolean includeDeleted;
    private ColumnDelimiter columnDelimiter = ColumnDelimiter.COMMA;
    private LineEnding lineEnding = LineEnding.LF;

    private Builder(String soql) {
      Objects.requireNonNull(soql, "soql");
      if (soql.isBlank()) {
        throw new IllegalArgumentException("A query job needs a SOQL query");
      }
      this.soql = soql;
    }

    /**
     * Includes deleted and archived records ({@code queryAll}); default false.
     *
     * @param includeDeleted whether to include them
     * @return this builder
     */
    public Builder includeDeleted(boolean includeDeleted) {
      this.includeDeleted = includeDeleted;
      return this;
    }

    /**
     * Sets the results' column delimiter; default comma.
     *
     * @param delimiter the delimiter
     * @return this builder
     */
    public Builder columnDelimiter(ColumnDelimiter delimiter) {
      this.columnDelimiter = Objects.requireNonNull(delimiter, "columnDelimiter");
      return this;
    }

    /**
     * Sets the results' line ending; default LF.
     *
     * @param lineEnding the line ending
     * @return this builder
     */
    public Builder lineEnding(LineEnding lineEnding) {
      this.lineEnding = Objects.requireNonNull(lineEnding, "lineEnding");
      return this;
    }

    /** @return the request */
    public QueryRequest build() {
      return new QueryRequest(this);
    }
  }
}
