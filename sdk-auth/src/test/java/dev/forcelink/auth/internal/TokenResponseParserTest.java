package dev.forcelink.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.exception.AuthenticationException;
import dev.forcelink.core.exception.ResponseDecodeException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenResponseParserTest {
  private static final Secret CLIENT_SECRET = Secret.of("8F3C1A2B9D");
  private static final String ID = "https://login.salesforce.com/id/00D5e000000AbCdEAK/0055e000001XyZaAAK";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

  private static OAuthResponse response(String body) {
    return new OAuthResponse(OAuthOperation.PASSWORD, URI.create("https://login.salesforce.com/services/oauth2/token"),
        200, body, null);
  }

  private static String body(String issuedAt, String signature) {
    return "{\"access_token\":\"00D5e000000AbCd!AQ.token\",\"instance_url\":\"https://acme.my.salesforce.com\","
        + "\"id\":\"" + ID + "\",\"token_type\":\"Bearer\",\"issued_at\":\"" + issuedAt + "\",\"signature\":\""
        + signature + "\",\"scope\":\"api  refresh_token web\",\"refresh_token\":\"5Aep861refresh\"}";
  }

  @Test
  void computesTheDocumentedSignature() {
    // Base64(HMAC-SHA256(key = client secret, message = id + issued_at)), cross-checked with
    // `printf '%s%s' "$id" 1700000000123 | openssl dgst -sha256 -hmac 8F3C1A2B9D -binary | base64`.
    assertThat(TokenResponseParser.sign(CLIENT_SECRET, ID, "1700000000123"))
        .isEqualTo("ZNSHIjzDKdzHIYlNOTx2SLbuqGboYDHpRBRDnlik6UU=");
  }

  @Test
  void parsesAVerifiedResponse() {
    String signature = TokenResponseParser.sign(CLIENT_SECRET, ID, "1700000000123");
    AccessToken token = TokenResponseParser.parse(response(body("1700000000123", signature)), CLIENT_SECRET, false, CLOCK);

    assertThat(token.value().reveal()).isEqualTo("00D5e000000AbCd!AQ.token");
    assertThat(token.instanceUrl()).isEqualTo(URI.create("https://acme.my.salesforce.com"));
    assertThat(token.identityUrl()).contains(URI.create(ID));
    assertThat(token.organizationId()).contains("00D5e000000AbCdEAK");
    assertThat(token.userId()).contains("0055e000001XyZaAAK");
    assertThat(token.issuedAt()).isEqualTo(Instant.ofEpochMilli(1700000000123L));
    assertThat(token.scopes()).containsExactlyInAnyOrder("api", "refresh_token", "web");
    assertThat(token.refreshToken()).hasValueSatisfying(r -> assertThat(r.reveal()).isEqualTo("5Aep861refresh"));
  }

  @Test
  void aBadSignatureIsRejected() {
    String wrong = TokenResponseParser.sign(Secret.of("other-secret"), ID, "1700000000123");
    assertThatThrownBy(() -> TokenResponseParser.parse(response(body("1700000000123", wrong)), CLIENT_SECRET, false, CLOCK))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.getMessage()).contains("token response signature does not verify");
          assertThat(e.errorCode()).contains(TokenResponseParser.SIGNATURE_ERROR_CODE);
        });
    String tamperedTime = TokenResponseParser.sign(CLIENT_SECRET, ID, "1700000000123");
    assertThatThrownBy(() -> TokenResponseParser.parse(response(body("1700000000999", tamperedTime)), CLIENT_SECRET,
        false, CLOCK)).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void signatureIsNotCheckedWithoutASecretOrWithoutASignature() {
    AccessToken token = TokenResponseParser.parse(response(body("1700000000123", "bogus")), null, false, CLOCK);
    assertThat(token.value().reveal()).isEqualTo("00D5e000000AbCd!AQ.token");

    String unsigned = "{\"access_token\":\"t\",\"instance_url\":\"https://acme.my.salesforce.com\",\"id\":\"" + ID + "\"}";
    AccessToken jwtStyle = TokenResponseParser.parse(response(unsigned), CLIENT_SECRET, false, CLOCK);
    assertThat(jwtStyle.issuedAt()).isEqualTo(CLOCK.instant());
    assertThat(jwtStyle.scopes()).isEmpty();
  }

  @Test
  void rejectsMalformedFields() {
    assertThatThrownBy(() -> TokenResponseParser.parse(response(body("yesterday", "x")), null, false, CLOCK))
        .isInstanceOf(ResponseDecodeException.class).hasMessageContaining("issued_at");
    assertThatThrownBy(() -> TokenResponseParser.parse(
        response("{\"access_token\":\"t\",\"instance_url\":\"not a url\"}"), null, false, CLOCK))
        .isInstanceOf(ResponseDecodeException.class).hasMessageContaining("instance_url");
    assertThatThrownBy(() -> TokenResponseParser.parse(response("[1,2]"), null, false, CLOCK))
        .isInstanceOf(ResponseDecodeException.class).hasMessageContaining("not a JSON object");
  }

  @Test
  void refusesAPlainHttpInstanceOffTheLoopback() {
    String body = "{\"access_token\":\"t\",\"instance_url\":\"http://acme.my.salesforce.com\"}";
    assertThatThrownBy(() -> TokenResponseParser.parse(response(body), null, false, CLOCK))
        .isInstanceOf(ResponseDecodeException.class).hasMessageContaining("insecure instance_url");
    assertThat(TokenResponseParser.parse(response(body), null, true, CLOCK).instanceUrl().getScheme()).isEqualTo("http");
  }
}
