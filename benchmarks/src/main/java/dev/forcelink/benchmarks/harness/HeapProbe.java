package dev.forcelink.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Measures heap around one run: the peak of every heap pool since {@link #reset()} (which counts
 * garbage not yet collected, so it mostly shows how far the collector let the heap grow), and the
 * live heap, i.e. heap used right after a full collection, for passes that ask for it.
 *
 * <p>Not thread-safe; use from the thread that runs the measurement.
 */
public final class HeapProbe {
  private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP)
      .collect(Collectors.toList());

  /** Collects garbage and resets every heap pool's peak to its current usage. */
  public void reset() {
    System.gc();
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /**
   * Returns the sum of the heap pools' peaks since {@link #reset()}: an upper bound of the heap the
   * JVM held at any moment, garbage included.
   *
   * @return bytes
   */
  public long peakBytes() {
    return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  /**
   * Runs a full collection and returns the heap still used: what the program holds live now.
   *
   * @return bytes
   */
  public static long liveBytes() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * Formats bytes as MiB with one decimal.
   *
   * @param bytes a byte count
   * @return such as {@code "12.5 MiB"}
   */
  public static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
