package dev.forcelink.examples.snippets;

import dev.forcelink.auth.AuthorizationCodeFlow;
import dev.forcelink.auth.ClientCredentialsAuth;
import dev.forcelink.auth.JwtBearerAuth;
import dev.forcelink.auth.LoginUrls;
import dev.forcelink.auth.Pkce;
import dev.forcelink.auth.PrivateKeys;
import dev.forcelink.auth.RefreshTokenAuth;
import dev.forcelink.auth.SalesforceOAuth;
import dev.forcelink.auth.State;
import dev.forcelink.auth.StaticTokenAuth;
import dev.forcelink.auth.TokenTypeHint;
import dev.forcelink.auth.UserInfo;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.AuthProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

/** Snippets of docs/auth.md, compiled. */
final class AuthSnippets {
  private AuthSnippets() {}

  static AuthProvider jwt(String consumerKey) {
    // snippet: auth-jwt
    AuthProvider auth = JwtBearerAuth.builder()
        .clientId(consumerKey)
        .username("integration@acme.com")
        .loginUrl(LoginUrls.SANDBOX)                         // or PRODUCTION, or a My Domain URL
        .privateKey(PrivateKeys.fromPemFile(Path.of("server-pkcs8.pem"), System.getenv("KEY_PASS").toCharArray()))
        .build();
    // end snippet
    return auth;
  }

  static AuthProvider clientCredentials(String consumerKey, String secret) {
    // snippet: auth-client-credentials
    AuthProvider auth = ClientCredentialsAuth.builder()
        .clientId(consumerKey)
        .clientSecret(Secret.of(secret))
        .myDomainUrl(URI.create("https://acme.my.salesforce.com"))
        .build();
    // end snippet
    return auth;
  }

  static AuthProvider webLogin(String consumerKey, String codeFromCallback, Pkce pkceFromSession) {
    // snippet: auth-code-pkce
    AuthorizationCodeFlow flow = AuthorizationCodeFlow.builder()
        .clientId(consumerKey)
        .redirectUri(URI.create("https://app.acme.com/oauth/callback"))
        .loginUrl(LoginUrls.PRODUCTION)
        .build();

    // 1. send the user's browser to the authorize URL; keep pkce and state in the session
    Pkce pkce = Pkce.generate();
    State state = State.generate();
    URI redirectTo = flow.authorizeUrl(state, pkce, Set.of("api", "refresh_token"));

    // 2. on the callback, check state.matches(callbackState), then exchange the code
    AccessToken token = flow.exchange(codeFromCallback, pkceFromSession);
    RefreshTokenAuth auth = flow.toRefreshTokenAuth(token);  // keeps itself logged in from now on
    // end snippet
    System.out.println(redirectTo);
    return auth;
  }

  static void utilities(AccessToken token, String consumerKey, String secret) {
    // snippet: auth-utilities
    SalesforceOAuth oauth = SalesforceOAuth.builder()
        .loginUrl(LoginUrls.PRODUCTION)
        .clientId(consumerKey)
        .clientSecret(Secret.of(secret))
        .build();
    UserInfo me = oauth.userInfo(token);                     // who is this token for?
    boolean active = oauth.introspect(token.value(), TokenTypeHint.ACCESS_TOKEN).active();
    oauth.revoke(token.value());                             // log out
    // end snippet
    System.out.println(me.organizationId() + " " + active);
  }

  static AuthProvider existingToken(String sessionId) {
    // snippet: auth-static
    AuthProvider auth = StaticTokenAuth.of(Secret.of(sessionId), URI.create("https://acme.my.salesforce.com"));
    // end snippet
    return auth;
  }
}
