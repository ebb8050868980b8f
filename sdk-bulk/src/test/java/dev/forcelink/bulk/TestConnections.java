package dev.forcelink.bulk;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.core.retry.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Connections and clients for tests: fast retries, no real waiting between polls. */
final class TestConnections {
  private TestConnections() {}

  static SalesforceConnection connection(String baseUrl) {
    return connection(baseUrl, dev.forcelink.core.ApiVersion.DEFAULT);
  }

  static SalesforceConnection connection(String baseUrl, dev.forcelink.core.ApiVersion version) {
    AccessToken token = AccessToken.builder().value(Secret.of("00Dtest!token"))
        .instanceUrl(URI.create(baseUrl)).build();
    return SalesforceConnection.builder()
        .authProvider(CachingAuthProvider.of(() -> token))
        .apiVersion(version)
        .retryPolicy(RetryPolicy.builder()
            .maxAttempts(3)
            .baseDelay(Duration.ofMillis(1))
            .throttledBaseDelay(Duration.ofMillis(2))
            .maxBackoff(Duration.ofMillis(10))
            .attemptTimeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofSeconds(20))
            .build())
        .build();
  }

  /** A client that polls every millisecond without sleeping. */
  static BulkClient.Builder client(SalesforceConnection connection, Path tempDir) {
    return BulkClient.builder(connection)
        .tempDirectory(tempDir)
        .pollBackoff(PollBackoff.of(Duration.ofMillis(1), Duration.ofMillis(1), 1.0))
        .resultWait(Duration.ofSeconds(5));
  }
}
