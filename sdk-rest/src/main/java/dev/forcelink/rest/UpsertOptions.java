package dev.forcelink.rest;

import java.util.Objects;

/**
 * Options of an upsert by external id. Immutable and thread-safe.
 */
public final class UpsertOptions {
  private static final UpsertOptions DEFAULTS = new Builder().build();
  private final boolean updateOnly;
  private final RequestOptions requestOptions;

  private UpsertOptions(Builder b) {
    this.updateOnly = b.updateOnly;
    this.requestOptions = b.requestOptions;
  }

  /**
   * Returns the defaults: create or update, no extra request options.
   *
   * @return the defaults
   */
  public static UpsertOptions defaults() {
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

  /** @return whether the upsert may only update ({@code ?updateOnly=true}, API v61.0+) */
  public boolean updateOnly() {
    return updateOnly;
  }

  /** @return the request options */
  public RequestOptions requestOptions() {
    return requestOptions;
  }

  @Override
  public String toString() {
    return "UpsertOptions{updateOnly=" + updateOnly + ", requestOptions=" + requestOptions + "}";
  }

  /** Builds {@link UpsertOptions}. Not thread-safe. */
  public static final class Builder {
    private boolean updateOnly;
    private RequestOptions requestOptions = RequestOptions.none();

    private Builder() {}

    /**
     * Makes the upsert update only: when no record matches, Salesforce answers with an error
     * instead of creating one ({@code ?updateOnly=true}, API v61.0 and later). On a connection
     * below v61.0 the upsert is refused before sending, because Salesforce would ignore the
     * parameter there and create the record.
     *
     * @param updateOnly whether to refuse creating
     * @return this builder
     */
    public Builder updateOnly(boolean updateOnly) {
      this.updateOnly = updateOnly;
      return this;
    }

    /**
     * Sets the request options (headers, fields to null, correlation id).
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
    public UpsertOptions build() {
      return new UpsertOptions(this);
    }
  }
}
