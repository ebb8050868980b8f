package dev.forcelink.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.forcelink.core.Secret;
import dev.forcelink.core.exception.AuthenticationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PasswordAuthTest {
  private static final Secret SECRET = Secret.of("pw-client-secret");

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private PasswordAuth.Builder builder() {
    return PasswordAuth.builder().clientId("3MVG9pw").clientSecret(SECRET).username("user@acme.example")
        .password(Secret.of("p@ss word")).loginUrl(Wire.base(wm));
  }

  @Test
  void appendsTheSecurityTokenToThePassword() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(Wire.signedToken(wm, "pw-token", SECRET, ""))));
    PasswordAuth auth = builder().securityToken(Secret.of("SECTOK")).build();

    assertThat(auth.token().value().reveal()).isEqualTo("pw-token");
    auth.token();

    assertThat(Wire.tokenForms(wm)).containsExactly(Map.of("grant_type", "password", "client_id", "3MVG9pw",
        "client_secret", "pw-client-secret", "username", "user@acme.example", "password", "p@ss wordSECTOK"));
  }

  @Test
  void worksWithoutASecurityToken() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(Wire.signedToken(wm, "pw-token", SECRET, ""))));

    builder().build().token();

    assertThat(Wire.tokenForms(wm).get(0)).containsEntry("password", "p@ss word");
  }

  @Test
  void verifiesTheSignature() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(Wire.signedToken(wm, "pw-token", Secret.of("x"), ""))));
    assertThatThrownBy(() -> builder().build().token()).isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("signature does not verify");
  }
}
