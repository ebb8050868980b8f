package dev.forcelink.examples.pubsub;

/**
 * Thrown by the first subscriber of {@link OpportunityToOrder} to stand for the process dying right
 * after an order was made and reported, before the event's replay id was stored: the worst moment,
 * since the event will be delivered again.
 */
final class SimulatedCrash extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SimulatedCrash(String message) {
    super(message);
  }
}
