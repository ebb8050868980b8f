package dev.forcelink.auth;

import dev.forcelink.auth.internal.FormBody;
import dev.forcelink.auth.internal.OAuthOperation;
import dev.forcelink.auth.internal.TokenEndpoint;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth 2.0 refresh token flow: a refresh token (from the authorization code flow) is exchanged
 * for new access tokens as they are needed. When a response carries a new refresh token (refresh
 * token rotation), the new one is used from then on and handed to the
 * {@linkplain Builder#onRefreshTokenRotated(Consumer) rotation listener}, so that the application
 * can store it.
 *
 * <p>The configuration is immutable; the current refresh token and the cached access token change
 * under the hood, safely for concurrent use. Thread-safe.
 */
public final class RefreshTokenAuth extends OAuthTokenProvider {
  /** The grant type sent to the token endpoint. */
  public static final String GRANT_TYPE = "refresh_token";
  private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenAuth.class);

  private final String clientId;
  private final Secret clientSecret;
  private final TokenEndpoint endpoint;
  private final Consumer<Secret> rotationListener;
  private final AtomicReference<Secret> refreshToken;
  private final AtomicReference<AccessToken> initialToken;

  private RefreshTokenAuth(Builder b) {
    super(b);
    this.clientId = Checks.requireText(b.clientId, "clientId");
    this.clientSecret = b.clientSecret;
    this.refreshToken = new AtomicReference<>(Objects.requireNonNull(b.refreshToken, "refreshToken"));
    this.endpoint = b.tokenEndpoint(b.requireSecure(b.loginUrl, "loginUrl"));
    this.rotationListener = b.rotationListener;
    this.initialToken = new AtomicReference<>(b.initialToken);
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
   * Replaces a token the server rejected (single-flight across threads); a rejected initial token
   * is never served again.
   *
   * @param rejected the rejected token
   * @return a new token, or the one another thread already obtained
   * @throws dev.forcelink.core.exception.AuthenticationException if Salesforce refuses the refresh
   *     token
   * @throws dev.forcelink.core.exception.ForcelinkClientException on network failures
   */
  @Override
  public AccessToken refresh(AccessToken rejected) {
    initialToken.compareAndSet(rejected, null);
    return super.refresh(rejected);
  }

  /** Drops the cached token and any unused initial token; the next {@link #token()} requests a new one. */
  @Override
  public void invalidate() {
    initialToken.set(null);
    super.invalidate();
  }

  /**
   * Returns the refresh token in use: the configured one, or the latest one the server issued.
   *
   * @return the current refresh token
   */
  public Secret currentRefreshToken() {
    return refreshToken.get();
  }

  @Override
  AccessToken fetchToken() {
    AccessToken initial = initialToken.getAndSet(null);
    if (initial != null) {
      return initial;
    }
    FormBody form = new FormBody()
        .add("grant_type", GRANT_TYPE)
        .addSecret("refresh_token", refreshToken.get())
        .add("client_id", clientId);
    if (clientSecret != null) {
      form.addSecret("client_secret", clientSecret);
    }
    AccessToken token = endpoint.request(OAuthOperation.REFRESH_TOKEN, form, null, clientSecret);
    token.refreshToken().ifPresent(this::rotate);
    return token;
  }

  private void rotate(Secret issued) {
    Secret previous = refreshToken.getAndSet(issued);
    if (!issued.equals(previous)) {
      LOG.debug("The server issued a new refresh token; using it from now on");
      if (rotationListener != null) {
        rotationListener.accept(issued);
      }
    }
  }

  /** Describes the provider without any token or secret. */
  @Override
  public String toString() {
    return "RefreshTokenAuth{clientId=" + clientId + ", tokenUrl=" + endpoint.tokenUrl()
        + ", clientSecret=" + (clientSecret == null ? "none" : clientSecret) + ", refreshToken="
        + refreshToken.get() + "}";
  }

  /** Builds a {@link RefreshTokenAuth}. Not thread-safe. */
  public static final class Builder extends OAuthClientBuilder<Builder> {
    private String clientId;
    private Secret clientSecret;
    private Secret refreshToken;
    private URI loginUrl = LoginUrls.PRODUCTION;
    private AccessToken initialToken;
    private Consumer<Secret> rotationListener;

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
     * Sets the consumer secret; optional for apps that do not require it on refresh (PKCE apps).
     * When set, response signatures are verified.
     *
     * @param clientSecret the consumer secret, or null
     * @return this builder
     */
    public Builder clientSecret(Secret clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * Sets the refresh token (required).
     *
     * @param refreshToken the refresh token
     * @return this builder
     */
    public Builder refreshToken(Secret refreshToken) {
      this.refreshToken = refreshToken;
      return this;
    }

    /**
     * Sets the token endpoint's base URL: {@link LoginUrls#PRODUCTION} (the default),
     * {@link LoginUrls#SANDBOX} or a My Domain URL.
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
     * Sets an access token obtained together with the refresh token, served until it is rejected
     * or expires, so that no request is made up front.
     *
     * @param initialToken the token, or null
     * @return this builder
     */
    public Builder initialToken(AccessToken initialToken) {
      this.initialToken = initialToken;
      return this;
    }

    /**
     * Sets a listener called (on the thread that refreshed) whenever the server issues a new
     * refresh token, so that the application can store it in place of the old one.
     *
     * @param listener the listener, or null
     * @return this builder
     */
    public Builder onRefreshTokenRotated(Consumer<Secret> listener) {
      this.rotationListener = listener;
      return this;
    }

    /**
     * Builds the provider. No request is made until a token is needed.
     *
     * @return the provider
     * @throws NullPointerException if the client id or the refresh token is missing
     * @throws IllegalArgumentException if a value is blank or the login URL is not allowed
     */
    public RefreshTokenAuth build() {
      return new RefreshTokenAuth(this);
    }

    /** Describes the settings without any secret. */
    @Override
    public String toString() {
      return "RefreshTokenAuth.Builder{clientId=" + clientId + ", loginUrl=" + loginUrl
          + ", clientSecret=" + clientSecret + ", refreshToken=" + refreshToken + "}";
    }
  }
}
