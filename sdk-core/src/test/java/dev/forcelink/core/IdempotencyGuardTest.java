package dev.forcelink.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.forcelink.core.exception.ConnectionException;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.core.http.Idempotency;
import dev.forcelink.core.http.SalesforceRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@WireMockTest
class IdempotencyGuardTest {
  private static final String PATH = "/services/data/v65.0/sobjects/Account";

  private static SalesforceRequest post(Idempotency idempotency) {
    SalesforceRequest.Builder b = SalesforceRequest.builder().post().path(PATH)
        .body("{\"Name\":\"Acme\"}".getBytes(StandardCharsets.UTF_8), "application/json");
    return (idempotency == null ? b : b.idempotency(idempotency)).build();
  }

  private static void faultThenOk(WireMockRuntimeInfo wm, Fault fault) {
    wm.getWireMock().register(any(urlEqualTo(PATH)).inScenario("drop")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(fault)).willSetStateTo("recovered"));
    wm.getWireMock().register(any(urlEqualTo(PATH)).inScenario("drop")
        .whenScenarioStateIs("recovered")
        .willReturn(okJson("{\"id\":\"001000000000001AAA\",\"success\":true,\"errors\":[]}").withStatus(201)));
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
  void unprotectedPostIsNotRetriedAfterTheConnectionDropped(Fault fault, WireMockRuntimeInfo wm) {
    faultThenOk(wm, fault);
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      assertThatThrownBy(() -> c.sendForString(post(null)))
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining("may have reached the server");
    }
    wm.getWireMock().verifyThat(1, anyRequestedFor(urlEqualTo(PATH)));
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
  void getIsRetriedAfterTheConnectionDroppedAndSucceeds(Fault fault, WireMockRuntimeInfo wm) {
    faultThenOk(wm, fault);
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      var r = c.sendForString(SalesforceRequest.builder().get().path(PATH).build());
      assertThat(r.statusCode()).isEqualTo(201);
      assertThat(r.attempts()).isEqualTo(2);
    }
    wm.getWireMock().verifyThat(2, anyRequestedFor(urlEqualTo(PATH)));
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
  void protectedPostIsRetried(Fault fault, WireMockRuntimeInfo wm) {
    faultThenOk(wm, fault);
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      assertThat(c.sendForString(post(Idempotency.PROTECTED)).statusCode()).isEqualTo(201);
    }
    wm.getWireMock().verifyThat(2, anyRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void unprotectedPostIsNotRetriedAfter503(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)
        .withBody("[{\"message\":\"Server Unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]")));
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      assertThatThrownBy(() -> c.sendForString(post(null)))
          .isInstanceOfSatisfying(SalesforceServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.isRetryable()).isTrue();
          });
    }
    wm.getWireMock().verifyThat(1, anyRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void unprotectedPostIsRetriedWhenTheConnectionWasRefused() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    AtomicInteger refusals = new AtomicInteger();
    Fixtures.RecordingListener listener = new Fixtures.RecordingListener();
    Fixtures.CountingTokenSource source = new Fixtures.CountingTokenSource("http://127.0.0.1:" + closedPort);
    try (SalesforceConnection c = SalesforceConnection.builder().authProvider(source.caching())
        .retryPolicy(Fixtures.fastPolicy()).listener(listener).build()) {
      assertThatThrownBy(() -> c.sendForString(post(null)))
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining("connection refused");
      refusals.set(listener.of(dev.forcelink.core.event.RetryScheduled.class).size());
      assertThat(c.instanceUrl()).isEqualTo(URI.create("http://127.0.0.1:" + closedPort));
    }
    assertThat(refusals.get()).as("retries after provably unsent failures").isEqualTo(2);
  }
}
