package dev.forcelink.benchmarks.pubsub;

import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.pubsub.ReplayFrom;
import dev.forcelink.pubsub.SubscribeOptions;
import dev.forcelink.pubsub.Subscription;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Delivery latency through {@code PubSubClient} at a moderate, steady rate: from the moment an event
 * is published in the emulator to the moment the client's handler starts on it. Each event carries
 * its publish time ({@code System.nanoTime()}, same JVM) in {@code Status__c}. The first events
 * warm up the path and are not counted; percentiles are over the rest.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.forcelink.benchmarks.pubsub.DeliveryLatency [eventsPerSecond=500] [seconds=20]
 * [warmUpEvents=2000]}.
 */
public final class DeliveryLatency {
  private DeliveryLatency() {}

  /**
   * Runs the benchmark and prints the percentiles.
   *
   * @param args optionally the rate, the measured seconds and the warm-up events
   * @throws Exception if the run fails
   */
  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    int measured = rate * seconds;
    int total = warmUp + measured;
    System.out.println("Machine: " + Machine.describe());
    long[] latencies = new long[total];
    CountDownLatch received = new CountDownLatch(total);
    try (BenchOrg org = new BenchOrg(total);
        PubSubClient client = org.newClient()) {
      client.getSchema(client.getTopic(BenchOrg.ORDER_TOPIC).schemaId());
      // EARLIEST on an empty topic: nothing is missed while the stream opens, and nothing old is replayed.
      SubscribeOptions options = SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()).build();
      try (Subscription subscription = client.subscribe(BenchOrg.ORDER_TOPIC, options, event -> {
        long now = System.nanoTime();
        Map<String, Object> values = event.asMap();
        int index = ((Number) values.get("Amount__c")).intValue();
        latencies[index] = now - Long.parseLong((String) values.get("Status__c"));
        received.countDown();
      })) {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (int i = 0; i < total; i++) {
          LockSupport.parkNanos(next - System.nanoTime());
          org.emulator().publishPlatformEvent("Order_Event__e", Map.of(
              "Opportunity_Id__c", "006000000000001AAA",
              "Amount__c", (double) i,
              "Status__c", Long.toString(System.nanoTime())));
          next += interval;
        }
        if (!received.await(2, TimeUnit.MINUTES)) {
          throw new IllegalStateException("Only " + (total - received.getCount()) + " of " + total
              + " events arrived; " + subscription);
        }
      }
    }
    long[] sorted = Arrays.copyOfRange(latencies, warmUp, total);
    Arrays.sort(sorted);
    System.out.printf("%,d events at %,d/s after %,d warm-up events: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
        + "p99.9 %.2f ms, max %.2f ms%n", measured, rate, warmUp, ms(sorted, 0.50), ms(sorted, 0.90),
        ms(sorted, 0.99), ms(sorted, 0.999), sorted[sorted.length - 1] / 1e6);
  }

  private static double ms(long[] sorted, double quantile) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }
}
