package dev.forcelink.benchmarks.emulator;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * An emulator running in a child JVM ({@link EmulatorHost}) on this JVM's class path, so that the
 * measured JVM's heap, allocation and CPU profiles hold the client alone. {@link #start} waits until
 * the child serves; the accessors give everything needed to reach it; the other methods send it one
 * command each and return once it answered {@code OK}. Closing it closes the child's standard input,
 * which stops the child, waits up to 20 seconds, then destroys it if it is still running.
 *
 * <p>Thread-safe: commands from several threads are sent one at a time.
 */
public final class EmulatorProcess implements AutoCloseable {
  private static final Duration STOP_WAIT = Duration.ofSeconds(20);
  private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

  private final Process process;
  private final BufferedReader out;
  private final Writer in;
  private final ReadyLine ready;
  private boolean closed;

  private EmulatorProcess(Process process, BufferedReader out, ReadyLine ready) {
    this.process = process;
    this.out = out;
    this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.ready = ready;
  }

  /**
   * Starts the child JVM, lets it seed its Accounts and waits until it serves (seeding hundreds of
   * thousands of Accounts takes seconds).
   *
   * @param settings the child's heap and GC options and the emulator's settings
   * @return the running emulator
   * @throws UncheckedIOException if the child cannot be launched or its output cannot be read
   * @throws IllegalStateException if the child exits before it is ready (its standard error, shown
   *     in this JVM's, says why)
   */
  public static EmulatorProcess start(EmulatorSettings settings) {
    Objects.requireNonNull(settings, "settings");
    Process process;
    try {
      process = new ProcessBuilder(command(settings)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot launch the emulator process with " + settings + ": " + e.getMessage(), e);
    }
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        ReadyLine ready = ReadyLine.parse(line).orElse(null);
        if (ready != null) {
          return new EmulatorProcess(process, out, ready);
        }
        relay(line);
      }
    } catch (IOException e) {
      process.destroyForcibly();
      throw new UncheckedIOException("Cannot read the emulator process's output: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
    IllegalStateException failure = ended(process, "before it was ready, started with " + settings, null);
    process.destroyForcibly();
    throw failure;
  }

  /** @return the emulator's {@code http://127.0.0.1:port} */
  public String instanceUrl() {
    return ready.instanceUrl();
  }

  /** @return a valid access token for the emulated org's user; never log it */
  public String accessToken() {
    return ready.accessToken();
  }

  /** @return {@code host:port} of the emulator's plaintext Pub/Sub gRPC service */
  public String pubSubAddress() {
    return ready.pubSubAddress();
  }

  /** @return the emulated org's id */
  public String orgId() {
    return ready.orgId();
  }

  /**
   * Publishes {@code count} order events in the child ({@link OrderPublisher}).
   *
   * @param count how many events
   * @throws IllegalArgumentException if {@code count} is negative
   * @throws IllegalStateException if the child refuses the command, has ended, or this is closed
   */
  public void publishOrders(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("The number of order events must be 0 or more, got " + count);
    }
    send(HostCommand.PUBLISH_ORDERS.line(count));
  }

  /**
   * Adds {@code latency} to each of the next {@code pages} Bulk API result page downloads.
   *
   * @param pages how many downloads to delay
   * @param latency the latency added to each, in whole milliseconds
   * @throws IllegalStateException if the child refuses the command, has ended, or this is closed
   */
  public void delayBulkResultPages(int pages, Duration latency) {
    send(HostCommand.DELAY_BULK_RESULT_PAGES.line(pages, latency.toMillis()));
  }

  /**
   * Delays every Pub/Sub response of the emulator by {@code delay} until {@link #clearPubSubFaults()}.
   *
   * @param delay the delay, in whole milliseconds
   * @throws IllegalStateException if the child refuses the command, has ended, or this is closed
   */
  public void delayPubSubResponses(Duration delay) {
    send(HostCommand.DELAY_PUBSUB_RESPONSES.line(delay.toMillis()));
  }

  /**
   * Removes every scripted Pub/Sub fault, the response delay included.
   *
   * @throws IllegalStateException if the child refuses the command, has ended, or this is closed
   */
  public void clearPubSubFaults() {
    send(HostCommand.CLEAR_PUBSUB_FAULTS.line());
  }

  /**
   * Closes the child's standard input, waits up to 20 seconds for it to stop, then destroys it.
   * Calling it again does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      in.close();
    } catch (IOException e) {
      // the child has already gone; waiting below returns at once
    }
    try {
      if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        System.err.printf("The emulator process (pid %d) did not stop within %d s of its input closing;"
            + " destroying it%n", process.pid(), STOP_WAIT.toSeconds());
        process.destroyForcibly().waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private synchronized void send(String line) {
    if (closed) {
      throw new IllegalStateException("The emulator process is closed; cannot send '" + line + "'");
    }
    String answer;
    try {
      in.write(line);
      in.write('\n');
      in.flush();
      answer = nextAnswer();
    } catch (IOException e) {
      throw ended(process, "while handling '" + line + "'", e);
    }
    if (answer == null) {
      throw ended(process, "before answering '" + line + "'", null);
    }
    if (answer.startsWith(HostCommand.ERROR_PREFIX)) {
      throw new IllegalStateException("The emulator process refused '" + line + "': "
          + answer.substring(HostCommand.ERROR_PREFIX.length()));
    }
  }

  /** Reads up to the next answer, passing on any other line (such as JVM logging) to standard error. */
  private String nextAnswer() throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.equals(HostCommand.OK) || line.startsWith(HostCommand.ERROR_PREFIX)) {
        return line;
      }
      relay(line);
    }
    return null;
  }

  private static void relay(String line) {
    System.err.println("[emulator process] " + line);
  }

  private static IllegalStateException ended(Process process, String when, IOException cause) {
    String how;
    try {
      how = process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)
          ? "exited with code " + process.exitValue()
          : "closed its output but is still running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      how = "stopped talking";
    }
    return new IllegalStateException("The emulator process (pid " + process.pid() + ") " + how + " " + when
        + "; its standard error, shown above, says why", cause);
  }

  private static List<String> command(EmulatorSettings settings) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(settings.jvmOptions());
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EmulatorHost.class.getName());
    command.addAll(settings.toArguments());
    return command;
  }
}
