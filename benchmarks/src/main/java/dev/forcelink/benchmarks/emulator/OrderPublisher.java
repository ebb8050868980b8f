package dev.forcelink.benchmarks.emulator;

import dev.forcelink.testkit.SalesforceEmulator;
import java.util.Map;

/**
 * Publishes {@code Order_Event__e} platform events in an emulator, each about as large as a small
 * real one, for the Pub/Sub benchmarks to consume.
 *
 * <p>Thread-safe (stateless).
 */
public final class OrderPublisher {
  /** The platform event's API name. */
  public static final String EVENT = "Order_Event__e";
  /** The channel its events go to. */
  public static final String TOPIC = "/event/" + EVENT;

  private OrderPublisher() {}

  /**
   * Publishes {@code count} order events; the i-th has {@code Amount__c} 1,000 + i.
   *
   * @param emulator a running emulator in this JVM
   * @param count how many events
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public static void publish(SalesforceEmulator emulator, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("The number of order events must be 0 or more, got " + count);
    }
    for (int i = 0; i < count; i++) {
      emulator.publishPlatformEvent(EVENT, Map.of(
          "Opportunity_Id__c", "006000000000001AAA",
          "Amount__c", 1_000.0 + i,
          "Status__c", "Closed Won"));
    }
  }
}
