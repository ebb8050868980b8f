package dev.forcelink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.core.exception.DailyApiLimitExceededException;
import dev.forcelink.core.exception.NotFoundException;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import dev.forcelink.core.limits.ApiUsage;
import dev.forcelink.core.retry.RetryPolicy;
import dev.forcelink.testkit.RecordedRequest;
import dev.forcelink.testkit.RequestMatcher;
import dev.forcelink.testkit.SalesforceEmulator;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection's pipeline against the emulator: auth renewal, limits, retries, quota, correlation ids. */
class ConnectionEmulatorTest {
  private SalesforceEmulator org;
  private final AtomicInteger logins = new AtomicInteger();

  @BeforeEach
  void start() {
    org = SalesforceEmulator.builder().dailyApiRequests(1_000).enforceDailyApiLimit(true).start();
  }

  @AfterEach
  void stop() {
    org.close();
  }

  private SalesforceConnection connect() {
    return connect(RetryPolicy.defaults().toBuilder()
        .baseDelay(Duration.ofMillis(1))
        .throttledBaseDelay(Duration.ofMillis(1))
        .build());
  }

  private SalesforceConnection connect(RetryPolicy policy) {
    CachingAuthProvider auth = CachingAuthProvider.of(() -> {
      logins.incrementAndGet();
      return AccessToken.builder()
          .value(Secret.of(org.issueAccessToken()))
          .instanceUrl(URI.create(org.instanceUrl()))
          .build();
    });
    return SalesforceConnection.builder()
        .authProvider(auth)
        .retryPolicy(policy)
        .build();
  }

  private static SalesforceResponse<String> limits(SalesforceConnection connection) {
    return connection.sendForString(SalesforceRequest.builder()
        .get().path(ApiVersion.DEFAULT.dataPath() + "/limits").build());
  }

  @Test
  void anExpiredSessionIsRenewedOnceAndTheCallSucceeds() {
    try (SalesforceConnection connection = connect()) {
      assertThat(limits(connection).statusCode()).isEqualTo(200);
      org.expireAllTokens();

      assertThat(limits(connection).statusCode()).isEqualTo(200);
      assertThat(logins).hasValue(2);
    }
  }

  @Test
  void everyResponseUpdatesTheApiUsage() {
    try (SalesforceConnection connection = connect()) {
      limits(connection);
      ApiUsage first = connection.apiUsage().orElseThrow();
      limits(connection);
      ApiUsage second = connection.apiUsage().orElseThrow();

      assertThat(first.max()).isEqualTo(1_000);
      assertThat(second.used()).isEqualTo(first.used() + 1);
    }
  }

  @Test
  void transientFailuresAreRetriedWithTheSameCorrelationId() {
    org.faults().next(2, RequestMatcher.pathStartsWith("/services/data/")).respondError(503, "SERVER_UNAVAILABLE",
        "Server Unavailable");
    try (SalesforceConnection connection = connect()) {
      SalesforceResponse<String> response = limits(connection);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.attempts()).isEqualTo(3);
      assertThat(org.requests().list())
          .filteredOn(r -> r.path().endsWith("/limits"))
          .extracting(r -> r.header("X-SFDC-REQUEST-ID"))
          .containsOnly(response.correlationId())
          .hasSize(3);
      assertThat(response.requestId()).isPresent();
    }
  }

  @Test
  void aStalledBodyIsCutOffAtTheAttemptTimeoutAndTheRetryGetsTheWholeResponse() {
    // A stalled body from the emulator: the first answer sends its headers and a few bytes, then nothing for 30 s.
    org.faults().next(1, RequestMatcher.pathStartsWith("/services/data/")).stallBody(Duration.ofSeconds(30));
    RetryPolicy policy = RetryPolicy.defaults().toBuilder().baseDelay(Duration.ofMillis(1))
        .attemptTimeout(Duration.ofMillis(500)).build();
    try (SalesforceConnection connection = connect(policy)) {
      long start = System.nanoTime();
      SalesforceResponse<String> response = limits(connection);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("DailyApiRequests");
      assertThat(response.attempts()).isEqualTo(2);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(10));
      assertThat(org.requests().list()).filteredOn(r -> r.path().endsWith("/limits"))
          .extracting(r -> r.fault().orElse("")).first().asString().contains("stall body");
    }
  }

  @Test
  void theDailyQuotaFailsAtOnceWithTheUsage() {
    org.faults().next(1, RequestMatcher.pathStartsWith("/services/data/")).respondError(403,
        "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    try (SalesforceConnection connection = connect()) {
      assertThatThrownBy(() -> limits(connection))
          .isInstanceOf(DailyApiLimitExceededException.class)
          .hasMessageContaining("TotalRequests");
      assertThat(org.requests().countOf("GET", ApiVersion.DEFAULT.dataPath() + "/limits")).isEqualTo(1);
    }
  }

  @Test
  void anUnknownResourceIsATypedNotFound() {
    try (SalesforceConnection connection = connect()) {
      assertThatThrownBy(() -> connection.sendForString(SalesforceRequest.builder()
              .get().path(ApiVersion.DEFAULT.dataPath() + "/no-such-resource").build()))
          .isInstanceOf(NotFoundException.class)
          .satisfies(e -> assertThat(((NotFoundException) e).requestId()).isPresent());
    }
  }

  @Test
  void versionsAreNegotiatedAgainstTheOrg() {
    try (SalesforceConnection connection = connect()) {
      assertThat(ApiVersions.list(connection)).first().isEqualTo(ApiVersion.parse("31.0"));
      assertThat(ApiVersions.negotiate(connection)).isEqualTo(ApiVersion.DEFAULT);
    }
  }

  @Test
  void theJournalNeverSeesTheToken() {
    try (SalesforceConnection connection = connect()) {
      limits(connection);
    }
    assertThat(org.requests().list()).extracting(r -> r.header("Authorization"))
        .containsOnly(RecordedRequest.REDACTED);
  }
}
