package dev.forcelink.pubsub;

import java.util.List;

/**
 * Hands received events to the consumer off the gRPC thread, and tells the engine how many more it
 * can take. Implementations are thread-safe and never call the engine while holding their own lock.
 */
interface Dispatcher {

  /** Returns how many more events the consumer can take now (queued ones count against it). */
  int capacity();

  /** Queues the events of one response, in order; each carries its tracker sequence number. */
  void enqueue(List<PubSubEvent> events);

  /** Drops the events not yet handed to the consumer and returns their sequence numbers. */
  List<Long> dropPending();

  /** Ends delivery: normally when {@code failure} is null, otherwise with the failure. */
  void terminate(Throwable failure);

  /**
   * Waits until no event is being handled, at most {@code timeout}; returns at once when called
   * from a handler (which would otherwise wait for itself). The default does not wait: consumers
   * that acknowledge on their own schedule (the Flow publisher) are not waited for.
   *
   * @return true if idle
   */
  default boolean awaitIdle(java.time.Duration timeout) {
    return true;
  }

  /**
   * Tells whether the calling thread is running the consumer's code, which close() must not block
   * on anything that may need that thread. The default is false.
   */
  default boolean isConsumerThread() {
    return false;
  }
}
