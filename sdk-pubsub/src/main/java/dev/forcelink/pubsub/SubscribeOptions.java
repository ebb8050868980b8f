package dev.forcelink.pubsub;

import dev.forcelink.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * How a subscription starts, keeps its position, applies back-pressure and recovers. Immutable and
 * thread-safe; build with {@link #builder()}.
 *
 * <p>Flow control: the subscription keeps up to {@link #batchSize()} events requested from the server
 * (never more than 100, the server's maximum), tops the request up whenever the outstanding count
 * falls to {@link #lowWatermark()}, and never requests more than the consumer can take: the free
 * room of the internal queue ({@link #queueCapacity()}) or, for a {@link java.util.concurrent.Flow}
 * subscriber, its outstanding demand. While events are still owed it does not request a sliver of
 * freed room (at least half the free room, or the full top-up), so a consumer that frees one slot
 * at a time does not draw one request and one single-event response per event.
 */
public final class SubscribeOptions {
  /** The server's maximum of outstanding requested events per stream. */
  public static final int MAX_BATCH_SIZE = 100;
  /** The default stall timeout: the server's 270 s keepalive plus a 30 s margin. */
  public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(300);
  /** The default close timeout: how long {@link Subscription#close()} may block. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private static final SubscribeOptions DEFAULTS = builder().build();

  private final ReplayFrom replayFrom;
  private final ReplayStore replayStore;
  private final String subscriptionKey;
  private final int batchSize;
  private final int lowWatermark;
  private final int concurrency;
  private final int queueCapacity;
  private final ReplayGapPolicy gapPolicy;
  private final SubscriptionListener listener;
  private final RetryPolicy resumePolicy;
  private final Duration stallTimeout;
  private final int checkpointEvery;
  private final Duration closeTimeout;
  private final Executor executor;

  private SubscribeOptions(Builder b) {
    this.replayFrom = b.replayFrom;
    this.replayStore = b.replayStore;
    this.subscriptionKey = b.subscriptionKey;
    this.batchSize = b.batchSize;
    this.lowWatermark = b.lowWatermark < 0 ? b.batchSize / 2 : b.lowWatermark;
    this.concurrency = b.concurrency;
    this.queueCapacity = b.queueCapacity < 0 ? Math.max(2 * b.batchSize, b.concurrency) : b.queueCapacity;
    this.gapPolicy = b.gapPolicy;
    this.listener = b.listener;
    this.resumePolicy = b.resumePolicy;
    this.stallTimeout = b.stallTimeout;
    this.checkpointEvery = b.checkpointEvery;
    this.closeTimeout = b.closeTimeout;
    this.executor = b.executor;
    if (lowWatermark >= batchSize) {
      throw new IllegalArgumentException("lowWatermark (" + lowWatermark + ") must be below batchSize ("
          + batchSize + ")");
    }
  }

  /**
   * Returns the defaults: start at LATEST, in-memory store, batch 100, watermark 50, one handler
   * thread, queue 200, {@link ReplayGapPolicy#FAIL}, 10 resume attempts with 1 s to 60 s backoff,
   * 300 s stall timeout, a checkpoint after every processed event, 30 s close timeout.
   *
   * @return the default options
   */
  public static SubscribeOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these options.
   *
   * @return a new builder; not thread-safe
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.replayFrom = replayFrom;
    b.replayStore = replayStore;
    b.subscriptionKey = subscriptionKey;
    b.batchSize = batchSize;
    b.lowWatermark = lowWatermark;
    b.concurrency = concurrency;
    b.queueCapacity = queueCapacity;
    b.gapPolicy = gapPolicy;
    b.listener = listener;
    b.resumePolicy = resumePolicy;
    b.stallTimeout = stallTimeout;
    b.checkpointEvery = checkpointEvery;
    b.closeTimeout = closeTimeout;
    b.executor = executor;
    return b;
  }

  /**
   * Returns where to start when the store holds no position for the key.
   *
   * @return the initial position
   */
  public ReplayFrom replayFrom() {
    return replayFrom;
  }

  /**
   * Returns the store for the last processed replay id.
   *
   * @return the store, empty for a private in-memory store per subscription
   */
  public Optional<ReplayStore> replayStore() {
    return Optional.ofNullable(replayStore);
  }

  /**
   * Returns the key the position is stored under.
   *
   * @return the key, empty to use the topic name
   */
  public Optional<String> subscriptionKey() {
    return Optional.ofNullable(subscriptionKey);
  }

  /**
   * Returns the most events kept requested from the server at once.
   *
   * @return 1 to 100
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * Returns the outstanding count at or below which the request is topped up.
   *
   * @return 0 to {@code batchSize - 1}
   */
  public int lowWatermark() {
    return lowWatermark;
  }

  /**
   * Returns how many events the handler processes at once.
   *
   * @return at least 1
   */
  public int concurrency() {
    return concurrency;
  }

  /**
   * Returns the most events received but not yet processed.
   *
   * @return at least 1
   */
  public int queueCapacity() {
    return queueCapacity;
  }

  /**
   * Returns what to do when the server rejects the stored replay id.
   *
   * @return the policy
   */
  public ReplayGapPolicy gapPolicy() {
    return gapPolicy;
  }

  /**
   * Returns the listener.
   *
   * @return the listener; a no-op one unless set
   */
  public SubscriptionListener listener() {
    return listener;
  }

  /**
   * Returns how stream errors are retried: {@link RetryPolicy#maxAttempts()} consecutive failures
   * (counted afresh once a new stream delivers), with jittered exponential backoff from {@link
   * RetryPolicy#baseDelay()} up to {@link RetryPolicy#maxBackoff()}.
   *
   * @return the resume policy
   */
  public RetryPolicy resumePolicy() {
    return resumePolicy;
  }

  /**
   * Returns how long a stream may stay silent (not even the server's keepalive) while events are
   * requested before it is restarted.
   *
   * @return the stall timeout
   */
  public Duration stallTimeout() {
    return stallTimeout;
  }

  /**
   * Returns after how many newly processed events the position is saved (or committed, for a
   * managed subscription). The position is also saved whenever every received event is processed.
   *
   * @return at least 1
   */
  public int checkpointEvery() {
    return checkpointEvery;
  }

  /**
   * Returns how long {@link Subscription#close()} may block: first for the handlers already
   * running, then, for a managed subscription, for the server's answer to the final commit (at most
   * 5 s of it).
   *
   * @return the close timeout
   */
  public Duration closeTimeout() {
    return closeTimeout;
  }

  /**
   * Returns the executor that runs the handler (or delivers to a Flow subscriber).
   *
   * @return the executor, empty to use the connection's
   */
  public Optional<Executor> executor() {
    return Optional.ofNullable(executor);
  }

  @Override
  public String toString() {
    return "SubscribeOptions{replayFrom=" + replayFrom + ", replayStore=" + replayStore
        + ", subscriptionKey=" + subscriptionKey + ", batchSize=" + batchSize + ", lowWatermark=" + lowWatermark
        + ", concurrency=" + concurrency + ", queueCapacity=" + queueCapacity + ", gapPolicy=" + gapPolicy
        + ", resumePolicy=" + resumePolicy + ", stallTimeout=" + stallTimeout
        + ", checkpointEvery=" + checkpointEvery + ", closeTimeout=" + closeTimeout + "}";
  }

  /** Builds {@link SubscribeOptions}. Not thread-safe. */
  public static final class Builder {
    private ReplayFrom replayFrom = ReplayFrom.latest();
    private ReplayStore replayStore;
    private String subscriptionKey;
    private int batchSize = MAX_BATCH_SIZE;
    private int lowWatermark = -1;
    private int concurrency = 1;
    private int queueCapacity = -1;
    private ReplayGapPolicy gapPolicy = ReplayGapPolicy.FAIL;
    private SubscriptionListener listener = new SubscriptionListener() {};
    private RetryPolicy resumePolicy = RetryPolicy.builder()
        .maxAttempts(10).baseDelay(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(60)).build();
    private Duration stallTimeout = DEFAULT_STALL_TIMEOUT;
    private int checkpointEvery = 1;
    private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    private Executor executor;

    private Builder() {}

    /**
     * Sets where to start when the store holds no position; default {@link ReplayFrom#latest()}.
     *
     * @param replayFrom the initial position
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder replayFrom(ReplayFrom replayFrom) {
      this.replayFrom = Objects.requireNonNull(replayFrom, "replayFrom");
      return this;
    }

    /**
     * Sets the store for the last processed replay id; a stored id takes precedence over {@link
     * #replayFrom(ReplayFrom)}.
     *
     * @param replayStore the store, or null for a private in-memory store
     * @return this builder
     */
    public Builder replayStore(ReplayStore replayStore) {
      this.replayStore = replayStore;
      return this;
    }

    /**
     * Sets the key the position is stored under; default the topic name.
     *
     * @param subscriptionKey the key, or null for the topic name
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder subscriptionKey(String subscriptionKey) {
      if (subscriptionKey != null && subscriptionKey.isBlank()) {
        throw new IllegalArgumentException("subscriptionKey must not be blank");
      }
      this.subscriptionKey = subscriptionKey;
      return this;
    }

    /**
     * Sets the most events kept requested from the server; default 100, the server's maximum.
     *
     * @param batchSize 1 to 100
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
        throw new IllegalArgumentException("batchSize must be 1 to " + MAX_BATCH_SIZE
            + " (the server's limit of outstanding events), got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Sets the outstanding count at or below which the request is topped up; default half the batch.
     *
     * @param lowWatermark 0 to {@code batchSize - 1}
     * @return this builder
     * @throws IllegalArgumentException if negative (the upper bound is checked by {@link #build()})
     */
    public Builder lowWatermark(int lowWatermark) {
      if (lowWatermark < 0) {
        throw new IllegalArgumentException("lowWatermark must not be negative, got " + lowWatermark);
      }
      this.lowWatermark = lowWatermark;
      return this;
    }

    /**
     * Sets how many events the handler processes at once; default 1 (strict order). The stored
     * position still advances only past a contiguous run of processed events.
     *
     * @param concurrency at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * Sets the most events received but not yet processed; default twice the batch size.
     *
     * @param queueCapacity at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder queueCapacity(int queueCapacity) {
      if (queueCapacity < 1) {
        throw new IllegalArgumentException("queueCapacity must be at least 1, got " + queueCapacity);
      }
      this.queueCapacity = queueCapacity;
      return this;
    }

    /**
     * Sets what to do when the server rejects the stored replay id; default {@link
     * ReplayGapPolicy#FAIL}.
     *
     * @param gapPolicy the policy
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder gapPolicy(ReplayGapPolicy gapPolicy) {
      this.gapPolicy = Objects.requireNonNull(gapPolicy, "gapPolicy");
      return this;
    }

    /**
     * Sets the listener for gaps, resubscriptions and commit failures.
     *
     * @param listener the listener
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder listener(SubscriptionListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets how stream errors are retried (attempts and backoff; the timeouts are not used).
     *
     * @param resumePolicy the policy
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder resumePolicy(RetryPolicy resumePolicy) {
      this.resumePolicy = Objects.requireNonNull(resumePolicy, "resumePolicy");
      return this;
    }

    /**
     * Sets how long a stream may stay silent while events are requested before it is restarted;
     * default 300 s (the server's 270 s keepalive plus a margin).
     *
     * @param stallTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder stallTimeout(Duration stallTimeout) {
      Objects.requireNonNull(stallTimeout, "stallTimeout");
      if (stallTimeout.isNegative() || stallTimeout.isZero()) {
        throw new IllegalArgumentException("stallTimeout must be positive, got " + stallTimeout);
      }
      this.stallTimeout = stallTimeout;
      return this;
    }

    /**
     * Sets after how many newly processed events the position is saved; default 1. Larger values
     * write less often and redeliver more events after a crash.
     *
     * @param checkpointEvery at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder checkpointEvery(int checkpointEvery) {
      if (checkpointEvery < 1) {
        throw new IllegalArgumentException("checkpointEvery must be at least 1, got " + checkpointEvery);
      }
      this.checkpointEvery = checkpointEvery;
      return this;
    }

    /**
     * Sets how long {@link Subscription#close()} may block; default 30 s. Close first waits for the
     * handlers already running (their events then count as processed), then, for a managed
     * subscription, up to 5 s of what is left for the server to confirm the final commit. Choose it
     * below the grace period your platform gives a stopping process.
     *
     * @param closeTimeout zero (close without waiting) or a positive duration
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if negative
     */
    public Builder closeTimeout(Duration closeTimeout) {
      Objects.requireNonNull(closeTimeout, "closeTimeout");
      if (closeTimeout.isNegative()) {
        throw new IllegalArgumentException("closeTimeout must not be negative, got " + closeTimeout);
      }
      this.closeTimeout = closeTimeout;
      return this;
    }

    /**
     * Sets the executor that runs the handler; default the connection's executor.
     *
     * @param executor the executor, or null for the connection's
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException if the low watermark is not below the batch size
     */
    public SubscribeOptions build() {
      return new SubscribeOptions(this);
    }
  }
}
