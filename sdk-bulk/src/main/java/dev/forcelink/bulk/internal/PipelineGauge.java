package dev.forcelink.bulk.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the bulk pipelines hold at once (rows in memory, spooled jobs, downloaded pages) and
 * remembers the highest count, so that tests can prove memory stays bounded by counting instead of
 * timing the heap. Thread-safe.
 */
public final class PipelineGauge {
  /** What is counted. */
  public enum Kind {
    /** Input rows formatted but not yet written to a spool file. */
    ROWS_IN_MEMORY,
    /** Jobs spooled or running whose results are not yet collected. */
    JOBS_IN_FLIGHT,
    /** Result pages downloaded (on disk) and not yet consumed. */
    PAGES_HELD,
    /** Query records decoded but not yet handed to the caller. */
    RECORDS_IN_MEMORY
  }

  private final Map<Kind, AtomicLong> current = new EnumMap<>(Kind.class);
  private final Map<Kind, AtomicLong> peak = new EnumMap<>(Kind.class);

  /** Creates a gauge with every count at zero. */
  public PipelineGauge() {
    for (Kind k : Kind.values()) {
      current.put(k, new AtomicLong());
      peak.put(k, new AtomicLong());
    }
  }

  /**
   * Counts one more item.
   *
   * @param kind what
   */
  public void acquire(Kind kind) {
    long now = current.get(kind).incrementAndGet();
    peak.get(kind).accumulateAndGet(now, Math::max);
  }

  /**
   * Counts one item fewer.
   *
   * @param kind what
   */
  public void release(Kind kind) {
    current.get(kind).decrementAndGet();
  }

  /**
   * Returns the current count.
   *
   * @param kind what
   * @return the count
   */
  public long current(Kind kind) {
    return current.get(kind).get();
  }

  /**
   * Returns the highest count seen.
   *
   * @param kind what
   * @return the peak
   */
  public long peak(Kind kind) {
    return peak.get(kind).get();
  }
}
