package dev.forcelink.pubsub;

import java.util.List;

/**
 * Hands received events to the consumer off the gRPC thread, and tells the engine how many more it
 * can take. Implementations are thread-safe and never call the engine while holding their own lock.
 */
interface Dispatcher {

  /** Returns how many more events the consumer can take now (queued ones count against it). */
  int capacity();

  /** Queues an event; {@code seq} is its tracker sequence number. */
  void enqueue(PubSubEvent event, long seq);

  /** Drops the events not yet handed to the consumer and returns their sequence numbers. */
  List<Long> dropPending();

  /** Ends delivery: normally when {@code failure} is null, otherwise with the failure. */
  void terminate(Throwable failure);
}
