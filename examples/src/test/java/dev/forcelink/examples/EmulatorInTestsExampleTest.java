package dev.forcelink.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.auth.ClientCredentialsAuth;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.exception.ConnectionException;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.testkit.EmulatorExtension;
import dev.forcelink.testkit.RequestMatcher;
import dev.forcelink.testkit.SalesforceEmulator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testing pattern docs/testkit.md shows: an emulator per test class, faults per test. */
// snippet: testkit-junit
class EmulatorInTestsExampleTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.builder().build();

  @Test
  void survivesAMaintenanceWindow(SalesforceEmulator org) {
    org.faults().next(2, RequestMatcher.pathStartsWith("/services/data/").method("GET"))
        .respondError(503, "SERVER_UNAVAILABLE", "Server Unavailable");

    try (SalesforceConnection connection = connect(org)) {
      String limits = connection.sendForString(SalesforceRequest.builder()
          .get().path("/services/data/v65.0/limits").build()).body();

      assertThat(limits).contains("DailyApiRequests");
      assertThat(org.requests().countOf("GET", "/services/data/v65.0/limits")).isEqualTo(3);
    }
  }

  @Test
  void neverReplaysACreateThatMayHaveReachedTheServer(SalesforceEmulator org) {
    org.faults().next(1, RequestMatcher.pathStartsWith("/services/data/").method("POST")).dropConnection();

    try (SalesforceConnection connection = connect(org)) {
      SalesforceRequest create = SalesforceRequest.builder()
          .post().path("/services/data/v65.0/sobjects/Account")
          .body("{\"Name\":\"Acme\"}".getBytes(StandardCharsets.UTF_8), "application/json")
          .build();

      assertThatThrownBy(() -> connection.sendForString(create)).isInstanceOf(ConnectionException.class);
      assertThat(org.requests().countOf("POST", "/services/data/v65.0/sobjects/Account")).isEqualTo(1);
    }
  }

  private static SalesforceConnection connect(SalesforceEmulator org) {
    return SalesforceConnection.builder()
        .authProvider(ClientCredentialsAuth.builder()
            .clientId(org.clientId())
            .clientSecret(Secret.of(org.clientSecret()))
            .myDomainUrl(URI.create(org.loginUrl()))
            .build())
        .build();
  }
}
// end snippet
