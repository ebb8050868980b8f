package dev.forcelink.benchmarks.emulator;

import dev.forcelink.testkit.SalesforceEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The child-JVM half of {@link EmulatorProcess}: starts an emulator as {@link EmulatorSettings}
 * (given as {@code name=value} arguments) say, seeds its Accounts, prints one {@link ReadyLine},
 * then answers each command line read from standard input ({@link HostCommand}) until standard
 * input closes, which stops the emulator and this JVM. Standard output carries nothing else:
 * whatever else would be printed there goes to standard error. Not a public tool.
 */
public final class EmulatorHost {
  private static final int BAD_ARGUMENTS = 2;

  private EmulatorHost() {}

  /**
   * Runs the emulator until standard input closes.
   *
   * @param args the settings, as {@link EmulatorSettings} writes them
   * @throws IOException if standard input fails
   */
  public static void main(String[] args) throws IOException {
    PrintStream protocol = System.out;
    // Only protocol lines may reach the parent's reader; a stray print would be taken for an answer.
    System.setOut(System.err);
    EmulatorSettings settings;
    try {
      settings = EmulatorSettings.fromArguments(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("EmulatorHost: " + e.getMessage());
      System.exit(BAD_ARGUMENTS);
      return;
    }
    try (SalesforceEmulator emulator = settings.applyTo(SalesforceEmulator.builder()).start()) {
      if (settings.seededAccounts() > 0) {
        AccountSeeder.seed(emulator, settings.seededAccounts());
      }
      protocol.println(new ReadyLine(emulator.instanceUrl(), emulator.pubSubAddress(), emulator.orgId(),
          emulator.issueAccessToken()).format());
      protocol.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        protocol.println(HostCommand.answer(emulator, line));
        protocol.flush();
      }
    }
  }
}
