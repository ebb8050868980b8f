package dev.forcelink.examples.pubsub;

import java.time.Duration;

/**
 * Counts what the order subscribers of {@link OpportunityToOrder} did, across their restarts in one
 * JVM, so the example can wait for the end and report. Instrumentation only: nothing in it takes part
 * in the exactly-once guarantee, which comes from the ledger and the replay store.
 *
 * <p>Thread-safe.
 */
final class OrderProgress {
  private int deliveries;
  private int synced;

  /** Counts an event handed to a subscriber's handler, a redelivery included. */
  synchronized void delivered() {
    deliveries++;
  }

  /** Counts an order created in the ERP and upserted back to Salesforce. */
  synchronized void synced() {
    synced++;
    notifyAll();
  }

  synchronized int deliveries() {
    return deliveries;
  }

  synchronized int syncedOrders() {
    return synced;
  }

  /**
   * Waits until {@code count} orders are synced.
   *
   * @param count the orders to wait for
   * @param timeout the longest wait
   * @throws IllegalStateException if fewer are synced when the time is up
   * @throws InterruptedException if interrupted while waiting
   */
  synchronized void awaitSynced(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (synced < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("Only " + synced + " of " + count + " orders were synced within " + timeout
            + "; the subscription lost events or stalled");
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
