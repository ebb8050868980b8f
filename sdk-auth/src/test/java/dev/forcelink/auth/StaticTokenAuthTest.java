package dev.forcelink.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.exception.AuthenticationException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class StaticTokenAuthTest {
  private static final URI INSTANCE = URI.create("https://acme.my.salesforce.com");

  @Test
  void servesTheTokenAndCannotRenewIt() {
    StaticTokenAuth auth = StaticTokenAuth.of(Secret.of("00Dstatic!token"), INSTANCE);
    AccessToken token = auth.token();

    assertThat(token.value().reveal()).isEqualTo("00Dstatic!token");
    assertThat(token.instanceUrl()).isEqualTo(INSTANCE);
    assertThat(auth.token()).isSameAs(token);
    assertThatThrownBy(() -> auth.refresh(token)).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.getMessage()).contains("cannot be renewed", "JwtBearerAuth", "RefreshTokenAuth");
      assertThat(e.isRetryable()).isFalse();
    });
  }

  @Test
  void wrapsAWholeToken() {
    AccessToken token = AccessToken.builder().value(Secret.of("v")).instanceUrl(INSTANCE).build();
    assertThat(StaticTokenAuth.of(token).token()).isSameAs(token);
  }

  @Test
  void refusesAPlainHttpInstance() {
    assertThatThrownBy(() -> StaticTokenAuth.of(Secret.of("v"), URI.create("http://acme.my.salesforce.com")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(StaticTokenAuth.of(Secret.of("v"), URI.create("http://localhost:1234")).token()).isNotNull();
  }
}
