package dev.forcelink.auth.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.exception.AuthenticationException;
import dev.forcelink.core.exception.ConnectionException;
import dev.forcelink.core.exception.RequestTimeoutException;
import dev.forcelink.core.exception.ResponseDecodeException;
import dev.forcelink.core.exception.SalesforceServiceException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenEndpointTest {
  private static final String PATH = TokenEndpoint.TOKEN_PATH;

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private TokenEndpoint endpoint() {
    return endpoint(Duration.ofSeconds(5));
  }

  private TokenEndpoint endpoint(Duration timeout) {
    return new TokenEndpoint(OAuthTransport.create(null, timeout, Duration.ofMillis(5)),
        URI.create(wm.baseUrl()), false, Clock.systemUTC());
  }

  private AccessToken request() {
    return endpoint().request(OAuthOperation.PASSWORD, new FormBody().add("grant_type", "password"), null, null);
  }

  private String okBody() {
    return "{\"access_token\":\"tok\",\"instance_url\":\"" + wm.baseUrl() + "\",\"id\":\"" + wm.baseUrl()
        + "/id/00D/005\",\"token_type\":\"Bearer\"}";
  }

  private int requests() {
    return wm.findAll(postRequestedFor(urlEqualTo(PATH))).size();
  }

  @Test
  void invalidGrantIsPermanentAndSentOnce() {
    wm.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withHeader("x-request-id", "req-42")
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}")));

    assertThatThrownBy(this::request).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.errorCode()).contains("invalid_grant");
      assertThat(e.errors().get(0).message()).isEqualTo("authentication failure");
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.requestId()).contains("req-42");
      assertThat(e.getMessage()).contains("password token request", "security token", "authentication failure",
          "req-42");
    });
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void otherOAuthErrorsGetTheirOwnHint() {
    wm.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"invalid_client_id\",\"error_description\":\"client identifier invalid\"}")));
    assertThatThrownBy(this::request).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.errorCode()).contains("invalid_client_id");
      assertThat(e.getMessage()).contains("consumer key");
    });

    wm.resetAll();
    wm.stubFor(post(PATH).willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}")));
    assertThatThrownBy(this::request).isInstanceOfSatisfying(AuthenticationException.class,
        e -> assertThat(e.getMessage()).contains("client secret"));
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void a503ThenSuccessIsRetried() {
    wm.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withBody("down")).willSetStateTo("up"));
    wm.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson(okBody())));

    assertThat(request().value().reveal()).isEqualTo("tok");
    assertThat(requests()).isEqualTo(2);
  }

  @Test
  void persistent5xxStopsAfterTwoRetries() {
    wm.stubFor(post(PATH).willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));

    assertThatThrownBy(this::request).isInstanceOfSatisfying(SalesforceServiceException.class, e -> {
      assertThat(e).isNotInstanceOf(AuthenticationException.class);
      assertThat(e.statusCode()).isEqualTo(502);
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.bodyExcerpt()).isEqualTo("<html>Bad gateway</html>");
    });
    assertThat(requests()).isEqualTo(3);
  }

  @Test
  void aConnectionResetIsRetried() {
    wm.stubFor(post(PATH).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
    wm.stubFor(post(PATH).inScenario("reset").whenScenarioStateIs("ok").willReturn(okJson(okBody())));

    assertThat(request().value().reveal()).isEqualTo("tok");
    assertThat(requests()).isEqualTo(2);
  }

  @Test
  void connectionFailuresGiveUpAfterThreeAttempts() {
    wm.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    assertThatThrownBy(this::request).isInstanceOf(ConnectionException.class)
        .hasMessageContaining("password token request");
    assertThat(requests()).isEqualTo(3);
  }

  @Test
  void timeoutsAreRetriedThenReported() {
    // A 1 s stub delay against a 100 ms per-attempt timeout: three attempts, about 0.3 s in all.
    wm.stubFor(post(PATH).willReturn(okJson(okBody()).withFixedDelay(1000)));

    assertThatThrownBy(() -> endpoint(Duration.ofMillis(100))
        .request(OAuthOperation.PASSWORD, new FormBody().add("grant_type", "password"), null, null))
        .isInstanceOfSatisfying(RequestTimeoutException.class, e -> assertThat(e.isRetryable()).isTrue());
    // On a loaded machine an attempt can time out before the server has logged its request, so
    // wait until all three have arrived (and none of them leaks into the next test's count).
    awaitRequests(3);
    assertThat(requests()).isEqualTo(3);
  }

  @Test
  void aTokenAnswerThatTricklesInIsCutOffAtThePerAttemptTimeout() {
    // Headers with the first piece after 150 ms, the rest spread over 6 s: each attempt must end at
    // its 400 ms limit, not when the body ends.
    wm.stubFor(post(PATH).willReturn(okJson(okBody() + " ".repeat(4_000)).withChunkedDribbleDelay(40, 6_000)));
    long start = System.nanoTime();

    assertThatThrownBy(() -> endpoint(Duration.ofMillis(400))
        .request(OAuthOperation.PASSWORD, new FormBody().add("grant_type", "password"), null, null))
        .isInstanceOfSatisfying(RequestTimeoutException.class, e -> assertThat(e.getMessage())
            .contains("no complete answer within the per-attempt timeout of PT0.4S"));
    assertThat(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
        .isBetween(1_200L, 5_000L);
    awaitRequests(3);
    assertThat(requests()).isEqualTo(3);
  }

  @Test
  void anAnswerLargerThanAnyTokenResponseIsRefused() {
    wm.stubFor(post(PATH).willReturn(okJson("{\"pad\":\"" + "x".repeat(OAuthTransport.MAX_BODY_BYTES) + "\"}")));

    assertThatThrownBy(this::request).isInstanceOfSatisfying(ResponseDecodeException.class, e -> assertThat(
        e.getMessage()).contains("larger than " + OAuthTransport.MAX_BODY_BYTES + " bytes"));
    assertThat(requests()).isEqualTo(1);
  }

  private void awaitRequests(int expected) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (requests() < expected && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
    }
  }

  @Test
  void htmlErrorBodyIsReportedAsABoundedExcerpt() {
    String html = "<html><head><title>Maintenance</title></head><body>" + "x".repeat(5000) + "</body></html>";
    wm.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/html").withBody(html)));

    assertThatThrownBy(this::request).isInstanceOfSatisfying(SalesforceServiceException.class, e -> {
      assertThat(e.bodyExcerpt()).startsWith("<html><head><title>Maintenance").hasSizeLessThanOrEqualTo(300);
      assertThat(e.getMessage()).contains("Maintenance").hasSizeLessThan(800);
      assertThat(e.isRetryable()).isFalse();
    });
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void htmlSuccessBodyIsADecodeError() {
    wm.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody("<html>" + "y".repeat(1000) + "</html>")));

    assertThatThrownBy(this::request).isInstanceOf(ResponseDecodeException.class)
        .hasMessageContaining("not a JSON object")
        .hasMessageContaining("<html>")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500));
  }

  @Test
  void truncatedTokenResponseNeverShowsTheToken() {
    String secret = "00Dxx0000001gPL!AQ4AQFakeTokenValueThatMustNotLeak";
    wm.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
        .withBody("{\"access_token\":\"" + secret.substring(0, 30))));

    assertThatThrownBy(this::request).isInstanceOf(ResponseDecodeException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret.substring(0, 30)).contains("[redacted]"));
  }

  @Test
  void missingFieldsAreNamed() {
    wm.stubFor(post(PATH).willReturn(okJson("{\"access_token\":\"tok\"}")));
    assertThatThrownBy(this::request).isInstanceOf(ResponseDecodeException.class)
        .hasMessageContaining("no instance_url").hasMessageNotContaining("\"tok\"");
  }

  @Test
  void notFoundPointsAtTheUrl() {
    wm.stubFor(post(PATH).willReturn(aResponse().withStatus(404).withBody("Not Found")));
    assertThatThrownBy(this::request).isInstanceOf(SalesforceServiceException.class)
        .hasMessageContaining("check the login or My Domain URL");
    assertThat(requests()).isEqualTo(1);
  }
}
