package dev.forcelink.benchmarks.transport;

import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.testkit.SalesforceEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
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
 * A small authenticated GET ({@code /services/data/v65.0/limits}) against the embedded emulator,
 * through Forcelink's whole stack (token cache, correlation id, retry policy, limit parsing, error
 * routing, gzip) versus the same GET with a bare {@code java.net.http.HttpClient}. The ratio of the
 * two average times is the stack's overhead; the target is at most 1.1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class SmallGetBenchmark {
  private SalesforceEmulator emulator;
  private SalesforceConnection connection;
  private HttpClient raw;
  private HttpRequest rawRequest;
  private SalesforceRequest request;

  /** Starts the emulator and both clients. */
  @Setup(Level.Trial)
  public void setUp() {
    emulator = SalesforceEmulator.start();
    String token = emulator.issueAccessToken();
    URI instance = URI.create(emulator.instanceUrl());
    connection = SalesforceConnection.builder()
        .authProvider(CachingAuthProvider.of(() ->
            AccessToken.builder().value(Secret.of(token)).instanceUrl(instance).build()))
        .build();
    request = SalesforceRequest.builder().get().path(ApiVersion.DEFAULT.dataPath() + "/limits").build();
    raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    rawRequest = HttpRequest.newBuilder(instance.resolve(ApiVersion.DEFAULT.dataPath() + "/limits"))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .GET()
        .build();
  }

  /** Stops everything. */
  @TearDown(Level.Trial)
  public void tearDown() {
    connection.close();
    emulator.close();
  }

  /**
   * The baseline: a bare {@code HttpClient} GET.
   *
   * @return the body, so the JIT cannot drop the call
   * @throws IOException on a transport failure
   * @throws InterruptedException if interrupted
   */
  @Benchmark
  public byte[] rawJavaNetHttp() throws IOException, InterruptedException {
    HttpResponse<byte[]> response = raw.send(rawRequest, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("status " + response.statusCode());
    }
    return response.body();
  }

  /**
   * The same GET through {@link SalesforceConnection}.
   *
   * @return the body
   */
  @Benchmark
  public byte[] forcelinkConnection() {
    return connection.sendForBytes(request).body();
  }
}
