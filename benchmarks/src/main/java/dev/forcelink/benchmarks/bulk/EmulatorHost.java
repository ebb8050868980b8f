package dev.forcelink.benchmarks.bulk;

import dev.forcelink.testkit.SalesforceEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Runs an emulator in its own JVM for the Bulk benchmarks, so that the benchmark JVM's heap holds
 * the client alone (the emulator keeps every loaded record in memory). Prints
 * {@code READY <instanceUrl> <accessToken>} on one line, then reads commands from standard input
 * until it closes: {@code delay <pages> <millis>} adds latency to the next result pages and answers
 * {@code OK}. Not a public tool: {@link EmulatorProcess} starts it.
 */
public final class EmulatorHost {
  private EmulatorHost() {}

  /**
   * Starts the emulator.
   *
   * @param args the record capacity and the Bulk result page size
   * @throws IOException if standard input fails
   */
  public static void main(String[] args) throws IOException {
    int maxRecords = Integer.parseInt(args[0]);
    int pageSize = Integer.parseInt(args[1]);
    try (SalesforceEmulator emulator = SalesforceEmulator.builder()
        .maxRecords(maxRecords)
        .bulkResultPageSize(pageSize)
        .journalCapacity(1_000)
        .start()) {
      System.out.println("READY " + emulator.instanceUrl() + " " + emulator.issueAccessToken());
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] words = line.trim().split("\\s+");
        if (words.length == 3 && words[0].equals("delay")) {
          emulator.bulkFaults().delayResultPages(Integer.parseInt(words[1]), Duration.ofMillis(Long.parseLong(words[2])));
          System.out.println("OK");
        } else {
          System.out.println("ERROR unknown command: " + line);
        }
        System.out.flush();
      }
    }
  }
}
