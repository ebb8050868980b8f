package dev.forcelink.auth;

import dev.forcelink.auth.internal.FormBody;
import dev.forcelink.auth.internal.OAuthOperation;
import dev.forcelink.auth.internal.TokenEndpoint;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import java.net.URI;
import java.util.Objects;

/**
 * The OAuth 2.0 username-password flow. <strong>Legacy:</strong> Salesforce discourages it (the
 * application holds the user's password, and orgs increasingly block the flow); prefer
 * {@link JwtBearerAuth} or {@link ClientCredentialsAuth} for integrations. It remains for older
 * setups that cannot change yet.
 *
 * <p>The password is sent with the user's security token appended, as Salesforce requires for
 * logins from outside the org's trusted IP ranges. The response signature is verified with the
 * client secret. The token is cached and renewed single-flight. Immutable and thread-safe.
 */
public final class PasswordAuth extends OAuthTokenProvider {
  /** The grant type sent to the token endpoint. */
  public static final String GRANT_TYPE = "password";

  private final String clientId;
  private final Secret clientSecret;
  private final String username;
  private final Secret password;
  private final Secret securityToken;
  private final TokenEndpoint endpoint;

  private PasswordAuth(Builder b) {
    super(b);
    this.clientId = Checks.requireText(b.clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(b.clientSecret, "clientSecret");
    this.username = Checks.requireText(b.username, "username");
    this.password = Objects.requireNonNull(b.password, "password");
    this.securityToken = b.securityToken;
    this.endpoint = b.tokenEndpoint(b.requireSecure(b.loginUrl, "loginUrl"));
  }

  /**
   * Starts a builder.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  AccessToken fetchToken() {
    Secret passwordField = securityToken == null ? password
        : Secret.of(password.reveal() + securityToken.reveal());
    FormBody form = new FormBody()
        .add("grant_type", GRANT_TYPE)
        .add("client_id", clientId)
        .addSecret("client_secret", clientSecret)
        .add("username", username)
        .addSecret("password", passwordField);
    return endpoint.request(OAuthOperation.PASSWORD, form, null, clientSecret);
  }

  /** Describes the provider without any secret or token. */
  @Override
  public String toString() {
    return "PasswordAuth{clientId=" + clientId + ", username=" + username + ", tokenUrl="
        + endpoint.tokenUrl() + ", password=" + password + ", securityToken="
        + (securityToken == null ? "none" : securityToken) + "}";
  }

  /** Builds a {@link PasswordAuth}. Not thread-safe. */
  public static final class Builder extends OAuthClientBuilder<Builder> {
    private String clientId;
    private Secret clientSecret;
    private String username;
    private Secret password;
    private Secret securityToken;
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
     * Sets the connected app's consumer secret (required).
     *
     * @param clientSecret the consumer secret
     * @return this builder
     */
    public Builder clientSecret(Secret clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * Sets the username (required).
     *
     * @param username the username
     * @return this builder
     */
    public Builder username(String username) {
      this.username = username;
      return this;
    }

    /**
     * Sets the user's password, without the security token (required).
     *
     * @param password the password
     * @return this builder
     */
    public Builder password(Secret password) {
      this.password = password;
      return this;
    }

    /**
     * Sets the user's security token, appended to the password; not needed from trusted IP ranges.
     *
     * @param securityToken the security token, or null
     * @return this builder
     */
    public Builder securityToken(Secret securityToken) {
      this.securityToken = securityToken;
      return this;
    }

    /**
     * Sets the login URL: {@link LoginUrls#PRODUCTION} (the default), {@link LoginUrls#SANDBOX} or a
     * My Domain URL.
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
     * Builds the provider. No request is made until the first {@link PasswordAuth#token()}.
     *
     * @return the provider
     * @throws NullPointerException if the client id, secret, username or password is missing
     * @throws IllegalArgumentException if a value is blank or the login URL is not allowed
     */
    public PasswordAuth build() {
      return new PasswordAuth(this);
    }

    /** Describes the settings without any secret. */
    @Override
    public String toString() {
      return "PasswordAuth.Builder{clientId=" + clientId + ", username=" + username + ", loginUrl="
          + loginUrl + ", password=" + password + "}";
    }
  }
}
