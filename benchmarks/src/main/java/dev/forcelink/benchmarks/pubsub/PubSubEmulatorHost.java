package dev.forcelink.benchmarks.pubsub;

import dev.forcelink.testkit.PubSubOptions;
import dev.forcelink.testkit.SalesforceEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Runs an emulator in its own JVM for the Pub/Sub benchmarks, so that its publishing, encoding and
 * delivery do not compete with the consumer under test inside the measuring JVM. Prints
 * {@code READY <instanceUrl> <pubSubAddress> <orgId> <accessToken>} on one line, then reads
 * commands from standard input until it closes, answering {@code OK} to each: {@code publish <n>}
 * publishes n order events, {@code delay <millis>} delays every Pub/Sub response, {@code clear}
 * removes the delay. Not a public tool: {@link BenchOrg#inChildJvm(int)} starts it.
 */
public final class PubSubEmulatorHost {
  private PubSubEmulatorHost() {}

  /**
   * Starts the emulator.
   *
   * @param args the most events kept per topic
   * @throws IOException if standard input fails
   */
  public static void main(String[] args) throws IOException {
    int maxEvents = Integer.parseInt(args[0]);
    try (SalesforceEmulator emulator = SalesforceEmulator.builder()
        .pubSub(PubSubOptions.builder().maxEventsPerTopic(maxEvents).build())
        .start()) {
      System.out.println("READY " + emulator.instanceUrl() + " " + emulator.pubSubAddress() + " "
          + emulator.orgId() + " " + emulator.issueAccessToken());
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] words = line.trim().split("\\s+");
        if (words.length == 2 && words[0].equals("publish")) {
          BenchOrg.publishOrders(emulator, Integer.parseInt(words[1]));
        } else if (words.length == 2 && words[0].equals("delay")) {
          emulator.pubSubFaults().delayResponses(Duration.ofMillis(Long.parseLong(words[1])));
        } else if (words.length == 1 && words[0].equals("clear")) {
          emulator.pubSubFaults().clear();
        } else {
          System.out.println("ERROR unknown command: " + line);
          System.out.flush();
          continue;
        }
        System.out.println("OK");
        System.out.flush();
      }
    }
  }
}
