package dev.forcelink.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.exception.AuthenticationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RefreshTokenAuthTest {
  private static final Secret SECRET = Secret.of("rt-client-secret");

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private RefreshTokenAuth.Builder builder() {
    return RefreshTokenAuth.builder().clientId("3MVG9rt").clientSecret(SECRET)
        .refreshToken(Secret.of("refresh-1")).loginUrl(Wire.base(wm));
  }

  @Test
  void sendsTheRefreshGrantAndCaches() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(Wire.signedToken(wm, "access-1", SECRET, ""))));
    RefreshTokenAuth auth = builder().build();

    AccessToken token = auth.token();
    assertThat(auth.token()).isSameAs(token);

    assertThat(token.value().reveal()).isEqualTo("access-1");
    assertThat(Wire.tokenForms(wm)).containsExactly(Map.of(
        "grant_type", "refresh_token", "refresh_token", "refresh-1",
        "client_id", "3MVG9rt", "client_secret", "rt-client-secret"));
  }

  @Test
  void theClientSecretIsOptional() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(Wire.unsignedToken(wm, "access-1"))));

    builder().clientSecret(null).build().token();

    assertThat(Wire.tokenForms(wm).get(0)).containsOnlyKeys("grant_type", "refresh_token", "client_id");
  }

  @Test
  void followsRefreshTokenRotation() {
    wm.stubFor(post(Wire.TOKEN_PATH).inScenario("rotation").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(Wire.signedToken(wm, "access-1", SECRET, ",\"refresh_token\":\"refresh-2\"")))
        .willSetStateTo("rotated"));
    wm.stubFor(post(Wire.TOKEN_PATH).inScenario("rotation").whenScenarioStateIs("rotated")
        .willReturn(okJson(Wire.signedToken(wm, "access-2", SECRET, ""))));
    List<Secret> rotated = new ArrayList<>();
    RefreshTokenAuth auth = builder().onRefreshTokenRotated(rotated::add).build();

    AccessToken first = auth.token();
    assertThat(auth.currentRefreshToken().reveal()).isEqualTo("refresh-2");
    AccessToken second = auth.refresh(first);

    assertThat(second.value().reveal()).isEqualTo("access-2");
    assertThat(Wire.tokenForms(wm)).extracting(f -> f.get("refresh_token")).containsExactly("refresh-1", "refresh-2");
    assertThat(rotated).extracting(Secret::reveal).containsExactly("refresh-2");
  }

  @Test
  void servesTheInitialTokenUntilItIsRejected() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(Wire.signedToken(wm, "access-new", SECRET, ""))));
    AccessToken initial = AccessToken.builder().value(Secret.of("access-old")).instanceUrl(Wire.base(wm)).build();
    RefreshTokenAuth auth = builder().initialToken(initial).build();

    assertThat(auth.token()).isSameAs(initial);
    assertThat(Wire.tokenRequests(wm)).isEmpty();

    assertThat(auth.refresh(initial).value().reveal()).isEqualTo("access-new");
    assertThat(Wire.tokenRequests(wm)).hasSize(1);
  }

  @Test
  void rejectionBeforeFirstUseStillRenews() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(Wire.signedToken(wm, "access-new", SECRET, ""))));
    AccessToken initial = AccessToken.builder().value(Secret.of("access-old")).instanceUrl(Wire.base(wm)).build();

    assertThat(builder().initialToken(initial).build().refresh(initial).value().reveal()).isEqualTo("access-new");
  }

  @Test
  void anExpiredRefreshTokenIsReportedOnce() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}")));

    assertThatThrownBy(() -> builder().build().token()).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.errorCode()).contains("invalid_grant");
      assertThat(e.getMessage()).contains("refresh token request", "authorization code flow");
    });
    assertThat(Wire.tokenRequests(wm)).hasSize(1);
  }
}
