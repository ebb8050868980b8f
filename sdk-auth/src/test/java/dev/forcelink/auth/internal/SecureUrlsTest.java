package dev.forcelink.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SecureUrlsTest {
  @Test
  void httpsIsAlwaysAllowed() {
    URI url = URI.create("https://acme.my.salesforce.com");
    assertThat(SecureUrls.requireSecure(url, false, "loginUrl")).isSameAs(url);
  }

  @Test
  void plainHttpOnlyOnTheLoopbackOrWhenAllowed() {
    for (String ok : new String[] {"http://localhost:8080", "http://127.0.0.1:1", "http://127.10.20.30", "http://[::1]:9000"}) {
      assertThat(SecureUrls.requireSecure(URI.create(ok), false, "loginUrl")).hasToString(ok);
    }
    for (String bad : new String[] {"http://login.salesforce.com", "http://10.0.0.1", "http://128.0.0.1",
        "http://localhost.evil.example"}) {
      assertThatThrownBy(() -> SecureUrls.requireSecure(URI.create(bad), false, "loginUrl"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowInsecureHttp(true)");
      assertThat(SecureUrls.requireSecure(URI.create(bad), true, "loginUrl")).hasToString(bad);
    }
  }

  @Test
  void rejectsUrlsThatAreNotHttp() {
    for (String bad : new String[] {"ftp://login.salesforce.com", "login.salesforce.com", "/services/oauth2/token"}) {
      assertThatThrownBy(() -> SecureUrls.requireSecure(URI.create(bad), true, "loginUrl"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loginUrl");
    }
    assertThatThrownBy(() -> SecureUrls.requireSecure(URI.create("https://user:pw@login.salesforce.com"), false, "loginUrl"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("pw");
  }

  @Test
  void endpointKeepsTheBasePathAndDropsTheQuery() {
    assertThat(SecureUrls.endpoint(URI.create("https://login.salesforce.com"), "/services/oauth2/token"))
        .hasToString("https://login.salesforce.com/services/oauth2/token");
    assertThat(SecureUrls.endpoint(URI.create("https://acme.my.site.com/customers/?x=1#f"), "/services/oauth2/token"))
        .hasToString("https://acme.my.site.com/customers/services/oauth2/token");
    assertThat(SecureUrls.endpoint(URI.create("http://localhost:8080/"), "/services/oauth2/revoke"))
        .hasToString("http://localhost:8080/services/oauth2/revoke");
  }
}
