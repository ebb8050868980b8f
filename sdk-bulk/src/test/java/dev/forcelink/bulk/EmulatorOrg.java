package dev.forcelink.bulk;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.core.retry.RetryPolicy;
import dev.forcelink.testkit.SalesforceEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An emulated org for end-to-end tests of the Bulk client: the emulator, a connection to it with fast
 * retries, clients that poll every few milliseconds, and a plain REST reader to check what landed in
 * the org without going through the client under test.
 */
final class EmulatorOrg implements AutoCloseable {
  final SalesforceEmulator emulator;
  final SalesforceConnection connection;
  private final HttpClient http = HttpClient.newHttpClient();

  private EmulatorOrg(SalesforceEmulator emulator) {
    this.emulator = emulator;
    this.connection = connect(emulator);
  }

  static EmulatorOrg start() {
    return start(b -> { });
  }

  static EmulatorOrg start(Consumer<SalesforceEmulator.Builder> configure) {
    SalesforceEmulator.Builder b = SalesforceEmulator.builder();
    configure.accept(b);
    return new EmulatorOrg(b.start());
  }

  /** A new connection to the same org, as another process would open. */
  static SalesforceConnection connect(SalesforceEmulator emulator) {
    CachingAuthProvider auth = CachingAuthProvider.of(() -> AccessToken.builder()
        .value(Secret.of(emulator.issueAccessToken()))
        .instanceUrl(URI.create(emulator.instanceUrl()))
        .build());
    return SalesforceConnection.builder()
        .authProvider(auth)
        .retryPolicy(RetryPolicy.builder()
            .maxAttempts(3)
            .baseDelay(Duration.ofMillis(1))
            .throttledBaseDelay(Duration.ofMillis(2))
            .maxBackoff(Duration.ofMillis(10))
            .attemptTimeout(Duration.ofSeconds(20))
            .callTimeout(Duration.ofSeconds(60))
            .build())
        .build();
  }

  /** A client that polls every 5 ms and waits at most 30 s for query results. */
  BulkClient.Builder client(Path tempDir) {
    return client(connection, tempDir);
  }

  static BulkClient.Builder client(SalesforceConnection connection, Path tempDir) {
    return BulkClient.builder(connection)
        .tempDirectory(tempDir)
        .pollBackoff(PollBackoff.of(Duration.ofMillis(5), Duration.ofMillis(5), 1.0))
        .resultWait(Duration.ofSeconds(30));
  }

  /**
   * Runs a SOQL query through the emulator's REST API (not the Bulk client) and returns the raw JSON.
   *
   * @param soql the query
   * @return the response body
   */
  String restQuery(String soql) {
    String url = emulator.instanceUrl() + dev.forcelink.core.ApiVersion.DEFAULT.dataPath() + "/query?q=" + java.net.URLEncoder.encode(soql, StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + emulator.issueAccessToken()).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("REST query failed with " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Counts records through the REST API.
   *
   * @param soqlCount a {@code SELECT COUNT() FROM …} query
   * @return the total size
   */
  long restCount(String soqlCount) {
    String body = restQuery(soqlCount);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"totalSize\"\\s*:\\s*(\\d+)").matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("No totalSize in " + body);
    }
    return Long.parseLong(m.group(1));
  }

  /**
   * Inserts records through Bulk and returns their ids in input order.
   *
   * @param bulk the client
   * @param object the object
   * @param rows the rows
   * @return the ids, by input row
   */
  static List<String> insert(BulkClient bulk, String object, List<Map<String, Object>> rows) {
    try (LoadResult load = bulk.loadAndWait(IngestRequest.builder(object, IngestOperation.INSERT).build(),
        RowSource.ofMaps(rows))) {
      if (!load.summary().allSucceeded()) {
        throw new IllegalStateException("Seeding " + object + " failed: " + load.summary());
      }
      String[] ids = new String[rows.size()];
      try (java.util.stream.Stream<RowResult> s = load.results()) {
        s.forEach(r -> ids[(int) r.rowNumber().getAsLong() - 1] = r.id().orElseThrow());
      }
      return List.of(ids);
    }
  }

  @Override
  public void close() {
    connection.close();
    emulator.close();
  }
}
