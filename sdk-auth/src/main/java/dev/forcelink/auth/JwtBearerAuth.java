package dev.forcelink.auth;

import dev.forcelink.auth.internal.FormBody;
import dev.forcelink.auth.internal.JwtAssertionSigner;
import dev.forcelink.auth.internal.OAuthOperation;
import dev.forcelink.auth.internal.TokenEndpoint;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.AuthProvider;
import java.net.URI;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The OAuth 2.0 JWT bearer flow, for server-to-server integrations: an RS256-signed assertion
 * ({@code iss} = consumer key, {@code sub} = username, {@code aud} = login URL, {@code exp} at most
 * 3 minutes ahead, in epoch seconds) is exchanged at {@code /services/oauth2/token} for an access
 * token. No client secret and no user interaction; the user must be pre-authorized for the
 * connected app, whose certificate matches the private key.
 *
 * <pre>{@code
 * AuthProvider auth = JwtBearerAuth.builder()
 *     .clientId(consumerKey)
 *     .username("integration@acme.com")
 *     .privateKey(PrivateKeys.fromPemFile(Path.of("server.key")))
 *     .build();
 * }</pre>
 *
 * <p>The token is cached and reused until it is rejected; a rejected token is replaced by one new
 * token request, shared by all threads. Immutable and thread-safe.
 */
public final class JwtBearerAuth extends OAuthTokenProvider {
  /** The grant type sent to the token endpoint. */
  public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  /** The longest assertion lifetime Salesforce accepts, and the default. */
  public static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(3);

  private final String clientId;
  private final String username;
  private final URI loginUrl;
  private final String audience;
  private final Duration assertionLifetime;
  private final JwtAssertionSigner signer;
  private final TokenEndpoint endpoint;
  private final Clock clock;

  private JwtBearerAuth(Builder b) {
    super(b);
    this.clientId = Checks.requireText(b.clientId, "clientId");
    this.username = Checks.requireText(b.username, "username");
    this.loginUrl = b.requireSecure(b.loginUrl, "loginUrl");
    this.audience = b.audience != null ? Checks.requireText(b.audience, "audience") : defaultAudience(loginUrl);
    this.assertionLifetime = b.assertionLifetime;
    this.signer = JwtAssertionSigner.create(Objects.requireNonNull(b.privateKey,
        "privateKey (load one with PrivateKeys)"));
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
   * Returns the {@code aud} claim this provider sends.
   *
   * @return the audience
   */
  public String audience() {
    return audience;
  }

  @Override
  AccessToken fetchToken() {
    Secret assertion = signer.sign(clientId, username, audience, clock.instant().plus(assertionLifetime));
    FormBody form = new FormBody()
        .add("grant_type", GRANT_TYPE)
        .addSecret("assertion", assertion);
    return endpoint.request(OAuthOperation.JWT_BEARER, form, null, null);
  }

  /** The origin for the generic login hosts, otherwise the URL as given (My Domain, Experience site). */
  static String defaultAudience(URI loginUrl) {
    if (LoginUrls.isGenericLoginHost(loginUrl)) {
      return loginUrl.getScheme() + "://" + loginUrl.getRawAuthority();
    }
    return loginUrl.toString();
  }

  /** Describes the provider without the key or any token. */
  @Override
  public String toString() {
    return "JwtBearerAuth{clientId=" + clientId + ", username=" + username + ", tokenUrl="
        + endpoint.tokenUrl() + ", audience=" + audience + ", assertionLifetime=" + assertionLifetime + "}";
  }

  /** Builds a {@link JwtBearerAuth}. Not thread-safe. */
  public static final class Builder extends OAuthClientBuilder<Builder> {
    private String clientId;
    private String username;
    private URI loginUrl = LoginUrls.PRODUCTION;
    private String audience;
    private PrivateKey privateKey;
    private Duration assertionLifetime = MAX_ASSERTION_LIFETIME;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets the connected app's consumer key, sent as {@code iss} (required).
     *
     * @param clientId the consumer key
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /**
     * Sets the Salesforce username to act as, sent as {@code sub} (required).
     *
     * @param username the username
     * @return this builder
     */
    public Builder username(String username) {
      this.username = username;
      return this;
    }

    /**
     * Sets where tokens are requested: {@link LoginUrls#PRODUCTION} (the default),
     * {@link LoginUrls#SANDBOX}, a My Domain URL or an Experience Cloud site URL.
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
     * Overrides the {@code aud} claim. By default it is the login URL's origin for
     * {@code login.salesforce.com} and {@code test.salesforce.com}, otherwise the login URL as
     * given (an Experience Cloud site must use its site URL).
     *
     * @param audience the audience
     * @return this builder
     */
    public Builder audience(String audience) {
      this.audience = audience;
      return this;
    }

    /**
     * Sets the RSA private key whose certificate is uploaded to the connected app (required). Load
     * it with {@link PrivateKeys}.
     *
     * @param privateKey the key; at least 2048 bits
     * @return this builder
     */
    public Builder privateKey(PrivateKey privateKey) {
      this.privateKey = privateKey;
      return this;
    }

    /**
     * Sets how far ahead each assertion's {@code exp} lies; default and maximum 3 minutes.
     *
     * @param assertionLifetime the lifetime, positive and at most 3 minutes
     * @return this builder
     * @throws IllegalArgumentException if not positive or longer than 3 minutes
     */
    public Builder assertionLifetime(Duration assertionLifetime) {
      Objects.requireNonNull(assertionLifetime, "assertionLifetime");
      if (assertionLifetime.isNegative() || assertionLifetime.isZero()) {
        throw new IllegalArgumentException("assertionLifetime must be positive; got " + assertionLifetime);
      }
      if (assertionLifetime.compareTo(MAX_ASSERTION_LIFETIME) > 0) {
        throw new IllegalArgumentException("assertionLifetime must be at most 3 minutes (" + MAX_ASSERTION_LIFETIME
            + "): Salesforce refuses assertions whose exp lies further ahead; got " + assertionLifetime);
      }
      this.assertionLifetime = assertionLifetime;
      return this;
    }

    /**
     * Builds the provider. No request is made until the first {@link JwtBearerAuth#token()}.
     *
     * @return the provider
     * @throws NullPointerException if the client id, username or private key is missing
     * @throws IllegalArgumentException if a value is blank, the login URL is not allowed, or the key
     *     is not an RSA key of at least 2048 bits
     */
    public JwtBearerAuth build() {
      return new JwtBearerAuth(this);
    }

    /** Describes the settings without the key. */
    @Override
    public String toString() {
      return "JwtBearerAuth.Builder{clientId=" + clientId + ", username=" + username + ", loginUrl=" + loginUrl
          + ", privateKey=" + (privateKey == null ? "unset" : "set") + "}";
    }
  }
}
