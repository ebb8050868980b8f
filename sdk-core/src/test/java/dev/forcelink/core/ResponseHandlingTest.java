package dev.forcelink.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.forcelink.core.exception.AuthenticationException;
import dev.forcelink.core.exception.MultipleChoicesException;
import dev.forcelink.core.exception.NotFoundException;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

@WireMockTest
class ResponseHandlingTest {
  private static final String PATH = "/services/data/v65.0/sobjects/Account/001000000000001AAA";
  private static final SalesforceRequest GET = SalesforceRequest.builder().get().path(PATH).build();

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static void stub(WireMockRuntimeInfo wm, int status, String body) {
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)
        .withHeader("x-sfdc-request-id", "feedc0de00000000feedc0de00000000").withBody(body)));
  }

  @Test
  void gzipResponsesAreDecodedForAnyHandlerAndStream(WireMockRuntimeInfo wm) throws IOException {
    String big = "{\"records\":[" + "{\"Name\":\"Acme\"},".repeat(5000) + "{}]}";
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Encoding", "gzip").withHeader("Content-Type", "application/json")
        .withBody(gzip(big))));
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      assertThat(c.sendForString(GET).body()).isEqualTo(big);
      SalesforceResponse<InputStream> streamed = c.send(GET, BodyHandlers.ofInputStream());
      try (InputStream in = streamed.body()) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(big);
      }
      assertThat(c.send(GET, BodyHandlers.ofLines()).body().count()).isEqualTo(1);
    }
    wm.getWireMock().verifyThat(getRequestedFor(urlEqualTo(PATH)).withHeader("Accept-Encoding", equalTo("gzip")));
  }

  @Test
  void gzipErrorBodiesAreDecodedToo(WireMockRuntimeInfo wm) throws IOException {
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Encoding", "gzip")
        .withBody(gzip("[{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}]"))));
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("NOT_FOUND: The requested resource does not exist");
    }
  }

  @Test
  void standardHeadersAreSentAndCorrelationIdIsStableAcrossRetries(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(okJson("{}")));
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).userAgent("acme-sync/2.1").build()) {
      SalesforceResponse<String> r = c.sendForString(GET);
      assertThat(r.correlationId()).matches("[0-9a-f]{32}");
      List<LoggedRequest> sent = wm.getWireMock().find(anyRequestedFor(urlPathEqualTo(PATH)));
      assertThat(sent).hasSize(2).allSatisfy(req -> {
        assertThat(req.getHeader("X-SFDC-REQUEST-ID")).isEqualTo(r.correlationId());
        assertThat(req.getHeader("Accept")).isEqualTo("application/json");
        assertThat(req.getHeader("User-Agent")).matches("forcelink-java/\\S+ acme-sync/2\\.1");
        assertThat(req.getHeader("Authorization")).startsWith("Bearer " + Fixtures.TOKEN_PREFIX);
      });
      SalesforceResponse<String> second = c.sendForString(GET);
      assertThat(second.correlationId()).isNotEqualTo(r.correlationId());
    }
  }

  @Test
  void callerGivenCorrelationIdAndAcceptAreHonouredAndIdsAppearInErrors(WireMockRuntimeInfo wm) {
    stub(wm, 400, "[{\"message\":\"No such column 'Foo' on entity 'Account'.\",\"errorCode\":\"INVALID_FIELD\"}]");
    SalesforceRequest req = GET.toBuilder().correlationId("caller-chosen-id-42").header("Accept", "text/csv").build();
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      assertThatThrownBy(() -> c.sendForString(req)).isInstanceOfSatisfying(SalesforceServiceException.class, e -> {
        assertThat(e.correlationId()).hasValue("caller-chosen-id-42");
        assertThat(e.requestId()).hasValue("feedc0de00000000feedc0de00000000");
        assertThat(e.getMessage()).contains("correlationId=caller-chosen-id-42",
            "requestId=feedc0de00000000feedc0de00000000", "INVALID_FIELD", "HTTP 400");
      });
    }
    wm.getWireMock().verifyThat(getRequestedFor(urlEqualTo(PATH))
        .withHeader("X-SFDC-REQUEST-ID", equalTo("caller-chosen-id-42"))
        .withHeader("Accept", equalTo("text/csv")));
  }

  @Test
  void errorBodyShapesGiveClearTypedExceptions(WireMockRuntimeInfo wm) {
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      stub(wm, 404, "{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}");
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("HTTP 404 NOT_FOUND");

      stub(wm, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}");
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOfSatisfying(AuthenticationException.class,
          e -> assertThat(e.errorCode()).hasValue("invalid_grant"));

      stub(wm, 502, "<html><body><h1>502 Bad Gateway</h1>\n\u0007</body></html>");
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOfSatisfying(SalesforceServiceException.class, e -> {
        assertThat(e.statusCode()).isEqualTo(502);
        assertThat(e.getMessage()).contains("HTTP 502 with an unrecognized body: <html><body><h1>502 Bad Gateway");
        assertThat(e.bodyExcerpt()).doesNotContain("\n", "\u0007");
      });

      stub(wm, 400, "");
      assertThatThrownBy(() -> c.sendForString(GET)).hasMessageContaining("HTTP 400 with an empty body");

      stub(wm, 400, "[{\"message\":\"broken\",\"errorCo");
      assertThatThrownBy(() -> c.sendForString(GET)).hasMessageContaining("unrecognized body: [{\"message\":\"broken\"");

      stub(wm, 400, "x".repeat(200_000));
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOfSatisfying(SalesforceServiceException.class,
          e -> assertThat(e.bodyExcerpt().length()).isLessThanOrEqualTo(501));

      stub(wm, 300, "[\"/services/data/v65.0/sobjects/Account/001000000000001AAA\","
          + "\"/services/data/v65.0/sobjects/Account/001000000000002AAA\"]");
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOfSatisfying(MultipleChoicesException.class,
          e -> assertThat(e.matches()).containsExactly("/services/data/v65.0/sobjects/Account/001000000000001AAA",
              "/services/data/v65.0/sobjects/Account/001000000000002AAA"));
    }
  }

  @Test
  void secondRejectionAfterRefreshIsAnAuthenticationException(WireMockRuntimeInfo wm) {
    stub(wm, 401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
    Fixtures.CountingTokenSource source = Fixtures.tokens(wm);
    try (SalesforceConnection c = Fixtures.connection(wm, source.caching()).build()) {
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("rejected again after a refresh");
    }
    assertThat(source.fetches.get()).isEqualTo(2);
    wm.getWireMock().verifyThat(2, anyRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void nonIdempotentPostIsResentOnceAfterA401(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(401).withBody("")).willSetStateTo("ok"));
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"id\":\"x\"}").withStatus(201)));
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      SalesforceResponse<String> r = c.sendForString(SalesforceRequest.builder().post().path(PATH)
          .body("{}".getBytes(StandardCharsets.UTF_8), "application/json").build());
      assertThat(r.statusCode()).isEqualTo(201);
      assertThat(r.attempts()).isEqualTo(2);
    }
  }

  @Test
  void queryParamsAreFormEncodedInOrderAfterInlineOnes(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(urlPathEqualTo("/services/data/v65.0/query")).willReturn(okJson("{}")));
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      c.sendForString(SalesforceRequest.builder().path("/services/data/v65.0/query?x=1")
          .queryParam("q", "SELECT Id FROM Account WHERE Name = 'A&B'").queryParam("z", "é").build());
    }
    List<LoggedRequest> sent = wm.getWireMock().find(anyRequestedFor(urlPathEqualTo("/services/data/v65.0/query")));
    assertThat(sent.get(0).getUrl())
        .isEqualTo("/services/data/v65.0/query?x=1&q=SELECT+Id+FROM+Account+WHERE+Name+%3D+%27A%26B%27&z=%C3%A9");
  }

  @Test
  void largeBodiesAreCompressedWhenEnabled(WireMockRuntimeInfo wm) throws IOException {
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).willReturn(okJson("{}")));
    String big = "{\"Description\":\"" + "a".repeat(4000) + "\"}";
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).compressRequests(true).build()) {
      c.sendForString(SalesforceRequest.builder().post().path(PATH).body(big.getBytes(StandardCharsets.UTF_8), "application/json").build());
      c.sendForString(SalesforceRequest.builder().post().path(PATH).body("{}".getBytes(StandardCharsets.UTF_8), "application/json").build());
    }
    List<LoggedRequest> sent = wm.getWireMock().find(postRequestedFor(urlPathEqualTo(PATH)));
    assertThat(sent.get(0).getHeader("Content-Encoding")).isEqualTo("gzip");
    // WireMock hands back the decompressed body; the wire length shows it was compressed.
    assertThat(sent.get(0).getBodyAsString()).isEqualTo(big);
    assertThat(Integer.parseInt(sent.get(0).getHeader("Content-Length"))).isLessThan(200);
    assertThat(sent.get(1).containsHeader("Content-Encoding")).isFalse();
    wm.getWireMock().verifyThat(postRequestedFor(urlPathEqualTo(PATH)).withHeader("Content-Type", matching("application/json")));
  }

  @Test
  void theBoundedBodyIsKeptForCallersWithTheirOwnErrorShapesAndSecretsAreMasked(WireMockRuntimeInfo wm) {
    String planted = "00D000000000001!AQ8AQPlantedSessionValueThatMustNotLeak";
    String results = "{\"referenceId\":\"ref1\",\"errors\":[{\"statusCode\":\"INVALID_EMAIL_ADDRESS\"}]},".repeat(40);
    String body = "{\"hasErrors\":true,\"echo\":\"" + planted + "\",\"results\":[" + results + "{}]}";
    stub(wm, 400, body);
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      assertThatThrownBy(() -> c.sendForString(GET))
          .isInstanceOfSatisfying(SalesforceServiceException.class, e -> {
            assertThat(e.bodyExcerpt().length()).isLessThanOrEqualTo(501);
            assertThat(e.responseBody()).startsWith("{\"hasErrors\":true").endsWith("{}]}")
                .hasSizeGreaterThan(2_000).doesNotContain(planted);
            assertThat(e.getMessage()).doesNotContain(planted);
          });
    }
  }
}
