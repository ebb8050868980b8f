package dev.forcelink.benchmarks.transport;

import dev.forcelink.benchmarks.emulator.EmulatorProcess;
import dev.forcelink.benchmarks.emulator.EmulatorSettings;
import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.core.http.SalesforceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A small authenticated GET ({@code /services/data/v65.0/limits}, about 2 KiB of JSON) against the
 * emulator, which runs in a child JVM so that {@code -prof gc} and {@code -prof stack} see the
 * client alone. Variants:
 * <ul>
 *   <li>{@code rawHttp11}: bare {@code HttpClient} on HTTP/1.1, no {@code Accept-Encoding}: the
 *       cheapest possible exchange (the emulator sends the body as is);
 *   <li>{@code rawHttp11Gzip}: the same plus {@code Accept-Encoding: gzip} and inflating the body,
 *       which is what Forcelink always asks for: the like-for-like baseline;
 *   <li>{@code rawH2cUpgradeGzip}: a bare client left at its default preference (HTTP/2), which on
 *       {@code http://} sends an {@code Upgrade: h2c} offer with every request;
 *   <li>{@code forcelinkConnection}: the whole stack (token cache, correlation id, retry policy,
 *       limit parsing, error routing, gzip) on the connection's own client;
 *   <li>{@code forcelinkHttp11Client}: the whole stack on a supplied HTTP/1.1 client.
 * </ul>
 * The ratio of {@code forcelinkConnection} to {@code rawHttp11Gzip} is the stack's overhead
 * (target at most 1.1).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class SmallGetBenchmark {
  private EmulatorProcess emulator;
  private SalesforceConnection connection;
  private SalesforceConnection connectionHttp11;
  private HttpClient rawHttp11;
  private HttpClient rawH2c;
  private HttpRequest plainRequest;
  private HttpRequest gzipRequest;
  private SalesforceRequest request;

  /** Starts the emulator process and every client. */
  @Setup(Level.Trial)
  public void setUp() {
    emulator = EmulatorProcess.start(EmulatorSettings.seededForRest(0, "512m"));
    String token = emulator.accessToken();
    URI instance = URI.create(emulator.instanceUrl());
    CachingAuthProvider auth = CachingAuthProvider.of(() ->
        AccessToken.builder().value(Secret.of(token)).instanceUrl(instance).build());
    connection = SalesforceConnection.builder().authProvider(auth).build();
    rawHttp11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    rawH2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    connectionHttp11 = SalesforceConnection.builder().authProvider(auth)
        .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()).build();
    String path = ApiVersion.DEFAULT.dataPath() + "/limits";
    request = SalesforceRequest.builder().get().path(path).build();
    plainRequest = HttpRequest.newBuilder(instance.resolve(path))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .GET()
        .build();
    gzipRequest = HttpRequest.newBuilder(plainRequest, (name, value) -> true)
        .header("Accept-Encoding", "gzip")
        .build();
  }

  /** Stops everything. */
  @TearDown(Level.Trial)
  public void tearDown() {
    connection.close();
    connectionHttp11.close();
    emulator.close();
  }

  /**
   * A bare HTTP/1.1 GET without compression.
   *
   * @return the body, so the JIT cannot drop the call
   * @throws IOException on a transport failure
   * @throws InterruptedException if interrupted
   */
  @Benchmark
  public byte[] rawHttp11() throws IOException, InterruptedException {
    HttpResponse<byte[]> response = rawHttp11.send(plainRequest, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("status " + response.statusCode());
    }
    return response.body();
  }

  /**
   * A bare HTTP/1.1 GET that accepts gzip and inflates the body.
   *
   * @return the body
   * @throws IOException on a transport failure
   * @throws InterruptedException if interrupted
   */
  @Benchmark
  public byte[] rawHttp11Gzip() throws IOException, InterruptedException {
    return sendGzip(rawHttp11);
  }

  /**
   * A bare GET that accepts gzip, on a client that prefers HTTP/2 (h2c upgrade offer on http).
   *
   * @return the body
   * @throws IOException on a transport failure
   * @throws InterruptedException if interrupted
   */
  @Benchmark
  public byte[] rawH2cUpgradeGzip() throws IOException, InterruptedException {
    return sendGzip(rawH2c);
  }

  /**
   * The same GET through {@link SalesforceConnection} and its own HTTP client.
   *
   * @return the body
   */
  @Benchmark
  public byte[] forcelinkConnection() {
    return connection.sendForBytes(request).body();
  }

  /**
   * The same GET through {@link SalesforceConnection} on a supplied HTTP/1.1 client.
   *
   * @return the body
   */
  @Benchmark
  public byte[] forcelinkHttp11Client() {
    return connectionHttp11.sendForBytes(request).body();
  }

  private byte[] sendGzip(HttpClient client) throws IOException, InterruptedException {
    HttpResponse<InputStream> response = client.send(gzipRequest, HttpResponse.BodyHandlers.ofInputStream());
    boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
    try (InputStream body = gzip ? new GZIPInputStream(response.body()) : response.body()) {
      byte[] bytes = body.readAllBytes();
      if (response.statusCode() != 200) {
        throw new IllegalStateException("status " + response.statusCode());
      }
      return bytes;
    }
  }
}
