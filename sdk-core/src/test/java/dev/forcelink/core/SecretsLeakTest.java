package dev.forcelink.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import dev.forcelink.core.testing.LogCapture;
import dev.forcelink.core.testing.SecretAssertions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@WireMockTest
class SecretsLeakTest {
  private static final String TOKEN_A = "00D000000000001!HONEYPOT-TOKEN-AAAA-1111";
  private static final String TOKEN_B = "00D000000000001!HONEYPOT-TOKEN-BBBB-2222";
  private static final String FORM_SECRET = "HONEYPOT-CLIENT-SECRET-3333";
  private static final String PATH = "/services/oauth2/token";
  private static final SecretAssertions SECRETS = SecretAssertions.planted(TOKEN_A, TOKEN_B, FORM_SECRET);

  @RegisterExtension
  final LogCapture logs = new LogCapture();

  @Test
  void plantedTokensAndFormSecretsAppearInNoLogLineExceptionOrToString(WireMockRuntimeInfo wm) {
    AtomicInteger n = new AtomicInteger();
    CachingAuthProvider auth = CachingAuthProvider.of(
        () -> Fixtures.token(n.incrementAndGet() == 1 ? TOKEN_A : TOKEN_B, wm.getHttpBaseUrl()));
    // 401 (refresh), 503 (retry), then an error that echoes the form and a token in its body.
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(401).withBody("[{\"errorCode\":\"INVALID_SESSION_ID\",\"message\":\"x\"}]"))
        .willSetStateTo("503"));
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs("503")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("echo"));
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs("echo")
        .willReturn(aResponse().withStatus(400).withBody("{\"message\":\"bad client_secret=" + FORM_SECRET
            + " for Bearer " + TOKEN_B + "\",\"errorCode\":\"X\",\"access_token\":\"" + TOKEN_B + "\"}"))
        .willSetStateTo("reset"));
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs("reset")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"access_token\":\"" + TOKEN_B + "\"}")));

    SalesforceRequest form = SalesforceRequest.builder().post().path(PATH)
        .queryParam("client_secret", FORM_SECRET)
        .queryParam("access_token", TOKEN_A)
        .header("X-Custom-Auth", TOKEN_A)
        .body(("grant_type=client_credentials&client_secret=" + FORM_SECRET).getBytes(StandardCharsets.UTF_8),
            "application/x-www-form-urlencoded")
        .idempotency(dev.forcelink.core.http.Idempotency.PROTECTED)
        .build();
    List<Object> seen = new ArrayList<>();
    Fixtures.RecordingListener listener = new Fixtures.RecordingListener();
    try (SalesforceConnection c = Fixtures.connection(wm, auth).listener(listener).build()) {
      Throwable first = catchThrowable(() -> c.sendForString(form));
      assertThat(first).isNotNull();
      SECRETS.assertNotIn(first);
      // A reset connection, retried because the request is protected.
      SalesforceResponse<String> ok = c.sendForString(form);
      assertThat(ok.attempts()).isEqualTo(2);
      wm.getWireMock().register(any(urlPathEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
      Throwable second = catchThrowable(() -> c.sendForString(form.toBuilder().path("/reset")
          .idempotency(dev.forcelink.core.http.Idempotency.NON_IDEMPOTENT).build()));
      assertThat(second).isInstanceOf(dev.forcelink.core.exception.ConnectionException.class);
      SECRETS.assertNotIn(second);
      assertThat(ok.body()).contains(TOKEN_B); // the body is the caller's; only metadata is printed
      seen.add(c);
      seen.add(form);
      seen.add(ok);
      seen.add(auth);
      seen.add(auth.cachedToken());
      seen.add(form.toBuilder());
    }
    assertThat(logs.linesContaining("correlationId=")).as("the pipeline did log at DEBUG and TRACE").isNotEmpty();
    assertThat(logs.linesContaining("Authorization=<redacted>")).isNotEmpty();
    SECRETS.assertNotIn(logs);
    SECRETS.assertNotInToString(seen.toArray());
    SECRETS.assertNotInToString(listener.events.toArray());
    for (Object event : listener.events) {
      if (event instanceof dev.forcelink.core.event.RequestCompleted) {
        SECRETS.assertNotIn(((dev.forcelink.core.event.RequestCompleted) event).failure());
      }
    }
    AccessToken t = auth.cachedToken();
    assertThat(t.value().reveal()).isEqualTo(TOKEN_B);
  }
}
