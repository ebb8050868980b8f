package dev.forcelink.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.exception.AuthenticationException;
import dev.forcelink.core.exception.ResponseDecodeException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SalesforceOAuthTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private SalesforceOAuth client() {
    return SalesforceOAuth.builder().loginUrl(Wire.base(wm)).clientId("3MVG9intro").clientSecret(Secret.of("intro-secret"))
        .build();
  }

  private AccessToken token() {
    return AccessToken.builder().value(Secret.of("bearer-value")).instanceUrl(Wire.base(wm))
        .identityUrl(URI.create(wm.baseUrl() + "/id/" + Wire.ORG + "/" + Wire.USER)).build();
  }

  @Test
  void revokesWithAForm() {
    wm.stubFor(post("/services/oauth2/revoke").willReturn(aResponse().withStatus(200)));

    client().revoke(Secret.of("to-revoke"));

    wm.verify(postRequestedFor(urlEqualTo("/services/oauth2/revoke"))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo("token=to-revoke")));
  }

  @Test
  void aFailedRevocationIsReported() {
    wm.stubFor(post("/services/oauth2/revoke").willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"unsupported_token_type\",\"error_description\":\"this token type is not supported\"}")));
    assertThatThrownBy(() -> client().revoke(Secret.of("x"))).isInstanceOfSatisfying(AuthenticationException.class,
        e -> assertThat(e.errorCode()).contains("unsupported_token_type"));
  }

  @Test
  void introspectsWithClientCredentials() {
    wm.stubFor(post("/services/oauth2/introspect").willReturn(okJson("{\"active\":true,\"scope\":\"api refresh_token\","
        + "\"client_id\":\"3MVG9intro\",\"username\":\"user@acme.example\",\"sub\":\"https://login.salesforce.com/id/00D/005\","
        + "\"token_type\":\"access_token\",\"exp\":1700003600,\"iat\":1700000000,\"nbf\":1700000000}")));

    TokenIntrospection result = client().introspect(Secret.of("inspect-me"), TokenTypeHint.ACCESS_TOKEN);

    assertThat(result.active()).isTrue();
    assertThat(result.scopes()).containsExactly("api", "refresh_token");
    assertThat(result.clientId()).contains("3MVG9intro");
    assertThat(result.username()).contains("user@acme.example");
    assertThat(result.sub()).contains("https://login.salesforce.com/id/00D/005");
    assertThat(result.tokenType()).contains("access_token");
    assertThat(result.expiresAt()).contains(Instant.ofEpochSecond(1700003600));
    assertThat(result.issuedAt()).contains(Instant.ofEpochSecond(1700000000));
    assertThat(result.notBefore()).contains(Instant.ofEpochSecond(1700000000));
    String body = wm.findAll(postRequestedFor(urlEqualTo("/services/oauth2/introspect"))).get(0).getBodyAsString();
    assertThat(Wire.form(body)).isEqualTo(Map.of("token", "inspect-me", "token_type_hint", "access_token",
        "client_id", "3MVG9intro", "client_secret", "intro-secret"));
  }

  @Test
  void anInactiveTokenIntrospectsAsInactive() {
    wm.stubFor(post("/services/oauth2/introspect").willReturn(okJson("{\"active\":false}")));
    TokenIntrospection result = client().introspect(Secret.of("old"), null);
    assertThat(result.active()).isFalse();
    assertThat(result.scopes()).isEmpty();
    assertThat(result.expiresAt()).isEmpty();
  }

  @Test
  void introspectionNeedsClientCredentials() {
    assertThatThrownBy(() -> SalesforceOAuth.builder().loginUrl(Wire.base(wm)).build().introspect(Secret.of("t"), null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("clientSecret");
  }

  @Test
  void readsUserInfoWithTheBearerToken() {
    wm.stubFor(get("/services/oauth2/userinfo").willReturn(okJson("{\"sub\":\"https://login.salesforce.com/id/"
        + Wire.ORG + "/" + Wire.USER + "\",\"user_id\":\"" + Wire.USER + "\",\"organization_id\":\"" + Wire.ORG
        + "\",\"preferred_username\":\"user@acme.example\",\"name\":\"Ada Lovelace\",\"email\":\"ada@acme.example\","
        + "\"zoneinfo\":\"Europe/London\",\"locale\":\"en_GB\",\"language\":\"en_US\",\"user_type\":\"STANDARD\","
        + "\"active\":true,\"urls\":{\"rest\":\"https://acme.my.salesforce.com/services/data/v{version}/\"},"
        + "\"photos\":{\"picture\":\"https://p\"},\"utcOffset\":0}")));

    UserInfo info = client().userInfo(token());

    wm.verify(getRequestedFor(urlEqualTo("/services/oauth2/userinfo"))
        .withHeader("Authorization", equalTo("Bearer bearer-value")));
    assertThat(info.userId()).contains(Wire.USER);
    assertThat(info.organizationId()).contains(Wire.ORG);
    assertThat(info.sub()).hasValueSatisfying(s -> assertThat(s).endsWith(Wire.USER));
    assertThat(info.preferredUsername()).contains("user@acme.example");
    assertThat(info.name()).contains("Ada Lovelace");
    assertThat(info.email()).contains("ada@acme.example");
    assertThat(info.zoneinfo()).contains("Europe/London");
    assertThat(info.locale()).contains("en_GB");
    assertThat(info.language()).contains("en_US");
    assertThat(info.userType()).contains("STANDARD");
    assertThat(info.active()).contains(true);
    assertThat(info.urls()).containsEntry("rest", "https://acme.my.salesforce.com/services/data/v{version}/");
    assertThat(info.raw()).containsEntry("utcOffset", 0L).containsEntry("photos", Map.of("picture", "https://p"));
    assertThatThrownBy(() -> info.raw().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void readsTheIdentityUrl() {
    String path = "/id/" + Wire.ORG + "/" + Wire.USER;
    wm.stubFor(get(path).willReturn(okJson("{\"id\":\"https://login.salesforce.com" + path + "\",\"user_id\":\""
        + Wire.USER + "\",\"organization_id\":\"" + Wire.ORG + "\",\"username\":\"user@acme.example\","
        + "\"display_name\":\"Ada\",\"timezone\":\"Europe/London\"}")));

    UserInfo identity = client().identity(token());

    wm.verify(getRequestedFor(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer bearer-value")));
    assertThat(identity.preferredUsername()).contains("user@acme.example");
    assertThat(identity.name()).contains("Ada");
    assertThat(identity.zoneinfo()).contains("Europe/London");
    assertThat(identity.sub()).contains("https://login.salesforce.com" + path);
  }

  @Test
  void aRejectedTokenAndABadBodyAreReported() {
    wm.stubFor(get("/services/oauth2/userinfo").willReturn(aResponse().withStatus(403).withBody("Bad_OAuth_Token")));
    assertThatThrownBy(() -> client().userInfo(token())).isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Bad_OAuth_Token");

    wm.stubFor(get("/services/oauth2/userinfo").willReturn(aResponse().withStatus(200).withBody("<html>login</html>")));
    assertThatThrownBy(() -> client().userInfo(token())).isInstanceOf(ResponseDecodeException.class)
        .hasMessageContaining("<html>login</html>");
  }

  @Test
  void identityNeedsTheIdentityUrl() {
    AccessToken bare = AccessToken.builder().value(Secret.of("v")).instanceUrl(Wire.base(wm)).build();
    assertThatThrownBy(() -> client().identity(bare)).isInstanceOf(IllegalArgumentException.class);
  }
}
