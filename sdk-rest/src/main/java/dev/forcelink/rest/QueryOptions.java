package dev.forcelink.rest;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of a query: the page size hint ({@code Sforce-Query-Options: batchSize=N}) and request
 * options (such as {@code Sforce-Call-Options} or a correlation id). Immutable and thread-safe.
 */
public final class QueryOptions {
  /** Smallest batch size Salesforce accepts. */
  public static final int MIN_BATCH_SIZE = 200;
  /** Largest batch size, also the default. */
  public static final int MAX_BATCH_SIZE = 2000;
  private static final QueryOptions DEFAULTS = new Builder().build();

  private final Integer batchSize;
  private final RequestOptions requestOptions;

  private QueryOptions(Builder b) {
    this.batchSize = b.batchSize;
    this.requestOptions = b.requestOptions;
  }

  /**
   * Returns the defaults: Salesforce's page size (up to 2,000), no extra options.
   *
   * @return the defaults
   */
  public static QueryOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder.
   *
   * @return a builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the requested batch size, if set */
  public Optional<Integer> batchSize() {
    return Optional.ofNullable(batchSize);
  }

  /** @return the request options */
  public RequestOptions requestOptions() {
    return requestOptions;
  }

  @Override
  public String toString() {
    return "QueryOptions{batchSize=" + batchSize + ", requestOptions=" + requestOptions + "}";
  }

  /** Builds {@link QueryOptions}. Not thread-safe. */
  public static final class Builder {
    private Integer batchSize;
    private RequestOptions requestOptions = RequestOptions.none();

    private Builder() {}

    /**
     * Asks for pages of {@code batchSize} records. Salesforce treats it as a hint: pages may be
     * smaller (child rows count toward it).
     *
     * @param batchSize from {@value QueryOptions#MIN_BATCH_SIZE} to {@value QueryOptions#MAX_BATCH_SIZE}
     * @return this builder
     * @throws IllegalArgumentException if out of that range
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < MIN_BATCH_SIZE || batchSize > MAX_BATCH_SIZE) {
        throw new IllegalArgumentException("batchSize must be from " + MIN_BATCH_SIZE + " to " + MAX_BATCH_SIZE
            + " (Salesforce's limits for Sforce-Query-Options), got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Sets request options for every page request.
     *
     * @param options the options
     * @return this builder
     */
    public Builder requestOptions(RequestOptions options) {
      this.requestOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public QueryOptions build() {
      return new QueryOptions(this);
    }
  }
}
