package dev.forcelink.rest.collections;

import java.util.Objects;
import java.util.Optional;

/**
 * How a Collections write of any size is sent: the {@code allOrNone} flag of each request, how
 * many requests may be in flight, whether to stop at the first failure, the records per request
 * and whether records that failed on a row lock are re-sent.
 *
 * <p><b>allOrNone is per request.</b> Salesforce's transaction covers one request of at most 200
 * records. With more records there are several requests: a failure in request k rolls back only
 * request k, and requests sent before it stay committed. Use {@link Builder#failFast(boolean)} to
 * send no further request after one with a failure (the records of the requests not sent are
 * {@link RecordStatus#NOT_ATTEMPTED}); for a true all-or-nothing write of more than 200 records,
 * use a Bulk API job or a design that can undo the earlier requests.
 *
 * <p>Immutable and thread-safe.
 */
public final class CollectionOptions {
  /** The most records Salesforce accepts in one Collections request. */
  public static final int MAX_CHUNK_SIZE = 200;
  /** The most requests this client keeps in flight for one call. */
  public static final int MAX_CONCURRENCY = 25;

  private static final CollectionOptions DEFAULTS = builder().build();

  private final boolean allOrNone;
  private final int concurrency;
  private final boolean failFast;
  private final int chunkSize;
  private final LockRetry lockRetry;

  private CollectionOptions(Builder b) {
    this.allOrNone = b.allOrNone;
    this.concurrency = b.concurrency;
    this.failFast = b.failFast;
    this.chunkSize = b.chunkSize;
    this.lockRetry = b.lockRetry;
  }

  /**
   * Returns the defaults: no allOrNone, one request at a time, no failFast, 200 records per
   * request, no lock retry.
   *
   * @return the defaults
   */
  public static CollectionOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these options.
   *
   * @return a builder; not thread-safe
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.allOrNone = allOrNone;
    b.concurrency = concurrency;
    b.failFast = failFast;
    b.chunkSize = chunkSize;
    b.lockRetry = lockRetry;
    return b;
  }

  /**
   * Tells whether each request is all-or-nothing.
   *
   * @return the flag
   */
  public boolean allOrNone() {
    return allOrNone;
  }

  /**
   * Returns how many requests may be in flight.
   *
   * @return 1 to {@value #MAX_CONCURRENCY}
   */
  public int concurrency() {
    return concurrency;
  }

  /**
   * Tells whether no further request is sent after one with a failure.
   *
   * @return the flag
   */
  public boolean failFast() {
    return failFast;
  }

  /**
   * Returns the records per request.
   *
   * @return 1 to {@value #MAX_CHUNK_SIZE}
   */
  public int chunkSize() {
    return chunkSize;
  }

  /**
   * Returns the lock retry settings.
   *
   * @return the settings, when records that failed on a row lock are re-sent
   */
  public Optional<LockRetry> lockRetry() {
    return Optional.ofNullable(lockRetry);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CollectionOptions)) {
      return false;
    }
    CollectionOptions c = (CollectionOptions) o;
    return allOrNone == c.allOrNone && concurrency == c.concurrency && failFast == c.failFast
        && chunkSize == c.chunkSize && Objects.equals(lockRetry, c.lockRetry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(allOrNone, concurrency, failFast, chunkSize, lockRetry);
  }

  @Override
  public String toString() {
    return "CollectionOptions{allOrNone=" + allOrNone + ", concurrency=" + concurrency + ", failFast=" + failFast
        + ", chunkSize=" + chunkSize + (lockRetry != null ? ", lockRetry=" + lockRetry : "") + "}";
  }

  /** Builds {@link CollectionOptions}. Not thread-safe. */
  public static final class Builder {
    private boolean allOrNone;
    private int concurrency = 1;
    private boolean failFast;
    private int chunkSize = MAX_CHUNK_SIZE;
    private LockRetry lockRetry;

    private Builder() {}

    /**
     * Sets whether each request is all-or-nothing (default false): when any record of a request
     * fails, Salesforce rolls back the others of that request, which then report
     * {@code ALL_OR_NONE_OPERATION_ROLLED_BACK}. See the class comment for several requests.
     *
     * @param allOrNone the flag
     * @return this builder
     */
    public Builder allOrNone(boolean allOrNone) {
      this.allOrNone = allOrNone;
      return this;
    }

    /**
     * Sets how many requests may be in flight at once (default 1). Results stay in input order.
     * Mind Salesforce's limit on concurrent long-running requests.
     *
     * @param concurrency 1 to {@value #MAX_CONCURRENCY}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
        throw new IllegalArgumentException("concurrency must be between 1 and " + MAX_CONCURRENCY + ", got "
            + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * Sets whether to stop sending requests after one reports a failed record (default false).
     * Requests already in flight finish.
     *
     * @param failFast the flag
     * @return this builder
     */
    public Builder failFast(boolean failFast) {
      this.failFast = failFast;
      return this;
    }

    /**
     * Sets the records per request (default and maximum {@value #MAX_CHUNK_SIZE}).
     *
     * @param chunkSize 1 to {@value #MAX_CHUNK_SIZE}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder chunkSize(int chunkSize) {
      if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
        throw new IllegalArgumentException("chunkSize must be between 1 and " + MAX_CHUNK_SIZE + ", got " + chunkSize);
      }
      this.chunkSize = chunkSize;
      return this;
    }

    /**
     * Re-sends records that failed with {@code UNABLE_TO_LOCK_ROW}, and only those: records that
     * succeeded are never sent again, and the retried outcomes replace the failed ones in place.
     * With {@code allOrNone}, the records of a request that failed only because of row locks were
     * all rolled back, so that whole request's records are re-sent.
     *
     * @param lockRetry the attempts and backoff
     * @return this builder
     */
    public Builder retryLockedRecords(LockRetry lockRetry) {
      this.lockRetry = Objects.requireNonNull(lockRetry, "lockRetry");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public CollectionOptions build() {
      return new CollectionOptions(this);
    }
  }
}
