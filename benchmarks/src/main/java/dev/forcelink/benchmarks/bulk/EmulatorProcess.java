package dev.forcelink.benchmarks.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EmulatorHost} in a child JVM on the same class path, with its own heap. Not thread-safe.
 */
final class EmulatorProcess implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;
  final String instanceUrl;
  final String accessToken;

  private EmulatorProcess(Process process) throws IOException {
    this.process = process;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    String line;
    do {
      line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("The emulator process ended before it was ready");
      }
    } while (!line.startsWith("READY "));
    String[] words = line.split(" ");
    this.instanceUrl = words[1];
    this.accessToken = words[2];
  }

  /**
   * Starts the child JVM.
   *
   * @param heap such as {@code 3g}
   * @param maxRecords the org's record capacity
   * @param pageSize records per Bulk result page
   */
  static EmulatorProcess start(String heap, int maxRecords, int pageSize) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx" + heap,
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), EmulatorHost.class.getName(),
        Integer.toString(maxRecords), Integer.toString(pageSize)));
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      return new EmulatorProcess(pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the emulator process", e);
    }
  }

  /** Adds {@code millis} of latency to each of the next {@code pages} result downloads. */
  void delayResultPages(int pages, long millis) {
    in.println("delay " + pages + " " + millis);
    try {
      String answer = out.readLine();
      if (!"OK".equals(answer)) {
        throw new IllegalStateException("The emulator process answered " + answer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    in.close();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
    }
  }
}
