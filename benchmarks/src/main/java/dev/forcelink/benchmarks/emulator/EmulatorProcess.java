package dev.forcelink.benchmarks.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An emulator running in a child JVM ({@link SeededEmulatorMain}) on the benchmark's own class
 * path, so the measured JVM's heap, allocation and CPU profiles hold the client alone. Closing it
 * closes the child's standard input, which stops it.
 *
 * <p>Not thread-safe; the accessors may be read from any thread once {@link #start} returned.
 */
public final class EmulatorProcess implements AutoCloseable {
  private final Process process;
  private final String instanceUrl;
  private final String accessToken;

  private EmulatorProcess(Process process, String instanceUrl, String accessToken) {
    this.process = process;
    this.instanceUrl = instanceUrl;
    this.accessToken = accessToken;
  }

  /**
   * Starts the child, seeds {@code accounts} Accounts and waits until it serves.
   *
   * @param accounts how many Accounts to seed
   * @param heap the child's {@code -Xmx} value, such as {@code "2g"}
   * @return the running emulator
   * @throws IllegalStateException if the child exits or prints no settings
   * @throws UncheckedIOException if it cannot be launched
   */
  public static EmulatorProcess start(int accounts, String heap) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + heap, "-XX:+UseParallelGC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
        SeededEmulatorMain.class.getName(), Integer.toString(accounts)));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot launch the emulator process: " + e.getMessage(), e);
    }
    String url = null;
    String token = null;
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.equals("READY")) {
        if (line.startsWith("INSTANCE_URL=")) {
          url = line.substring("INSTANCE_URL=".length());
        } else if (line.startsWith("ACCESS_TOKEN=")) {
          token = line.substring("ACCESS_TOKEN=".length());
        }
      }
    } catch (IOException e) {
      process.destroy();
      throw new UncheckedIOException("Cannot read the emulator process's settings: " + e.getMessage(), e);
    }
    if (url == null || token == null) {
      process.destroy();
      throw new IllegalStateException("The emulator process ended before printing its settings");
    }
    return new EmulatorProcess(process, url, token);
  }

  /** @return the emulator's {@code http://127.0.0.1:port} */
  public String instanceUrl() {
    return instanceUrl;
  }

  /** @return a valid access token for the emulator's user */
  public String accessToken() {
    return accessToken;
  }

  /** Stops the child and waits up to ten seconds for it. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
