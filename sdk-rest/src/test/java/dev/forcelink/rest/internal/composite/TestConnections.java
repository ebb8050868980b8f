package dev.forcelink.rest.internal.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.core.retry.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

/** Connections to a WireMock server and JSON helpers for the composite and collections tests. */
public final class TestConnections {
  private TestConnections() {}

  /** A connection with a fixed token whose instance URL is the WireMock server, and fast retries. */
  public static SalesforceConnection to(WireMockRuntimeInfo wm) {
    AccessToken token = AccessToken.builder()
        .value(Secret.of("00D000000000001!TEST-TOKEN"))
        .instanceUrl(URI.create(wm.getHttpBaseUrl()))
        .build();
    return SalesforceConnection.builder()
        .authProvider(CachingAuthProvider.of(() -> token))
        .retryPolicy(RetryPolicy.builder()
            .baseDelay(Duration.ofMillis(1))
            .throttledBaseDelay(Duration.ofMillis(2))
            .maxBackoff(Duration.ofMillis(10))
            .attemptTimeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofSeconds(20))
            .build())
        .build();
  }

  /** Parses JSON text exactly, for comparing request bodies as trees. */
  public static JsonNode json(String text) {
    try {
      return Wire.tree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body of a recorded request as a tree. */
  public static JsonNode body(LoggedRequest request) {
    return json(request.getBodyAsString());
  }
}
