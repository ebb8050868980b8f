package dev.forcelink.auth;

import dev.forcelink.auth.internal.SecureUrls;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.AuthProvider;
import dev.forcelink.core.exception.AuthenticationException;
import dev.forcelink.core.exception.SalesforceServiceException;
import java.net.URI;
import java.util.Objects;

/**
 * Serves one access token obtained elsewhere (a session id from a Salesforce CLI login, a token
 * handed over by another system). It makes no request and cannot renew the token: when the server
 * rejects it, {@link #refresh(AccessToken)} throws.
 *
 * <p>Immutable and thread-safe.
 */
public final class StaticTokenAuth implements AuthProvider {
  private final AccessToken token;

  private StaticTokenAuth(AccessToken token) {
    this.token = token;
  }

  /**
   * Wraps a token value and the instance it belongs to.
   *
   * @param accessToken the token
   * @param instanceUrl the instance URL, such as {@code https://acme.my.salesforce.com}
   * @return the provider
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the instance URL is not HTTPS (loopback hosts excepted)
   */
  public static StaticTokenAuth of(Secret accessToken, URI instanceUrl) {
    return builder().accessToken(accessToken).instanceUrl(instanceUrl).build();
  }

  /**
   * Wraps a complete token.
   *
   * @param token the token
   * @return the provider
   * @throws NullPointerException if {@code token} is null
   * @throws IllegalArgumentException if the instance URL is not HTTPS (loopback hosts excepted)
   */
  public static StaticTokenAuth of(AccessToken token) {
    return builder().token(token).build();
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
   * Returns the token.
   *
   * @return the token
   */
  @Override
  public AccessToken token() {
    return token;
  }

  /**
   * Always fails: a static token cannot be renewed.
   *
   * @param rejected the rejected token
   * @return never returns normally
   * @throws AuthenticationException always, naming the providers that can renew tokens
   */
  @Override
  public AccessToken refresh(AccessToken rejected) {
    throw new AuthenticationException(SalesforceServiceException.Details.builder()
        .statusCode(401)
        .summary("The static access token for " + token.instanceUrl().getHost() + " was rejected (expired"
            + " or revoked) and a static token cannot be renewed. Supply a new token, or use a provider"
            + " that can obtain one: JwtBearerAuth or ClientCredentialsAuth for server-to-server"
            + " integrations, RefreshTokenAuth when you hold a refresh token"));
  }

  /** Describes the provider without the token value. */
  @Override
  public String toString() {
    return "StaticTokenAuth{" + token + "}";
  }

  /** Builds a {@link StaticTokenAuth}. Not thread-safe. */
  public static final class Builder {
    private AccessToken token;
    private Secret accessToken;
    private URI instanceUrl;
    private boolean allowInsecureHttp;

    private Builder() {}

    /**
     * Sets the whole token; takes precedence over {@link #accessToken(Secret)} and
     * {@link #instanceUrl(URI)}.
     *
     * @param token the token
     * @return this builder
     */
    public Builder token(AccessToken token) {
      this.token = token;
      return this;
    }

    /**
     * Sets the token value.
     *
     * @param accessToken the token value
     * @return this builder
     */
    public Builder accessToken(Secret accessToken) {
      this.accessToken = accessToken;
      return this;
    }

    /**
     * Sets the instance URL the token is valid for.
     *
     * @param instanceUrl the instance URL
     * @return this builder
     */
    public Builder instanceUrl(URI instanceUrl) {
      this.instanceUrl = instanceUrl;
      return this;
    }

    /**
     * Allows a plain {@code http://} instance URL on a host that is not a loopback address. For
     * test servers only.
     *
     * @param allowInsecureHttp whether to allow plain HTTP
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /**
     * Builds the provider.
     *
     * @return the provider
     * @throws NullPointerException if neither a token nor both value and instance URL were set
     * @throws IllegalArgumentException if the instance URL is not allowed
     */
    public StaticTokenAuth build() {
      AccessToken t = token != null ? token : AccessToken.builder()
          .value(Objects.requireNonNull(accessToken, "accessToken"))
          .instanceUrl(Objects.requireNonNull(instanceUrl, "instanceUrl"))
          .build();
      SecureUrls.requireSecure(t.instanceUrl(), allowInsecureHttp, "instanceUrl");
      return new StaticTokenAuth(t);
    }

    /** Describes the settings without the token value. */
    @Override
    public String toString() {
      return "StaticTokenAuth.Builder{instanceUrl=" + (token != null ? token.instanceUrl() : instanceUrl) + "}";
    }
  }
}
