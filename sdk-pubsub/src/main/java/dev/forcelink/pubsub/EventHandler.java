package dev.forcelink.pubsub;

/**
 * Handles one event of a subscription. Returning normally marks the event processed, which lets the
 * subscription store its replay id (or commit it, for a managed subscription). Throwing stops the
 * subscription with an {@link EventHandlerException} and leaves the event unprocessed, so it is
 * delivered again by the next subscription from the same position.
 *
 * <p>Called on the subscription's executor, never on a gRPC thread. With {@link
 * SubscribeOptions.Builder#concurrency(int)} above 1 the handler runs on several threads at once and
 * must be thread-safe.
 */
@FunctionalInterface
public interface EventHandler {

  /**
   * Handles the event.
   *
   * @param event the event
   * @throws Exception to stop the subscription without marking the event processed
   */
  void handle(PubSubEvent event) throws Exception;
}
