package dev.forcelink.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.forcelink.core.event.RetryScheduled;
import dev.forcelink.core.exception.ConcurrentRequestLimitExceededException;
import dev.forcelink.core.exception.DailyApiLimitExceededException;
import dev.forcelink.core.exception.RecordLockedException;
import dev.forcelink.core.exception.RequestTimeoutException;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.retry.RetryBudget;
import dev.forcelink.core.retry.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@WireMockTest
class RetryBehaviourTest {
  private static final String PATH = "/services/data/v65.0/query";
  private static final SalesforceRequest GET = SalesforceRequest.builder().get().path(PATH).build();

  private static void stubAlways(WireMockRuntimeInfo wm, int status, String body) {
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Sforce-Limit-Info", "api-usage=15000/15000")
        .withBody(body)));
  }

  private static void stubOnceThenOk(WireMockRuntimeInfo wm, int status, String body) {
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(status).withBody(body)).willSetStateTo("ok"));
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"done\":true}")));
  }

  @Test
  void a503StormIsBoundedByTheRetryBudgetWhichRefillsAfterwards(WireMockRuntimeInfo wm) {
    stubAlways(wm, 503, "[{\"message\":\"Server Unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]");
    RetryPolicy policy = Fixtures.fastPolicy().toBuilder().baseDelay(Duration.ZERO).build();
    int calls = 300;
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).retryPolicy(policy).build()) {
      for (int i = 0; i < calls; i++) {
        assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(SalesforceServiceException.class);
      }
      int attempts = wm.getWireMock().find(anyRequestedFor(urlPathEqualTo(PATH))).size();
      // 500 tokens / 5 per retry = exactly 100 retries, whatever the number of calls beyond 50.
      assertThat(attempts).isEqualTo(calls + 100);
      assertThat(attempts).isLessThanOrEqualTo((int) (1.1 * calls) + 100);

      wm.getWireMock().resetMappings();
      wm.getWireMock().register(any(urlPathEqualTo(PATH)).willReturn(okJson("{}")));
      for (int i = 0; i < 10; i++) {
        assertThat(c.sendForString(GET).statusCode()).isEqualTo(200);
      }
      // 10 successes refund 10 tokens: two retries' worth.
      wm.getWireMock().resetRequests();
      stubAlways(wm, 503, "[]");
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(SalesforceServiceException.class);
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(SalesforceServiceException.class);
      assertThat(wm.getWireMock().find(anyRequestedFor(urlPathEqualTo(PATH)))).hasSize(2 + 2);
    }
  }

  @Test
  void dailyQuotaFailsAfterOneRequestWithTheUsage(WireMockRuntimeInfo wm) {
    stubAlways(wm, 403, "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      assertThatThrownBy(() -> c.sendForString(GET))
          .isInstanceOfSatisfying(DailyApiLimitExceededException.class, e -> {
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.isDailyQuota()).isTrue();
            assertThat(e.apiUsage()).hasValueSatisfying(u -> {
              assertThat(u.used()).isEqualTo(15000);
              assertThat(u.max()).isEqualTo(15000);
            });
            assertThat(e.getMessage()).contains("REQUEST_LIMIT_EXCEEDED", "daily API allocation");
          });
    }
    wm.getWireMock().verifyThat(1, anyRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void concurrentRequestLimitIsRetriedWithTheThrottledBase(WireMockRuntimeInfo wm) {
    stubAlways(wm, 403, "[{\"message\":\"ConcurrentPerOrgLongTxn Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
    Fixtures.RecordingListener listener = new Fixtures.RecordingListener();
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).listener(listener).build()) {
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(ConcurrentRequestLimitExceededException.class);
    }
    wm.getWireMock().verifyThat(3, anyRequestedFor(urlPathEqualTo(PATH)));
    assertThat(listener.of(RetryScheduled.class)).extracting(RetryScheduled::delay)
        .containsExactly(Duration.ofMillis(4), Duration.ofMillis(8));
  }

  @Test
  void rowLockIsRetriedWithTheThrottledBaseAndOrdinaryFailuresWithTheBase(WireMockRuntimeInfo wm) {
    stubAlways(wm, 400, "[{\"message\":\"unable to obtain exclusive access to this record or 1 records: 001000000000001\","
        + "\"errorCode\":\"UNABLE_TO_LOCK_ROW\",\"fields\":[]}]");
    Fixtures.RecordingListener listener = new Fixtures.RecordingListener();
    RetryPolicy policy = Fixtures.fastPolicy().toBuilder().maxAttempts(4)
        .baseDelay(Duration.ofMillis(1)).throttledBaseDelay(Duration.ofMillis(3)).build();
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching())
        .retryPolicy(policy).listener(listener).build()) {
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOfSatisfying(RecordLockedException.class,
          e -> assertThat(e.isThrottling()).isTrue());
      assertThat(listener.of(RetryScheduled.class)).extracting(RetryScheduled::delay)
          .containsExactly(Duration.ofMillis(3), Duration.ofMillis(6), Duration.ofMillis(12));
      assertThat(listener.of(RetryScheduled.class)).extracting(RetryScheduled::reason)
          .allMatch(r -> r.equals("HTTP 400 UNABLE_TO_LOCK_ROW"));

      listener.events.clear();
      wm.getWireMock().resetMappings();
      stubAlways(wm, 503, "[]");
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(SalesforceServiceException.class);
      assertThat(listener.of(RetryScheduled.class)).extracting(RetryScheduled::delay)
          .containsExactly(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4));
    }
  }

  @Test
  void lockErrorInsideAnotherMessageIsThrottled(WireMockRuntimeInfo wm) {
    stubOnceThenOk(wm, 400, "[{\"message\":\"CANNOT_EXECUTE_FLOW_TRIGGER: UNABLE_TO_LOCK_ROW, unable to obtain"
        + " exclusive access\",\"errorCode\":\"CANNOT_EXECUTE_FLOW_TRIGGER\"}]");
    Fixtures.RecordingListener listener = new Fixtures.RecordingListener();
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).listener(listener).build()) {
      assertThat(c.sendForString(GET).attempts()).isEqualTo(2);
    }
    assertThat(listener.of(RetryScheduled.class)).extracting(RetryScheduled::delay).containsExactly(Duration.ofMillis(4));
  }

  @Test
  void theConfiguredAttemptCountIsWhatRuns(WireMockRuntimeInfo wm) {
    stubAlways(wm, 503, "[]");
    for (int max : new int[] {1, 2, 5}) {
      wm.getWireMock().resetRequests();
      RetryPolicy policy = Fixtures.fastPolicy().toBuilder().maxAttempts(max).build();
      try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).retryPolicy(policy).build()) {
        assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(SalesforceServiceException.class);
      }
      assertThat(wm.getWireMock().find(anyRequestedFor(urlPathEqualTo(PATH)))).as("maxAttempts=" + max).hasSize(max);
    }
  }

  @Test
  void noneMakesOneAttempt(WireMockRuntimeInfo wm) {
    stubAlways(wm, 503, "[]");
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching())
        .retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(SalesforceServiceException.class);
    }
    wm.getWireMock().verifyThat(1, anyRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void unknownExceptionIsRetriedAtMostOnceForIdempotentRequests(WireMockRuntimeInfo wm) {
    stubAlways(wm, 500, "[{\"message\":\"An unexpected error occurred.\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]");
    RetryPolicy policy = Fixtures.fastPolicy().toBuilder().maxAttempts(5).build();
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).retryPolicy(policy).build()) {
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(SalesforceServiceException.class);
      wm.getWireMock().verifyThat(2, anyRequestedFor(urlPathEqualTo(PATH)));
      wm.getWireMock().resetRequests();
      assertThatThrownBy(() -> c.sendForString(SalesforceRequest.builder().post().path(PATH)
          .body(new byte[] {'{', '}'}, "application/json").build())).isInstanceOf(SalesforceServiceException.class);
      wm.getWireMock().verifyThat(1, anyRequestedFor(urlPathEqualTo(PATH)));
    }
  }

  @Test
  void permanentErrorsAreNotRetried(WireMockRuntimeInfo wm) {
    stubAlways(wm, 400, "[{\"message\":\"unexpected token: FORM\",\"errorCode\":\"MALFORMED_QUERY\"}]");
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOfSatisfying(SalesforceServiceException.class,
          e -> assertThat(e.errorCode()).hasValue("MALFORMED_QUERY"));
    }
    wm.getWireMock().verifyThat(1, anyRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void perAttemptTimeoutIsRetriedThenReported(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(urlEqualTo(PATH)).willReturn(okJson("{}").withFixedDelay(1500)));
    RetryPolicy policy = Fixtures.fastPolicy().toBuilder().attemptTimeout(Duration.ofMillis(150))
        .callTimeout(Duration.ofSeconds(5)).build();
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).retryPolicy(policy).build()) {
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOfSatisfying(RequestTimeoutException.class, e -> {
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).contains("per-attempt timeout of PT0.15S");
      });
    }
    wm.getWireMock().verifyThat(3, anyRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void wholeCallDeadlineEndsTheCall(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(urlEqualTo(PATH)).willReturn(okJson("{}").withFixedDelay(1500)));
    RetryPolicy policy = Fixtures.fastPolicy().toBuilder().maxAttempts(10).attemptTimeout(Duration.ofMillis(150))
        .callTimeout(Duration.ofMillis(400)).build();
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).retryPolicy(policy).build()) {
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOfSatisfying(RequestTimeoutException.class, e -> {
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains("whole-call timeout of PT0.4S");
      });
    }
    assertThat(wm.getWireMock().find(anyRequestedFor(urlEqualTo(PATH))).size()).isBetween(2, 4);
  }

  @Test
  void unlimitedBudgetNeverRefuses(WireMockRuntimeInfo wm) {
    stubAlways(wm, 503, "[]");
    RetryPolicy policy = Fixtures.fastPolicy().toBuilder().baseDelay(Duration.ZERO)
        .budget(RetryBudget.unlimited()).build();
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).retryPolicy(policy).build()) {
      for (int i = 0; i < 120; i++) {
        assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(SalesforceServiceException.class);
      }
    }
    wm.getWireMock().verifyThat(360, anyRequestedFor(urlPathEqualTo(PATH)));
  }
}
