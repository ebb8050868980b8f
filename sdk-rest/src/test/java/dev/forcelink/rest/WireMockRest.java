package dev.forcelink.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;

/** A WireMock server and a connection to it with a fast retry policy, for REST client tests. */
final class WireMockRest implements AutoCloseable {
  static final String DATA = "/services/data/v65.0";
  static final String ACCOUNT_ID = "001000000000001AAA";

  final WireMockServer server;
  final SalesforceConnection connection;
  final RestClient rest;

  WireMockRest() {
    this(RestClient::builder);
  }

  WireMockRest(java.util.function.Function<SalesforceConnection, RestClient.Builder> client) {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    String base = "http://localhost:" + server.port();
    connection = SalesforceConnection.builder()
        .authProvider(CachingAuthProvider.of(() -> AccessToken.builder()
            .value(Secret.of("00D000000000001!TEST-TOKEN")).instanceUrl(URI.create(base)).build()))
        .instanceUrl(URI.create(base))
        .retryPolicy(RetryPolicy.builder()
            .baseDelay(Duration.ofMillis(1)).throttledBaseDelay(Duration.ofMillis(2))
            .maxBackoff(Duration.ofMillis(10)).attemptTimeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofSeconds(20)).build())
        .build();
    rest = client.apply(connection).build();
  }

  @Override
  public void close() {
    rest.close();
    connection.close();
    server.stop();
  }
}
