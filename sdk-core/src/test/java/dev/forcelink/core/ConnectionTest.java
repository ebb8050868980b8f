package dev.forcelink.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.AuthProvider;
import dev.forcelink.core.event.ForcelinkListener;
import dev.forcelink.core.event.RequestCompleted;
import dev.forcelink.core.event.RequestStarted;
import dev.forcelink.core.event.RetryScheduled;
import dev.forcelink.core.event.TokenRefreshed;
import dev.forcelink.core.exception.ApiBudgetExceededException;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.limits.ApiBudget;
import dev.forcelink.core.limits.ApiUsage;
import dev.forcelink.core.retry.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@WireMockTest
class ConnectionTest {
  private static final String PATH = "/services/data/v65.0/limits";
  private static final SalesforceRequest GET = SalesforceRequest.builder().get().path(PATH).build();

  private static AuthProvider fixed(AccessToken token) {
    return new AuthProvider() {
      @Override
      public AccessToken token() {
        return token;
      }

      @Override
      public AccessToken refresh(AccessToken rejected) {
        return token;
      }
    };
  }

  @Test
  void plainHttpIsRejectedUnlessLoopbackOrOptedIn() {
    AuthProvider auth = fixed(Fixtures.token("00D000000000001!abc", "https://acme.my.salesforce.com"));
    assertThatThrownBy(() -> SalesforceConnection.builder().authProvider(auth)
        .instanceUrl(URI.create("http://acme.my.salesforce.com")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowInsecureHttp(true)");
    for (String loopback : List.of("http://localhost:8080", "http://127.0.0.1", "http://127.3.4.5:99", "http://[::1]:8080")) {
      try (SalesforceConnection c = SalesforceConnection.builder().authProvider(auth).instanceUrl(URI.create(loopback)).build()) {
        assertThat(c.instanceUrl()).isEqualTo(URI.create(loopback));
      }
    }
    try (SalesforceConnection c = SalesforceConnection.builder().authProvider(auth).allowInsecureHttp(true)
        .instanceUrl(URI.create("http://test.internal")).build()) {
      assertThat(c.allowInsecureHttp()).isTrue();
    }
    AuthProvider insecureToken = fixed(Fixtures.token("00D000000000001!abc", "http://10.1.2.3"));
    try (SalesforceConnection c = SalesforceConnection.builder().authProvider(insecureToken).build()) {
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Refusing plain http to 10.1.2.3");
    }
  }

  @Test
  void defaultsAndAccessors() {
    AuthProvider auth = fixed(Fixtures.token("00D000000000001!abc", "https://acme.my.salesforce.com"));
    try (SalesforceConnection c = SalesforceConnection.builder().authProvider(auth).build()) {
      assertThat(c.apiVersion()).isEqualTo(ApiVersion.DEFAULT);
      assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(c.retryPolicy()).isEqualTo(RetryPolicy.defaults());
      assertThat(c.instanceUrl()).isEqualTo(URI.create("https://acme.my.salesforce.com"));
      assertThat(c.configuredInstanceUrl()).isEmpty();
      assertThat(c.httpClient().version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(c.httpClient().followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
      assertThat(c.httpClient().connectTimeout()).hasValue(Duration.ofSeconds(10));
      assertThat(c.httpClient().executor()).isPresent();
      assertThat(c.executor()).isNotSameAs(java.util.concurrent.ForkJoinPool.commonPool());
      assertThat(c.userAgent()).startsWith("forcelink-java/");
      assertThat(c.apiUsage()).isEmpty();
      assertThat(c.apiBudget()).isEmpty();
      assertThat(c.compressRequests()).isFalse();
      try (SalesforceConnection copy = c.toBuilder().userAgent("x/1").build()) {
        assertThat(copy.httpClient()).as("an owned client is not copied").isNotSameAs(c.httpClient());
        assertThat(copy.userAgent()).endsWith(" x/1");
      }
    }
    assertThatThrownBy(() -> SalesforceConnection.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("authProvider");
  }

  @Test
  void derivedVersionSharesResourcesAndClosingItLeavesTheOriginOpen(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).willReturn(okJson("{}")
        .withHeader("Sforce-Limit-Info", "api-usage=10/1000")));
    var executor = Executors.newSingleThreadExecutor();
    SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).executor(executor).build();
    try {
      SalesforceConnection v60 = c.withApiVersion(ApiVersion.parse("60.0"));
      assertThat(v60.apiVersion()).isEqualTo(new ApiVersion(60, 0));
      assertThat(v60.httpClient()).isSameAs(c.httpClient());
      assertThat(v60.authProvider()).isSameAs(c.authProvider());
      assertThat(c.withApiVersion(ApiVersion.DEFAULT)).isSameAs(c);
      v60.sendForString(GET);
      assertThat(c.apiUsage()).as("usage is shared").hasValueSatisfying(u -> assertThat(u.used()).isEqualTo(10));
      v60.close();
      assertThat(v60.isClosed()).isTrue();
      assertThat(c.sendForString(GET).statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> v60.sendForString(GET)).isInstanceOf(IllegalStateException.class);
      c.close();
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(IllegalStateException.class);
      assertThat(executor.isShutdown()).as("a supplied executor is left alone").isFalse();
    } finally {
      c.close();
      executor.shutdownNow();
    }
  }

  @Test
  void budgetGuardRefusesWithoutSendingOnceUsageIsAboveTheShare(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).willReturn(okJson("{}")
        .withHeader("Sforce-Limit-Info", "api-usage=901/1000")));
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching())
        .apiBudget(ApiBudget.maxDailyShare(0.9)).build()) {
      assertThat(c.sendForString(GET).apiUsage()).hasValueSatisfying(u -> assertThat(u.used()).isEqualTo(901));
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOfSatisfying(ApiBudgetExceededException.class, e -> {
        assertThat(e.usage().used()).isEqualTo(901);
        assertThat(e.getMessage()).contains("901 of 1000", "90.0 %", "Nothing was sent");
      });
      assertThat(c.sendForString(GET.toBuilder().authenticated(false).build()).statusCode())
          .as("unauthenticated calls do not count and are not guarded").isEqualTo(200);
    }
    wm.getWireMock().verifyThat(2, anyRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void budgetReserveAlsoRefuses(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).willReturn(okJson("{}")
        .withHeader("Sforce-Limit-Info", "api-usage=950/1000")));
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching())
        .apiBudget(ApiBudget.maxDailyShare(1.0).reserve(50)).build()) {
      c.sendForString(GET);
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(ApiBudgetExceededException.class)
          .hasMessageContaining("reserve of 50");
    }
  }

  @Test
  void listenerEventsArriveInOrderAndAThrowingListenerIsIgnored(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(get(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(401).withBody("[{\"errorCode\":\"INVALID_SESSION_ID\",\"message\":\"x\"}]"))
        .willSetStateTo("unavailable"));
    wm.getWireMock().register(get(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs("unavailable")
        .willReturn(aResponse().withStatus(503).withHeader("Sforce-Limit-Info", "api-usage=5/100")).willSetStateTo("ok"));
    wm.getWireMock().register(get(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(okJson("{}").withHeader("Sforce-Limit-Info", "api-usage=6/100").withHeader("x-request-id", "rid-1")));
    Fixtures.RecordingListener listener = new Fixtures.RecordingListener();
    ForcelinkListener broken = new ForcelinkListener() {
      @Override
      public void onRequestStart(RequestStarted event) {
        throw new IllegalStateException("listener bug");
      }
    };
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching())
        .listeners(List.of(broken, listener)).build()) {
      assertThat(c.sendForString(GET).attempts()).isEqualTo(3);
    }
    assertThat(listener.events).extracting(e -> e.getClass().getSimpleName()).containsExactly(
        "RequestStarted", "TokenRefreshed", "ApiUsage", "RetryScheduled", "ApiUsage", "RequestCompleted");
    RequestCompleted end = listener.of(RequestCompleted.class).get(0);
    RequestStarted start = listener.of(RequestStarted.class).get(0);
    assertThat(end.statusCode()).isEqualTo(200);
    assertThat(end.attempts()).isEqualTo(3);
    assertThat(end.requestId()).isEqualTo("rid-1");
    assertThat(end.correlationId()).isEqualTo(start.correlationId());
    assertThat(end.succeeded()).isTrue();
    assertThat(listener.of(RetryScheduled.class).get(0).reason()).isEqualTo("HTTP 503");
    assertThat(listener.of(TokenRefreshed.class).get(0).reason()).isEqualTo("HTTP 401 INVALID_SESSION_ID");
    assertThat(listener.of(ApiUsage.class)).extracting(ApiUsage::used).containsExactly(5L, 6L);
  }

  @Test
  void failedCallEndsWithTheFailureInTheEvent(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
    Fixtures.RecordingListener listener = new Fixtures.RecordingListener();
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).listener(listener).build()) {
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(SalesforceServiceException.class);
    }
    RequestCompleted end = listener.of(RequestCompleted.class).get(0);
    assertThat(end.statusCode()).isEqualTo(404);
    assertThat(end.failureCause()).containsInstanceOf(dev.forcelink.core.exception.NotFoundException.class);
  }

  @Test
  void absoluteUrisMustStayOnTheInstanceHost(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(urlPathEqualTo("/services/data/v65.0/query/01gD0000002HU6KIAW-2000")).willReturn(okJson("{}")));
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      URI next = URI.create(wm.getHttpBaseUrl() + "/services/data/v65.0/query/01gD0000002HU6KIAW-2000");
      assertThat(c.sendForString(SalesforceRequest.builder().uri(next).build()).statusCode()).isEqualTo(200);
      assertThat(c.sendForString(SalesforceRequest.builder()
          .uri(URI.create("/services/data/v65.0/query/01gD0000002HU6KIAW-2000")).build()).statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> c.sendForString(SalesforceRequest.builder()
          .uri(URI.create("https://evil.example.com/services/data/v65.0/query/x")).build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be on the instance");
    }
    wm.getWireMock().verifyThat(2, getRequestedFor(urlPathEqualTo("/services/data/v65.0/query/01gD0000002HU6KIAW-2000")));
  }

  @Test
  void instanceUrlFollowsARefreshedTokenThatNamesAnotherInstance(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(get(urlEqualTo(PATH)).willReturn(okJson("{}")));
    String moved = wm.getHttpBaseUrl().replace("localhost", "127.0.0.1");
    AccessToken first = Fixtures.token("00D000000000001!first-token-value", wm.getHttpBaseUrl());
    AccessToken second = Fixtures.token("00D000000000001!second-token-value", moved);
    java.util.concurrent.atomic.AtomicReference<AccessToken> current = new java.util.concurrent.atomic.AtomicReference<>(first);
    AuthProvider auth = new AuthProvider() {
      @Override
      public AccessToken token() {
        return current.get();
      }

      @Override
      public AccessToken refresh(AccessToken rejected) {
        current.set(second);
        return second;
      }
    };
    try (SalesforceConnection c = Fixtures.connection(wm, auth).build()) {
      assertThat(c.instanceUrl()).isEqualTo(URI.create(wm.getHttpBaseUrl()));
      auth.refresh(first);
      assertThat(c.instanceUrl()).isEqualTo(URI.create(moved));
      assertThat(c.sendForString(GET).statusCode()).isEqualTo(200);
    }
  }
}
