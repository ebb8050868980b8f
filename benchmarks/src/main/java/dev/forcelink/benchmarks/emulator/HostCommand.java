package dev.forcelink.benchmarks.emulator;

import dev.forcelink.testkit.SalesforceEmulator;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The commands {@link EmulatorProcess} sends to {@link EmulatorHost}, one line each: the command's
 * word, then its whole-number arguments, separated by spaces. The host answers every line with
 * {@value #OK} or {@code ERROR <why>} on one line.
 *
 * <p>Thread-safe (stateless).
 */
enum HostCommand {
  /** {@code publish-orders <count>}: publishes that many order platform events. */
  PUBLISH_ORDERS("publish-orders", 1) {
    @Override
    void apply(SalesforceEmulator emulator, long[] args) {
      OrderPublisher.publish(emulator, Math.toIntExact(args[0]));
    }
  },
  /** {@code delay-bulk-result-pages <pages> <millis>}: adds latency to the next Bulk result pages. */
  DELAY_BULK_RESULT_PAGES("delay-bulk-result-pages", 2) {
    @Override
    void apply(SalesforceEmulator emulator, long[] args) {
      emulator.bulkFaults().delayResultPages(Math.toIntExact(args[0]), Duration.ofMillis(args[1]));
    }
  },
  /** {@code delay-pubsub-responses <millis>}: delays every Pub/Sub response. */
  DELAY_PUBSUB_RESPONSES("delay-pubsub-responses", 1) {
    @Override
    void apply(SalesforceEmulator emulator, long[] args) {
      emulator.pubSubFaults().delayResponses(Duration.ofMillis(args[0]));
    }
  },
  /** {@code clear-pubsub-faults}: removes every scripted Pub/Sub fault, the response delay included. */
  CLEAR_PUBSUB_FAULTS("clear-pubsub-faults", 0) {
    @Override
    void apply(SalesforceEmulator emulator, long[] args) {
      emulator.pubSubFaults().clear();
    }
  };

  /** The answer to a command that was carried out. */
  static final String OK = "OK";
  /** The start of the answer to a command that failed; the reason follows on the same line. */
  static final String ERROR_PREFIX = "ERROR ";

  private final String word;
  private final int arity;

  HostCommand(String word, int arity) {
    this.word = word;
    this.arity = arity;
  }

  /**
   * Formats this command with its arguments.
   *
   * @param args exactly as many arguments as the command takes
   * @return the line to send, without a line break
   * @throws IllegalArgumentException if the number of arguments is wrong
   */
  String line(long... args) {
    if (args.length != arity) {
      throw new IllegalArgumentException(word + " takes " + arity + " arguments, got " + args.length);
    }
    return Arrays.stream(args).mapToObj(Long::toString)
        .collect(Collectors.joining(" ", word + (arity == 0 ? "" : " "), ""));
  }

  /**
   * Carries out one command line on {@code emulator}.
   *
   * @param emulator the running emulator
   * @param line a line as {@link #line(long...)} formats it
   * @return {@value #OK}, or {@code ERROR <why>} if the line is not a known command or the emulator
   *     refused it; never throws for a bad line
   */
  static String answer(SalesforceEmulator emulator, String line) {
    String[] words = line.trim().split("\\s+");
    HostCommand command = Arrays.stream(values()).filter(c -> c.word.equals(words[0])).findFirst().orElse(null);
    if (command == null) {
      return ERROR_PREFIX + "unknown command '" + words[0] + "'; known: "
          + Arrays.stream(values()).map(c -> c.word).collect(Collectors.joining(", "));
    }
    if (words.length - 1 != command.arity) {
      return ERROR_PREFIX + command.word + " takes " + command.arity + " arguments, got " + (words.length - 1);
    }
    long[] args = new long[command.arity];
    for (int i = 0; i < args.length; i++) {
      try {
        args[i] = Long.parseLong(words[i + 1]);
      } catch (NumberFormatException e) {
        return ERROR_PREFIX + command.word + " takes whole numbers, got '" + words[i + 1] + "'";
      }
    }
    try {
      command.apply(emulator, args);
      return OK;
    } catch (RuntimeException e) {
      return ERROR_PREFIX + command.word + " failed: " + oneLine(e);
    }
  }

  abstract void apply(SalesforceEmulator emulator, long[] args);

  private static String oneLine(RuntimeException e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return (e.getClass().getSimpleName() + message).replaceAll("\\s+", " ");
  }
}
