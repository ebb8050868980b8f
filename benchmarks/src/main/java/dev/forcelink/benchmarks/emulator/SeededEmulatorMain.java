package dev.forcelink.benchmarks.emulator;

import dev.forcelink.testkit.SalesforceEmulator;
import java.io.IOException;
import java.io.InputStream;

/**
 * Runs an emulator in its own process for a benchmark: {@code SeededEmulatorMain [accounts]} starts
 * it, seeds that many Accounts (default 0), prints {@code INSTANCE_URL=…}, {@code ACCESS_TOKEN=…}
 * and {@code READY}, and serves until its standard input closes (the parent ended), so that the
 * measured JVM holds only the client's memory and allocations.
 */
public final class SeededEmulatorMain {
  private SeededEmulatorMain() {}

  /**
   * Starts, seeds and serves until standard input ends.
   *
   * @param args optional number of Accounts to seed
   * @throws IOException if standard input fails
   */
  public static void main(String[] args) throws IOException {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    try (SalesforceEmulator emulator = SalesforceEmulator.builder()
        .maxRecords(Math.max(250_000, accounts + 10_000))
        .journalCapacity(100)
        .dailyApiRequests(100_000_000L)
        .start()) {
      AccountSeeder.seed(emulator, accounts);
      System.out.println("INSTANCE_URL=" + emulator.instanceUrl());
      System.out.println("ACCESS_TOKEN=" + emulator.issueAccessToken());
      System.out.println("READY");
      System.out.flush();
      InputStream in = System.in;
      byte[] buffer = new byte[256];
      while (in.read(buffer) >= 0) {
        // wait for the parent to close the pipe
      }
    }
  }
}
