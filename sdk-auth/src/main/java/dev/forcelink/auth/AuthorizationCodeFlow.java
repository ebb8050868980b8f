package dev.forcelink.auth;

import dev.forcelink.auth.internal.FormBody;
import dev.forcelink.auth.internal.OAuthOperation;
import dev.forcelink.auth.internal.SecureUrls;
import dev.forcelink.auth.internal.TokenEndpoint;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The OAuth 2.0 authorization code flow with PKCE, for web and desktop applications acting for a
 * user:
 *
 * <ol>
 *   <li>make a {@link State} and a {@link Pkce}, keep both with the user's session, and send the
 *       browser to {@link #authorizeUrl(String, Pkce, Set)};
 *   <li>on the callback to the redirect URI, check its {@code state} with {@link State#matches};
 *   <li>{@link #exchange(String, Pkce)} the {@code code} for a token (with a refresh token when the
 *       scopes include {@code refresh_token} or {@code offline_access});
 *   <li>continue with {@link #toRefreshTokenAuth(AccessToken)} as an
 *       {@link dev.forcelink.core.auth.AuthProvider}.
 * </ol>
 *
 * <p>Immutable and thread-safe: one instance serves every user of the application.
 */
public final class AuthorizationCodeFlow {
  /** The grant type of the code exchange. */
  public static final String GRANT_TYPE = "authorization_code";
  /** The authorize endpoint's path. */
  public static final String AUTHORIZE_PATH = "/services/oauth2/authorize";

  private final String clientId;
  private final Secret clientSecret;
  private final URI redirectUri;
  private final URI loginUrl;
  private final boolean allowInsecureHttp;
  private final HttpClient httpClient;
  private final Duration requestTimeout;
  private final Clock clock;
  private final TokenEndpoint endpoint;

  private AuthorizationCodeFlow(Builder b) {
    this.clientId = Checks.requireText(b.clientId, "clientId");
    this.clientSecret = b.clientSecret;
    this.redirectUri = Objects.requireNonNull(b.redirectUri, "redirectUri");
    if (!redirectUri.isAbsolute()) {
      throw new IllegalArgumentException("redirectUri must be absolute and equal a callback URL of the"
          + " connected app");
    }
    this.loginUrl = b.requireSecure(b.loginUrl, "loginUrl");
    this.allowInsecureHttp = b.allowInsecureHttp();
    this.httpClient = b.httpClient();
    this.requestTimeout = b.requestTimeout();
    this.clock = b.clock();
    this.endpoint = b.tokenEndpoint(loginUrl);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds the URL to send the user's browser to: {@code /services/oauth2/authorize} with
   * {@code response_type=code}, {@code client_id}, {@code redirect_uri}, {@code scope} (when any),
   * {@code state}, {@code code_challenge} and {@code code_challenge_method=S256}, each
   * percent-encoded.
   *
   * @param state the session's state value (see {@link State#generate()})
   * @param pkce the session's PKCE pair
   * @param scopes the scopes to request, such as {@code api} and {@code refresh_token}; may be
   *     empty for the connected app's defaults
   * @return the authorize URL
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the state is empty or a scope is blank or holds a space
   */
  public URI authorizeUrl(String state, Pkce pkce, Set<String> scopes) {
    Checks.requireText(state, "state");
    Objects.requireNonNull(pkce, "pkce");
    Objects.requireNonNull(scopes, "scopes");
    Set<String> ordered = new LinkedHashSet<>(scopes);
    for (String scope : ordered) {
      if (scope == null || scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("Each scope must be one non-blank word, such as api or"
            + " refresh_token");
      }
    }
    StringBuilder query = new StringBuilder()
        .append("response_type=code")
        .append("&client_id=").append(FormBody.formEncode(clientId))
        .append("&redirect_uri=").append(FormBody.formEncode(redirectUri.toString()));
    if (!ordered.isEmpty()) {
      query.append("&scope=").append(FormBody.formEncode(String.join(" ", ordered)));
    }
    query.append("&state=").append(FormBody.formEncode(state))
        .append("&code_challenge=").append(FormBody.formEncode(pkce.challenge()))
        .append("&code_challenge_method=").append(Pkce.METHOD);
    return URI.create(SecureUrls.endpoint(loginUrl, AUTHORIZE_PATH) + "?" + query);
  }

  /**
   * Builds the authorize URL for a {@link State}.
   *
   * @param state the session's state
   * @param pkce the session's PKCE pair
   * @param scopes the scopes to request
   * @return the authorize URL
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a scope is blank or holds a space
   * @see #authorizeUrl(String, Pkce, Set)
   */
  public URI authorizeUrl(State state, Pkce pkce, Set<String> scopes) {
    return authorizeUrl(Objects.requireNonNull(state, "state").value(), pkce, scopes);
  }

  /**
   * Exchanges the authorization code from the callback for a token. Codes are single-use and
   * short-lived: exchange at once.
   *
   * @param code the {@code code} parameter of the callback
   * @param pkce the PKCE pair whose challenge was in the authorize URL
   * @return the token, with its refresh token when one was issued
   * @throws NullPointerException if an argument is null
   * @throws dev.forcelink.core.exception.AuthenticationException if Salesforce refuses the code
   *     ({@code invalid_grant}: expired, used, or the verifier or redirect URI does not match) or
   *     the response signature does not verify
   * @throws dev.forcelink.core.exception.ForcelinkClientException on network failures (after up to
   *     two retries) or an undecodable answer
   */
  public AccessToken exchange(String code, Pkce pkce) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(pkce, "pkce");
    FormBody form = new FormBody()
        .add("grant_type", GRANT_TYPE)
        .addSecret("code", Secret.of(code))
        .add("client_id", clientId);
    if (clientSecret != null) {
      form.addSecret("client_secret", clientSecret);
    }
    form.add("redirect_uri", redirectUri.toString())
        .addSecret("code_verifier", pkce.verifier());
    return endpoint.request(OAuthOperation.AUTHORIZATION_CODE, form, null, clientSecret);
  }

  /**
   * Continues with a provider that serves {@code token} first and then renews it with its refresh
   * token, using this flow's client, login URL and HTTP settings.
   *
   * @param token a token from {@link #exchange(String, Pkce)}
   * @return the provider
   * @throws NullPointerException if {@code token} is null
   * @throws IllegalArgumentException if the token carries no refresh token
   */
  public RefreshTokenAuth toRefreshTokenAuth(AccessToken token) {
    Objects.requireNonNull(token, "token");
    Secret refreshToken = token.refreshToken().orElseThrow(() -> new IllegalArgumentException(
        "The token carries no refresh token: request the refresh_token (or offline_access) scope in"
            + " the authorize URL, and allow it in the connected app"));
    RefreshTokenAuth.Builder b = RefreshTokenAuth.builder()
        .clientId(clientId)
        .clientSecret(clientSecret)
        .refreshToken(refreshToken)
        .loginUrl(loginUrl)
        .initialToken(token)
        .allowInsecureHttp(allowInsecureHttp)
        .clock(clock);
    if (httpClient != null) {
      b.httpClient(httpClient);
    }
    if (requestTimeout != null) {
      b.requestTimeout(requestTimeout);
    }
    return b.build();
  }

  /** Describes the flow without the secret. */
  @Override
  public String toString() {
    return "AuthorizationCodeFlow{clientId=" + clientId + ", redirectUri=" + redirectUri + ", loginUrl="
        + loginUrl + ", clientSecret=" + (clientSecret == null ? "none" : clientSecret) + "}";
  }

  /** Builds an {@link AuthorizationCodeFlow}. Not thread-safe. */
  public static final class Builder extends OAuthClientBuilder<Builder> {
    private String clientId;
    private Secret clientSecret;
    private URI redirectUri;
    private URI loginUrl = LoginUrls.PRODUCTION;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets the connected app's consumer key (required).
     *
     * @param clientId the consumer key
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /**
     * Sets the consumer secret, for apps that require it with the code exchange (web servers);
     * desktop and mobile apps relying on PKCE alone leave it unset. When set, response signatures
     * are verified.
     *
     * @param clientSecret the consumer secret, or null
     * @return this builder
     */
    public Builder clientSecret(Secret clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * Sets the redirect URI, equal to a callback URL of the connected app (required).
     *
     * @param redirectUri the redirect URI
     * @return this builder
     */
    public Builder redirectUri(URI redirectUri) {
      this.redirectUri = redirectUri;
      return this;
    }

    /**
     * Sets the login URL: {@link LoginUrls#PRODUCTION} (the default), {@link LoginUrls#SANDBOX}, a
     * My Domain URL or an Experience Cloud site URL.
     *
     * @param loginUrl the login URL; HTTPS unless on a loopback address or
     *     {@link #allowInsecureHttp(boolean)} is set
     * @return this builder
     */
    public Builder loginUrl(URI loginUrl) {
      this.loginUrl = loginUrl;
      return this;
    }

    /**
     * Builds the flow.
     *
     * @return the flow
     * @throws NullPointerException if the client id or redirect URI is missing
     * @throws IllegalArgumentException if a value is blank, the redirect URI is relative, or the
     *     login URL is not allowed
     */
    public AuthorizationCodeFlow build() {
      return new AuthorizationCodeFlow(this);
    }

    /** Describes the settings without the secret. */
    @Override
    public String toString() {
      return "AuthorizationCodeFlow.Builder{clientId=" + clientId + ", redirectUri=" + redirectUri
          + ", loginUrl=" + loginUrl + ", clientSecret=" + clientSecret + "}";
    }
  }
}
