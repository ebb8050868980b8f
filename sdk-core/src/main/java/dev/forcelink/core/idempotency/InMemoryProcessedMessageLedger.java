package dev.forcelink.core.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link ProcessedMessageLedger} held in memory, for a single process that may forget what it
 * processed when it restarts.
 *
 * <p>It keeps at most {@code maxEntries} ids, dropping the oldest recorded first, and forgets an id
 * {@code retention} after recording it. The guarantee of {@link #processOnce(String, Runnable)}
 * holds among the callers of one instance: each id has its own lock, so different ids never wait
 * for each other. An id that was dropped or expired counts as not processed.
 *
 * <p>Thread-safe.
 */
public final class InMemoryProcessedMessageLedger implements ProcessedMessageLedger {
  private final int maxEntries;
  private final Duration retention;
  private final Clock clock;

  /** Recorded ids and when, oldest first; guarded by itself. */
  private final LinkedHashMap<String, Instant> recorded = new LinkedHashMap<>();

  /** One lock per id that some caller is working on; removed when nobody is. */
  private final ConcurrentHashMap<String, KeyLock> keyLocks = new ConcurrentHashMap<>();

  private InMemoryProcessedMessageLedger(Builder builder) {
    this.maxEntries = builder.maxEntries;
    this.retention = builder.retention;
    this.clock = builder.clock;
  }

  /**
   * Creates a ledger with the defaults of {@link Builder}.
   *
   * @return a new, empty ledger
   */
  public static InMemoryProcessedMessageLedger create() {
    return builder().build();
  }

  /**
   * Starts building a ledger.
   *
   * @return a builder with the defaults described on {@link Builder}
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean isProcessed(String messageId) {
    MessageIds.requireValid(messageId);
    synchronized (recorded) {
      Instant now = clock.instant();
      dropExpired(now);
      Instant at = recorded.get(messageId);
      return at != null && !isExpired(at, now);
    }
  }

  @Override
  public boolean markProcessed(String messageId) {
    MessageIds.requireValid(messageId);
    KeyLock lock = lock(messageId);
    try {
      return record(messageId);
    } finally {
      unlock(messageId, lock);
    }
  }

  @Override
  public boolean processOnce(String messageId, Runnable action) {
    MessageIds.requireValid(messageId);
    Objects.requireNonNull(action, "action");
    KeyLock lock = lock(messageId);
    try {
      if (isProcessed(messageId)) {
        return false;
      }
      action.run();
      record(messageId);
      return true;
    } finally {
      unlock(messageId, lock);
    }
  }

  /**
   * Returns how many ids are recorded now, counting none that have expired.
   *
   * @return the number of live records
   */
  public int size() {
    synchronized (recorded) {
      dropExpired(clock.instant());
      return recorded.size();
    }
  }

  /** Records the id; the caller holds its key lock. Returns false if it was already recorded. */
  private boolean record(String messageId) {
    synchronized (recorded) {
      Instant now = clock.instant();
      dropExpired(now);
      Instant at = recorded.get(messageId);
      if (at != null && !isExpired(at, now)) {
        return false;
      }
      // Remove first so that a re-recorded id moves to the young end of the eviction order.
      recorded.remove(messageId);
      recorded.put(messageId, now);
      if (recorded.size() > maxEntries) {
        Iterator<String> oldest = recorded.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
      return true;
    }
  }

  /** Drops expired records from the old end; the caller holds the monitor of {@code recorded}. */
  private void dropExpired(Instant now) {
    Iterator<Map.Entry<String, Instant>> it = recorded.entrySet().iterator();
    while (it.hasNext() && isExpired(it.next().getValue(), now)) {
      it.remove();
    }
  }

  private boolean isExpired(Instant recordedAt, Instant now) {
    // Measured as a duration so that a very long retention cannot overflow the Instant range.
    return Duration.between(recordedAt, now).compareTo(retention) >= 0;
  }

  private KeyLock lock(String messageId) {
    KeyLock lock =
        keyLocks.compute(
            messageId,
            (id, existing) -> {
              KeyLock l = existing == null ? new KeyLock() : existing;
              l.users++;
              return l;
            });
    lock.lock.lock();
    return lock;
  }

  private void unlock(String messageId, KeyLock lock) {
    lock.lock.unlock();
    keyLocks.computeIfPresent(messageId, (id, l) -> --l.users == 0 ? null : l);
  }

  /** A lock and the number of callers holding or awaiting it; the count changes only in compute. */
  private static final class KeyLock {
    final ReentrantLock lock = new ReentrantLock();
    int users;
  }

  /**
   * Builds an {@link InMemoryProcessedMessageLedger}. Defaults: 100,000 entries, a retention of 72
   * hours (the time Salesforce keeps Pub/Sub events, so a replay from the oldest stored event is
   * still recognised), and the UTC system clock.
   *
   * <p>Not thread-safe; use from one thread.
   */
  public static final class Builder {
    private int maxEntries = 100_000;
    // The 72 h Pub/Sub retention is unverified against Salesforce's documentation; this is an assumption.
    private Duration retention = Duration.ofHours(72);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets how many ids are kept at most; beyond that the oldest recorded is dropped.
     *
     * @param maxEntries at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code maxEntries} is less than 1
     */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 1) {
        throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /**
     * Sets how long an id is remembered after it was recorded.
     *
     * @param retention a positive duration
     * @return this builder
     * @throws NullPointerException if {@code retention} is null
     * @throws IllegalArgumentException if {@code retention} is zero or negative
     */
    public Builder retention(Duration retention) {
      Objects.requireNonNull(retention, "retention");
      if (retention.isZero() || retention.isNegative()) {
        throw new IllegalArgumentException("retention must be positive, got " + retention);
      }
      this.retention = retention;
      return this;
    }

    /**
     * Sets the clock that dates records, for tests.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the ledger.
     *
     * @return a new, empty ledger
     */
    public InMemoryProcessedMessageLedger build() {
      return new InMemoryProcessedMessageLedger(this);
    }
  }
}
