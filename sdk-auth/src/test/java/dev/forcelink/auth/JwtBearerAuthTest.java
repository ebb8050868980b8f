package dev.forcelink.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.exception.AuthenticationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JwtBearerAuthTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private JwtBearerAuth.Builder builder() {
    return JwtBearerAuth.builder()
        .clientId("3MVG9consumerKey")
        .username("integration@acme.example")
        .loginUrl(Wire.base(wm))
        .privateKey(TestKeys.privateKey());
  }

  @Test
  void postsSignedAssertionAndParsesTheToken() throws Exception {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(Wire.unsignedToken(wm, "00D5e000000AbCd!AQtoken"))));

    AccessToken token = builder().build().token();

    assertThat(token.value().reveal()).isEqualTo("00D5e000000AbCd!AQtoken");
    assertThat(token.instanceUrl()).isEqualTo(Wire.base(wm));
    assertThat(token.organizationId()).contains(Wire.ORG);
    assertThat(token.userId()).contains(Wire.USER);
    assertThat(token.scopes()).containsExactly("api");
    assertThat(token.refreshToken()).isEmpty();

    wm.verify(postRequestedFor(urlEqualTo(Wire.TOKEN_PATH))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded")));
    Map<String, String> form = Wire.tokenForms(wm).get(0);
    assertThat(form).containsOnlyKeys("grant_type", "assertion");
    assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");

    SignedJWT jwt = SignedJWT.parse(form.get("assertion"));
    assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) TestKeys.rsa().getPublic()))).isTrue();
    String header = new String(Base64.getUrlDecoder().decode(form.get("assertion").split("\\.")[0]),
        StandardCharsets.UTF_8);
    assertThat(header).isEqualTo("{\"alg\":\"RS256\"}");
    Map<String, Object> claims = jwt.getJWTClaimsSet().toJSONObject();
    assertThat(claims).containsOnlyKeys("iss", "sub", "aud", "exp");
    assertThat(claims.get("iss")).isEqualTo("3MVG9consumerKey");
    assertThat(claims.get("sub")).isEqualTo("integration@acme.example");
    assertThat(claims.get("aud")).isEqualTo(wm.baseUrl());
    long exp = ((Number) claims.get("exp")).longValue();
    long now = Instant.now().getEpochSecond();
    assertThat(exp).as("exp in epoch seconds, at most 180 s ahead").isBetween(now + 170, now + 180);
  }

  @Test
  void expiryFollowsTheClockAndTheConfiguredLifetime() throws Exception {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(Wire.unsignedToken(wm, "tok"))));
    Instant now = Instant.parse("2030-01-02T03:04:05.900Z");

    builder().clock(Clock.fixed(now, ZoneOffset.UTC)).assertionLifetime(Duration.ofSeconds(90)).build().token();

    SignedJWT jwt = SignedJWT.parse(Wire.tokenForms(wm).get(0).get("assertion"));
    assertThat(jwt.getJWTClaimsSet().toJSONObject().get("exp")).isEqualTo(now.getEpochSecond() + 90);
  }

  @Test
  void assertionLifetimeIsCappedAtThreeMinutes() {
    assertThatThrownBy(() -> builder().assertionLifetime(Duration.ofMinutes(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 3 minutes");
    assertThatThrownBy(() -> builder().assertionLifetime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(builder().assertionLifetime(Duration.ofMinutes(3))).isNotNull();
  }

  @Test
  void audienceDefaultsToTheLoginOriginOrTheUrlAsGiven() {
    assertThat(builder().loginUrl(LoginUrls.PRODUCTION).build().audience()).isEqualTo("https://login.salesforce.com");
    assertThat(builder().loginUrl(URI.create("https://test.salesforce.com/")).build().audience())
        .isEqualTo("https://test.salesforce.com");
    assertThat(builder().loginUrl(URI.create("https://acme.my.site.com/customers")).build().audience())
        .isEqualTo("https://acme.my.site.com/customers");
    assertThat(builder().loginUrl(LoginUrls.SANDBOX).audience("https://login.salesforce.com").build().audience())
        .isEqualTo("https://login.salesforce.com");
  }

  @Test
  void experienceSiteUrlKeepsItsPathInTheTokenUrl() {
    JwtBearerAuth auth = builder().loginUrl(URI.create("https://acme.my.site.com/customers/")).build();
    assertThat(auth.toString()).contains("tokenUrl=https://acme.my.site.com/customers/services/oauth2/token");
  }

  @Test
  void cachesTheTokenAndRenewsOnceWhenRejected() {
    wm.stubFor(post(Wire.TOKEN_PATH).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(Wire.unsignedToken(wm, "first"))).willSetStateTo("second"));
    wm.stubFor(post(Wire.TOKEN_PATH).inScenario("tokens").whenScenarioStateIs("second")
        .willReturn(okJson(Wire.unsignedToken(wm, "second"))));
    JwtBearerAuth auth = builder().build();

    AccessToken first = auth.token();
    assertThat(auth.token()).isSameAs(first);
    assertThat(Wire.tokenRequests(wm)).hasSize(1);

    AccessToken renewed = auth.refresh(first);
    assertThat(renewed.value().reveal()).isEqualTo("second");
    assertThat(Wire.tokenRequests(wm)).hasSize(2);
    assertThat(auth.refresh(first)).as("a stale rejection reuses the renewal").isSameAs(renewed);
    assertThat(auth.token()).isSameAs(renewed);
    assertThat(Wire.tokenRequests(wm)).hasSize(2);
  }

  @Test
  void invalidGrantIsNotRetriedAndExplainsWhatToCheck() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"user hasn't approved this consumer\"}")));

    assertThatThrownBy(() -> builder().build().token())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.errorCode()).contains("invalid_grant");
          assertThat(e.errors().get(0).message()).isEqualTo("user hasn't approved this consumer");
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.getMessage()).contains("JWT bearer", "pre-authorized", "certificate", "clock", "audience");
        });
    assertThat(Wire.tokenRequests(wm)).hasSize(1);
  }

  @Test
  void refusesAWeakOrNonRsaKey() {
    assertThatThrownBy(() -> builder().privateKey(TestKeys.generate("RSA", 1024).getPrivate()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2048");
    assertThatThrownBy(() -> builder().privateKey(TestKeys.generate("EC", 256).getPrivate()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RSA");
  }

  @Test
  void requiresHttpsOffTheLoopback() {
    assertThatThrownBy(() -> builder().loginUrl(URI.create("http://login.example.com")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain HTTP");
    assertThat(builder().loginUrl(URI.create("http://login.example.com")).allowInsecureHttp(true).build())
        .isNotNull();
  }
}
