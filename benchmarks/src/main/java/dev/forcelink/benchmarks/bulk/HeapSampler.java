package dev.forcelink.benchmarks.bulk;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the used heap every 5 ms on a daemon thread and keeps the peak of the current phase.
 * The idle baseline is the used heap after two full collections. Thread-safe.
 */
final class HeapSampler implements AutoCloseable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile long peak;
  private volatile boolean running = true;

  HeapSampler() {
    thread = new Thread(() -> {
      while (running) {
        long used = memory.getHeapMemoryUsage().getUsed();
        if (used > peak) {
          peak = used;
        }
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /** @return the used heap after two full collections, in bytes */
  long idleBaseline() {
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Starts a new phase: forgets the peak. */
  void resetPeak() {
    peak = memory.getHeapMemoryUsage().getUsed();
  }

  /** @return the highest used heap seen since {@link #resetPeak()}, in bytes */
  long peak() {
    return peak;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
