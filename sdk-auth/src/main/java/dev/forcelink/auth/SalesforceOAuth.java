package dev.forcelink.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.auth.internal.Excerpts;
import dev.forcelink.auth.internal.FormBody;
import dev.forcelink.auth.internal.Json;
import dev.forcelink.auth.internal.OAuthErrors;
import dev.forcelink.auth.internal.OAuthOperation;
import dev.forcelink.auth.internal.OAuthResponse;
import dev.forcelink.auth.internal.OAuthTransport;
import dev.forcelink.auth.internal.SecureUrls;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.exception.ResponseDecodeException;
import java.net.URI;
import java.util.Objects;

/**
 * Calls Salesforce's other OAuth endpoints: token revocation, token introspection, the OpenID
 * Connect userinfo endpoint and the identity URL. Transient failures (connection errors, HTTP 5xx)
 * are retried at most twice; these calls are all safe to repeat.
 *
 * <p>Immutable and thread-safe.
 */
public final class SalesforceOAuth {
  /** The revocation endpoint's path. */
  public static final String REVOKE_PATH = "/services/oauth2/revoke";
  /** The introspection endpoint's path. */
  public static final String INTROSPECT_PATH = "/services/oauth2/introspect";
  /** The userinfo endpoint's path. */
  public static final String USER_INFO_PATH = "/services/oauth2/userinfo";

  private final URI loginUrl;
  private final String clientId;
  private final Secret clientSecret;
  private final boolean allowInsecureHttp;
  private final OAuthTransport transport;

  private SalesforceOAuth(Builder b) {
    this.loginUrl = b.requireSecure(b.loginUrl, "loginUrl");
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.allowInsecureHttp = b.allowInsecureHttp();
    this.transport = b.transport();
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
   * Revokes an access or refresh token (revoking a refresh token also ends the access tokens
   * issued with it).
   *
   * @param token the token to revoke
   * @throws NullPointerException if {@code token} is null
   * @throws dev.forcelink.core.exception.AuthenticationException if the server refuses (for
   *     example an unknown token)
   * @throws dev.forcelink.core.exception.SalesforceServiceException on other error statuses
   * @throws dev.forcelink.core.exception.ForcelinkClientException on network failures
   */
  public void revoke(Secret token) {
    Objects.requireNonNull(token, "token");
    OAuthResponse response = transport.postForm(OAuthOperation.REVOKE,
        SecureUrls.endpoint(loginUrl, REVOKE_PATH), new FormBody().addSecret("token", token), null);
    if (!response.isSuccess()) {
      throw OAuthErrors.toException(response);
    }
  }

  /**
   * Asks whether a token is active, authenticating with the client id and secret.
   *
   * @param token the token to inspect
   * @param tokenTypeHint what kind of token it is, or null to let the server find out
   * @return the introspection result; {@link TokenIntrospection#active()} is false for an expired
   *     or revoked token
   * @throws NullPointerException if {@code token} is null
   * @throws IllegalStateException if the client id or secret was not configured
   * @throws dev.forcelink.core.exception.AuthenticationException if the server refuses the client
   *     credentials
   * @throws dev.forcelink.core.exception.ForcelinkClientException on network failures or an
   *     undecodable answer
   */
  public TokenIntrospection introspect(Secret token, TokenTypeHint tokenTypeHint) {
    Objects.requireNonNull(token, "token");
    if (clientId == null || clientSecret == null) {
      throw new IllegalStateException("Token introspection authenticates the connected app: configure"
          + " clientId and clientSecret on SalesforceOAuth.builder()");
    }
    FormBody form = new FormBody().addSecret("token", token);
    if (tokenTypeHint != null) {
      form.add("token_type_hint", tokenTypeHint.wireValue());
    }
    form.add("client_id", clientId).addSecret("client_secret", clientSecret);
    OAuthResponse response = transport.postForm(OAuthOperation.INTROSPECT,
        SecureUrls.endpoint(loginUrl, INTROSPECT_PATH), form, null);
    return TokenIntrospection.of(Json.toPlainMap(successObject(response)));
  }

  /**
   * Reads the OpenID Connect userinfo of a token's user, from the token's instance.
   *
   * @param token the access token
   * @return the user info
   * @throws NullPointerException if {@code token} is null
   * @throws IllegalArgumentException if the token's instance URL is not HTTPS (loopback excepted)
   * @throws dev.forcelink.core.exception.AuthenticationException if the token is refused
   * @throws dev.forcelink.core.exception.ForcelinkClientException on network failures or an
   *     undecodable answer
   */
  public UserInfo userInfo(AccessToken token) {
    Objects.requireNonNull(token, "token");
    URI base = SecureUrls.requireSecure(token.instanceUrl(), allowInsecureHttp, "instanceUrl");
    OAuthResponse response = transport.getWithBearer(OAuthOperation.USER_INFO,
        SecureUrls.endpoint(base, USER_INFO_PATH), token.value());
    return UserInfo.of(Json.toPlainMap(successObject(response)));
  }

  /**
   * Reads the identity URL ({@code id} of the token response) of a token's user.
   *
   * @param token the access token; must carry its identity URL
   * @return the identity, in the {@link UserInfo} shape
   * @throws NullPointerException if {@code token} is null
   * @throws IllegalArgumentException if the token has no identity URL, or it is not HTTPS
   *     (loopback excepted)
   * @throws dev.forcelink.core.exception.AuthenticationException if the token is refused
   * @throws dev.forcelink.core.exception.ForcelinkClientException on network failures or an
   *     undecodable answer
   */
  public UserInfo identity(AccessToken token) {
    Objects.requireNonNull(token, "token");
    URI identityUrl = token.identityUrl().orElseThrow(() -> new IllegalArgumentException(
        "The token carries no identity URL (the id field of the token response)"));
    SecureUrls.requireSecure(identityUrl, allowInsecureHttp, "identity URL");
    OAuthResponse response = transport.getWithBearer(OAuthOperation.IDENTITY, identityUrl, token.value());
    return UserInfo.of(Json.toPlainMap(successObject(response)));
  }

  private static ObjectNode successObject(OAuthResponse response) {
    if (!response.isSuccess()) {
      throw OAuthErrors.toException(response);
    }
    return Json.parseObject(response.body()).orElseThrow(() -> new ResponseDecodeException(
        "The answer to the " + response.operation().description() + " from " + response.url().getHost()
            + " is not a JSON object (HTTP " + response.status() + "): " + Excerpts.of(response.body()),
        null, null));
  }

  /** Describes the client without the secret. */
  @Override
  public String toString() {
    return "SalesforceOAuth{loginUrl=" + loginUrl + ", clientId=" + clientId + ", clientSecret="
        + (clientSecret == null ? "none" : clientSecret) + "}";
  }

  /** Builds a {@link SalesforceOAuth}. Not thread-safe. */
  public static final class Builder extends OAuthClientBuilder<Builder> {
    private URI loginUrl = LoginUrls.PRODUCTION;
    private String clientId;
    private Secret clientSecret;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets the base URL of the revoke and introspect endpoints: {@link LoginUrls#PRODUCTION} (the
     * default), {@link LoginUrls#SANDBOX} or the org's My Domain URL.
     *
     * @param loginUrl the URL; HTTPS unless on a loopback address or
     *     {@link #allowInsecureHttp(boolean)} is set
     * @return this builder
     */
    public Builder loginUrl(URI loginUrl) {
      this.loginUrl = loginUrl;
      return this;
    }

    /**
     * Sets the consumer key; needed for introspection.
     *
     * @param clientId the consumer key
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId == null ? null : Checks.requireText(clientId, "clientId");
      return this;
    }

    /**
     * Sets the consumer secret; needed for introspection.
     *
     * @param clientSecret the consumer secret
     * @return this builder
     */
    public Builder clientSecret(Secret clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalArgumentException if the login URL is not allowed
     */
    public SalesforceOAuth build() {
      return new SalesforceOAuth(this);
    }

    /** Describes the settings without the secret. */
    @Override
    public String toString() {
      return "SalesforceOAuth.Builder{loginUrl=" + loginUrl + ", clientId=" + clientId + ", clientSecret="
          + clientSecret + "}";
    }
  }
}
