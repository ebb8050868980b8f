package dev.forcelink.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientCredentialsAuthTest {
  private static final Secret SECRET = Secret.of("cc-secret-123");

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ClientCredentialsAuth.Builder builder() {
    return ClientCredentialsAuth.builder().clientId("3MVG9cc").clientSecret(SECRET).myDomainUrl(Wire.base(wm));
  }

  @Test
  void sendsCredentialsInTheBodyByDefault() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(Wire.signedToken(wm, "cc-token", SECRET, ""))));
    ClientCredentialsAuth auth = builder().build();

    AccessToken token = auth.token();
    assertThat(auth.token()).isSameAs(token);

    assertThat(token.value().reveal()).isEqualTo("cc-token");
    assertThat(Wire.tokenForms(wm)).hasSize(1);
    assertThat(Wire.tokenForms(wm).get(0)).containsExactly(
        java.util.Map.entry("grant_type", "client_credentials"),
        java.util.Map.entry("client_id", "3MVG9cc"),
        java.util.Map.entry("client_secret", "cc-secret-123"));
    wm.verify(postRequestedFor(urlEqualTo(Wire.TOKEN_PATH))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
        .withHeader("Authorization", absent()));
  }

  @Test
  void canUseHttpBasic() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(Wire.signedToken(wm, "cc-token", SECRET, ""))));

    builder().useHttpBasic(true).build().token();

    String expected = "Basic " + Base64.getEncoder().encodeToString("3MVG9cc:cc-secret-123".getBytes(StandardCharsets.UTF_8));
    wm.verify(postRequestedFor(urlEqualTo(Wire.TOKEN_PATH)).withHeader("Authorization", equalTo(expected)));
    assertThat(Wire.tokenForms(wm).get(0)).containsOnlyKeys("grant_type");
  }

  @Test
  void renewsOnceWhenRejected() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(Wire.signedToken(wm, "cc-token", SECRET, ""))));
    ClientCredentialsAuth auth = builder().build();

    AccessToken first = auth.token();
    AccessToken second = auth.refresh(first);

    assertThat(second).isNotSameAs(first);
    assertThat(Wire.tokenRequests(wm)).hasSize(2);
  }

  @Test
  void rejectsAResponseSignedWithAnotherSecret() {
    wm.stubFor(post(Wire.TOKEN_PATH).willReturn(okJson(Wire.signedToken(wm, "cc-token", Secret.of("other"), ""))));

    assertThatThrownBy(() -> builder().build().token()).isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("token response signature does not verify");
  }

  @Test
  void refusesTheGenericLoginHosts() {
    for (URI generic : new URI[] {LoginUrls.PRODUCTION, LoginUrls.SANDBOX, URI.create("https://LOGIN.salesforce.com/")}) {
      assertThatThrownBy(() -> builder().myDomainUrl(generic).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("My Domain");
    }
    assertThat(builder().myDomainUrl(URI.create("https://acme.my.salesforce.com")).build()).isNotNull();
  }
}
