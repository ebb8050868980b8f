package dev.forcelink.benchmarks.bulk;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap during a phase in two ways: the highest used heap sampled every 5 ms (garbage
 * included, so with a small heap it approaches the maximum by design) and the highest heap still in
 * use right after a garbage collection (what the program really holds). The idle baseline is the
 * used heap after two full collections. Thread-safe.
 */
final class HeapSampler implements AutoCloseable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Set<String> heapPools = new HashSet<>();
  private final Thread thread;
  private final NotificationListener listener = this::onGc;
  private volatile long peak;
  private volatile long peakAfterGc;
  private volatile boolean running = true;

  HeapSampler() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
    }
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

  private void onGc(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    synchronized (this) {
      if (used > peakAfterGc) {
        peakAfterGc = used;
      }
    }
  }

  /** @return the used heap after two full collections, in bytes */
  long idleBaseline() {
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Starts a new phase: forgets both peaks. */
  synchronized void resetPeak() {
    peak = memory.getHeapMemoryUsage().getUsed();
    peakAfterGc = 0;
  }

  /** @return the highest used heap sampled since {@link #resetPeak()}, garbage included, in bytes */
  long peak() {
    return peak;
  }

  /** @return the highest heap in use after a collection since {@link #resetPeak()}, in bytes */
  long peakAfterGc() {
    return peakAfterGc;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      try {
        ((NotificationEmitter) gc).removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // Already gone.
      }
    }
  }
}
