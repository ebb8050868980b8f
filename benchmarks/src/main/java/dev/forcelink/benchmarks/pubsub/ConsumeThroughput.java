package dev.forcelink.benchmarks.pubsub;

import dev.forcelink.pubsub.PubSubClient;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Events per second consuming one platform event stream from an emulator in a child JVM, in one run:
 *
 * <ol>
 *   <li>{@code PubSubClient} against the raw grpc-java + Avro loop ({@link RawSubscriber}, pipelined
 *       flow control) over the same {@code events} events, both in each round (which goes first
 *       alternates), after {@code warmups} unmeasured rounds; target: the client at least 0.7 of the
 *       raw loop, as the median of the per-round ratios (also printed: the ratio of the medians);
 *   <li>with 20 ms added before every server response, {@code PubSubClient} against stop-and-wait
 *       flow control (5 events per request, the next request only when none are outstanding);
 *       target: the client at least 10 times faster.
 * </ol>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.forcelink.benchmarks.pubsub.ConsumeThroughput [events=100000] [rounds=15]
 * [delayedEvents=2000] [warmups=3]}. Stop-and-wait at 20 ms per response moves about 250 events/s, so the
 * delayed comparison reads fewer events than the first.
 */
public final class ConsumeThroughput {
  private static final Duration ADDED_LATENCY = Duration.ofMillis(20);

  private ConsumeThroughput() {}

  /**
   * Runs the benchmark and prints each round and the ratios.
   *
   * @param args optionally the events per pass, the measured rounds and the events per delayed pass
   * @throws Exception if a pass fails
   */
  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int delayedEvents = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    System.out.println("Machine: " + Machine.describe());
    try (BenchOrg org = BenchOrg.inChildJvm(Math.max(events, delayedEvents));
        PubSubClient client = org.newClient()) {
      org.publishOrders(Math.max(events, delayedEvents));
      ManagedChannel channel = org.newRawChannel();
      try {
        compareWithRaw(org, client, channel, events, rounds, warmups);
        compareWithStopAndWait(org, client, channel, delayedEvents);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static void compareWithRaw(BenchOrg org, PubSubClient client, ManagedChannel channel, int events,
      int rounds, int warmups) throws Exception {
    System.out.printf("%nConsuming %,d events, %d rounds after %d warm-up rounds; the order within a round"
        + " alternates%n", events, rounds, warmups);
    List<Double> raw = new ArrayList<>();
    List<Double> forcelink = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (int round = 1 - warmups; round <= rounds; round++) {
      double r;
      double c;
      // Alternating which side goes first cancels any drift within a round (JIT, GC, the other JVM).
      if (round % 2 == 0) {
        r = rawPass(org, channel, events, RawSubscriber.FlowControl.PIPELINED);
        c = clientPass(client, events);
      } else {
        c = clientPass(client, events);
        r = rawPass(org, channel, events, RawSubscriber.FlowControl.PIPELINED);
      }
      String label = round <= 0 ? "warm-up" : "round " + round;
      System.out.printf("  %-8s raw grpc+avro %,10.0f ev/s   PubSubClient %,10.0f ev/s   ratio %.2f%n",
          label, r, c, c / r);
      if (round > 0) {
        raw.add(r);
        forcelink.add(c);
        ratios.add(c / r);
      }
    }
    System.out.printf("  median   raw grpc+avro %,10.0f ev/s   PubSubClient %,10.0f ev/s   ratio of medians %.2f,"
        + " median of round ratios %.2f (target >= 0.70)%n", median(raw), median(forcelink),
        median(forcelink) / median(raw), median(ratios));
  }

  private static void compareWithStopAndWait(BenchOrg org, PubSubClient client, ManagedChannel channel,
      int events) throws Exception {
    System.out.printf("%nConsuming %,d events with %d ms added before every response%n", events,
        ADDED_LATENCY.toMillis());
    org.delayResponses(ADDED_LATENCY);
    try {
      double stopAndWait = rawPass(org, channel, events, RawSubscriber.FlowControl.STOP_AND_WAIT);
      double forcelink = clientPass(client, events);
      System.out.printf("  stop-and-wait (5 per request) %,8.0f ev/s   PubSubClient %,8.0f ev/s   %.1fx"
          + " (target >= 10x)%n", stopAndWait, forcelink, forcelink / stopAndWait);
    } finally {
      org.clearFaults();
    }
  }

  private static double rawPass(BenchOrg org, ManagedChannel channel, int events, RawSubscriber.FlowControl flow)
      throws Exception {
    RawSubscriber subscriber = new RawSubscriber(org.rawStub(channel), org.rawBlockingStub(channel),
        BenchOrg.ORDER_TOPIC);
    long start = System.nanoTime();
    subscriber.consume(BenchOrg.ORDER_TOPIC, events, flow).get(30, TimeUnit.MINUTES);
    return events / seconds(start);
  }

  private static double clientPass(PubSubClient client, int events) throws Exception {
    ClientSubscriber subscriber = new ClientSubscriber(client, BenchOrg.ORDER_TOPIC);
    long start = System.nanoTime();
    subscriber.consume(BenchOrg.ORDER_TOPIC, events);
    return events / seconds(start);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
