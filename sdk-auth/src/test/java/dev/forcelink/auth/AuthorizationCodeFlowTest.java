package dev.forcelink.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.exception.AuthenticationException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthorizationCodeFlowTest {
  private static final Secret SECRET = Secret.of("code-client-secret");
  private static final Pkce RFC_PKCE = Pkce.fromVerifier(Secret.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private AuthorizationCodeFlow.Builder builder() {
    return AuthorizationCodeFlow.builder().clientId("3MVG9code").clientSecret(SECRET)
        .redirectUri(URI.create("http://localhost:7777/callback")).loginUrl(Wire.base(wm));
  }

  @Test
  void buildsAnEncodedAuthorizeUrl() {
    AuthorizationCodeFlow flow = AuthorizationCodeFlow.builder()
        .clientId("3MVG9 id+x")
        .redirectUri(URI.create("https://app.example.com/callback?x=1&y=2"))
        .build();

    URI url = flow.authorizeUrl("st/ate=+1", RFC_PKCE, new LinkedHashSet<>(List.of("api", "refresh_token")));

    assertThat(url).hasToString("https://login.salesforce.com/services/oauth2/authorize"
        + "?response_type=code"
        + "&client_id=3MVG9%20id%2Bx"
        + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback%3Fx%3D1%26y%3D2"
        + "&scope=api%20refresh_token"
        + "&state=st%2Fate%3D%2B1"
        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        + "&code_challenge_method=S256");
    assertThat(url.getQuery()).contains("redirect_uri=https://app.example.com/callback?x=1&y=2", "state=st/ate=+1");
  }

  @Test
  void omitsScopeWhenNoneIsAskedAndRejectsBadScopes() {
    AuthorizationCodeFlow flow = builder().build();
    State state = State.generate();
    assertThat(flow.authorizeUrl(state, RFC_PKCE, Set.of()).getQuery()).doesNotContain("scope=")
        .contains("state=" + state.value());
    assertThatThrownBy(() -> flow.authorizeUrl("s", RFC_PKCE, Set.of("api web")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exchangesTheCodeWithTheVerifier() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(
        Wire.signedToken(wm, "code-access", SECRET, ",\"refresh_token\":\"code-refresh\""))));

    AccessToken token = builder().build().exchange("aPrxCode==", RFC_PKCE);

    assertThat(token.value().reveal()).isEqualTo("code-access");
    assertThat(token.refreshToken()).hasValueSatisfying(r -> assertThat(r.reveal()).isEqualTo("code-refresh"));
    assertThat(Wire.tokenForms(wm)).containsExactly(Map.of(
        "grant_type", "authorization_code", "code", "aPrxCode==", "client_id", "3MVG9code",
        "client_secret", "code-client-secret", "redirect_uri", "http://localhost:7777/callback",
        "code_verifier", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
  }

  @Test
  void publicClientsSendNoSecret() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(Wire.unsignedToken(wm, "code-access"))));
    builder().clientSecret(null).build().exchange("c", RFC_PKCE);
    assertThat(Wire.tokenForms(wm).get(0)).doesNotContainKey("client_secret");
  }

  @Test
  void continuesAsARefreshTokenProvider() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(
        Wire.signedToken(wm, "code-access", SECRET, ",\"refresh_token\":\"code-refresh\""))));
    AuthorizationCodeFlow flow = builder().build();
    AccessToken token = flow.exchange("c", RFC_PKCE);

    RefreshTokenAuth auth = flow.toRefreshTokenAuth(token);
    assertThat(auth.token()).isSameAs(token);
    assertThat(Wire.tokenRequests(wm)).hasSize(1);

    auth.refresh(token);
    assertThat(Wire.tokenForms(wm).get(1)).containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", "code-refresh").containsEntry("client_secret", "code-client-secret");
  }

  @Test
  void aTokenWithoutRefreshTokenCannotContinue() {
    AccessToken token = AccessToken.builder().value(Secret.of("t")).instanceUrl(Wire.base(wm)).build();
    assertThatThrownBy(() -> builder().build().toRefreshTokenAuth(token))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refresh_token");
  }

  @Test
  void aUsedCodeIsRefusedOnce() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"invalid authorization code\"}")));
    assertThatThrownBy(() -> builder().build().exchange("used", RFC_PKCE))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("authorization code exchange");
    assertThat(Wire.tokenRequests(wm)).hasSize(1);
  }
}
