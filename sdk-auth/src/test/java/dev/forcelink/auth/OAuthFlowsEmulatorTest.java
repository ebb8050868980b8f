package dev.forcelink.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.AuthProvider;
import dev.forcelink.core.exception.AuthenticationException;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import dev.forcelink.testkit.EmulatorExtension;
import dev.forcelink.testkit.SalesforceEmulator;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every OAuth flow of sdk-auth against the emulator's real token endpoint, end to end. */
class OAuthFlowsEmulatorTest {
  private static final String TOKEN_PATH = "/services/oauth2/token";

  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.builder().build();

  @Test
  void jwtBearerLogsInAndTheTokenWorksOnTheDataApi(SalesforceEmulator org) {
    JwtBearerAuth auth = JwtBearerAuth.builder()
        .clientId(org.clientId())
        .username(org.username())
        .loginUrl(URI.create(org.loginUrl()))
        .privateKey(org.jwtPrivateKey())
        .build();

    AccessToken token = auth.token();

    assertThat(token.instanceUrl()).isEqualTo(URI.create(org.instanceUrl()));
    assertThat(token.organizationId()).contains(org.orgId());
    assertThat(token.userId()).contains(org.userId());
    assertThat(limitsStatus(auth)).isEqualTo(200);
  }

  @Test
  void jwtBearerWithAnUnregisteredKeyFailsOnceWithInvalidGrant(SalesforceEmulator org) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    PrivateKey stranger = generator.generateKeyPair().getPrivate();
    JwtBearerAuth auth = JwtBearerAuth.builder()
        .clientId(org.clientId())
        .username(org.username())
        .loginUrl(URI.create(org.loginUrl()))
        .privateKey(stranger)
        .build();

    assertThatThrownBy(auth::token)
        .isInstanceOf(AuthenticationException.class)
        .satisfies(e -> assertThat(((AuthenticationException) e).errorCode()).contains("invalid_grant"));
    assertThat(org.requests().countOf("POST", TOKEN_PATH)).isEqualTo(1);
  }

  @Test
  void clientCredentialsAgainstTheMyDomainHost(SalesforceEmulator org) {
    ClientCredentialsAuth auth = ClientCredentialsAuth.builder()
        .clientId(org.clientId())
        .clientSecret(Secret.of(org.clientSecret()))
        .myDomainUrl(URI.create(org.loginUrl()))
        .build();

    assertThat(auth.token().organizationId()).contains(org.orgId());
    assertThat(limitsStatus(auth)).isEqualTo(200);
  }

  @Test
  void clientCredentialsWithAWrongSecretIsRefused(SalesforceEmulator org) {
    ClientCredentialsAuth auth = ClientCredentialsAuth.builder()
        .clientId(org.clientId())
        .clientSecret(Secret.of("not-the-secret"))
        .myDomainUrl(URI.create(org.loginUrl()))
        .build();

    assertThatThrownBy(auth::token)
        .isInstanceOf(AuthenticationException.class)
        .satisfies(e -> assertThat(((AuthenticationException) e).errorCode()).contains("invalid_client"));
  }

  @Test
  void passwordFlowWithTheSecurityToken(SalesforceEmulator org) {
    PasswordAuth auth = PasswordAuth.builder()
        .clientId(org.clientId())
        .clientSecret(Secret.of(org.clientSecret()))
        .username(org.username())
        .password(Secret.of(org.password()))
        .securityToken(Secret.of(org.securityToken()))
        .loginUrl(URI.create(org.loginUrl()))
        .build();

    assertThat(limitsStatus(auth)).isEqualTo(200);
  }

  @Test
  void authorizationCodeWithPkceThenRefreshTokenAfterExpiry(SalesforceEmulator org) throws Exception {
    URI redirect = URI.create("http://localhost:8765/callback");
    AuthorizationCodeFlow flow = AuthorizationCodeFlow.builder()
        .clientId(org.clientId())
        .clientSecret(Secret.of(org.clientSecret()))
        .redirectUri(redirect)
        .loginUrl(URI.create(org.loginUrl()))
        .build();
    Pkce pkce = Pkce.generate();
    State state = State.generate();

    URI authorize = flow.authorizeUrl(state, pkce, Set.of("api", "refresh_token"));
    HttpResponse<Void> approval = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.discarding());
    assertThat(approval.statusCode()).isEqualTo(302);
    Map<String, String> callback = query(URI.create(approval.headers().firstValue("Location").orElseThrow()));
    assertThat(state.matches(callback.get("state"))).isTrue();

    AccessToken token = flow.exchange(callback.get("code"), pkce);
    assertThat(token.refreshToken()).isPresent();

    RefreshTokenAuth refreshing = flow.toRefreshTokenAuth(token);
    org.expireAllTokens();
    int before = org.requests().countOf("POST", TOKEN_PATH);
    assertThat(limitsStatus(refreshing)).isEqualTo(200);
    assertThat(org.requests().countOf("POST", TOKEN_PATH)).isEqualTo(before + 1);
  }

  @Test
  void authorizationCodeWithTheWrongVerifierIsRefused(SalesforceEmulator org) throws Exception {
    URI redirect = URI.create("http://localhost:8765/callback");
    AuthorizationCodeFlow flow = AuthorizationCodeFlow.builder()
        .clientId(org.clientId())
        .clientSecret(Secret.of(org.clientSecret()))
        .redirectUri(redirect)
        .loginUrl(URI.create(org.loginUrl()))
        .build();
    URI authorize = flow.authorizeUrl(State.generate(), Pkce.generate(), Set.of("api"));
    HttpResponse<Void> approval = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.discarding());
    String code = query(URI.create(approval.headers().firstValue("Location").orElseThrow())).get("code");

    assertThatThrownBy(() -> flow.exchange(code, Pkce.generate()))
        .isInstanceOf(AuthenticationException.class)
        .satisfies(e -> assertThat(((AuthenticationException) e).errorCode()).contains("invalid_grant"));
  }

  @Test
  void staticTokenWorksUntilRevokedAndCannotBeRenewed(SalesforceEmulator org) {
    StaticTokenAuth auth = StaticTokenAuth.of(Secret.of(org.issueAccessToken()), URI.create(org.instanceUrl()));
    assertThat(limitsStatus(auth)).isEqualTo(200);

    org.revokeAllTokens();

    assertThatThrownBy(() -> limitsStatus(auth)).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void userInfoIdentityIntrospectAndRevoke(SalesforceEmulator org) {
    PasswordAuth auth = PasswordAuth.builder()
        .clientId(org.clientId())
        .clientSecret(Secret.of(org.clientSecret()))
        .username(org.username())
        .password(Secret.of(org.password()))
        .securityToken(Secret.of(org.securityToken()))
        .loginUrl(URI.create(org.loginUrl()))
        .build();
    AccessToken token = auth.token();
    SalesforceOAuth oauth = SalesforceOAuth.builder()
        .loginUrl(URI.create(org.loginUrl()))
        .clientId(org.clientId())
        .clientSecret(Secret.of(org.clientSecret()))
        .build();

    UserInfo me = oauth.userInfo(token);
    assertThat(me.organizationId()).contains(org.orgId());
    assertThat(me.userId()).contains(org.userId());
    assertThat(me.preferredUsername()).contains(org.username());
    assertThat(oauth.identity(token).userId()).contains(org.userId());
    assertThat(oauth.introspect(token.value(), TokenTypeHint.ACCESS_TOKEN).active()).isTrue();

    oauth.revoke(token.value());

    assertThat(oauth.introspect(token.value(), TokenTypeHint.ACCESS_TOKEN).active()).isFalse();
  }

  @Test
  void hundredConcurrentCallsAfterExpiryCauseExactlyOneLogin(SalesforceEmulator org) throws Exception {
    JwtBearerAuth auth = JwtBearerAuth.builder()
        .clientId(org.clientId())
        .username(org.username())
        .loginUrl(URI.create(org.loginUrl()))
        .privateKey(org.jwtPrivateKey())
        .build();
    try (SalesforceConnection connection = SalesforceConnection.builder().authProvider(auth).build()) {
      assertThat(get(connection, "/limits").statusCode()).isEqualTo(200);
      org.expireAllTokens();
      int logins = org.requests().countOf("POST", TOKEN_PATH);

      ExecutorService pool = Executors.newFixedThreadPool(100);
      try {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          calls.add(() -> get(connection, "/limits").statusCode());
        }
        for (Future<Integer> f : pool.invokeAll(calls)) {
          assertThat(f.get()).isEqualTo(200);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(org.requests().countOf("POST", TOKEN_PATH)).isEqualTo(logins + 1);
    }
  }

  private static int limitsStatus(AuthProvider auth) {
    try (SalesforceConnection connection = SalesforceConnection.builder().authProvider(auth).build()) {
      return get(connection, "/limits").statusCode();
    }
  }

  private static SalesforceResponse<String> get(SalesforceConnection connection, String resource) {
    return connection.sendForString(SalesforceRequest.builder()
        .get()
        .path(ApiVersion.DEFAULT.dataPath() + resource)
        .build());
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new HashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
