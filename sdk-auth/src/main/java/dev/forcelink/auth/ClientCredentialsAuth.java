package dev.forcelink.auth;

import dev.forcelink.auth.internal.FormBody;
import dev.forcelink.auth.internal.OAuthOperation;
import dev.forcelink.auth.internal.TokenEndpoint;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The OAuth 2.0 client credentials flow: the connected app's consumer key and secret are exchanged
 * for a token that acts as the app's configured "Run As" integration user. The request must go to
 * the org's My Domain URL (such as {@code https://acme.my.salesforce.com}); the generic
 * {@code login.salesforce.com} and {@code test.salesforce.com} hosts are refused.
 *
 * <p>The credentials travel in the form body by default, or in an HTTP Basic header with
 * {@link Builder#useHttpBasic(boolean)}. When the response is signed, the signature is verified
 * with the client secret. The token is cached and renewed single-flight. Immutable and
 * thread-safe.
 */
public final class ClientCredentialsAuth extends OAuthTokenProvider {
  /** The grant type sent to the token endpoint. */
  public static final String GRANT_TYPE = "client_credentials";

  private final String clientId;
  private final Secret clientSecret;
  private final boolean useHttpBasic;
  private final TokenEndpoint endpoint;

  private ClientCredentialsAuth(Builder b) {
    super(b);
    this.clientId = Checks.requireText(b.clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(b.clientSecret, "clientSecret");
    URI myDomain = b.requireSecure(Objects.requireNonNull(b.myDomainUrl, "myDomainUrl"), "myDomainUrl");
    if (LoginUrls.isGenericLoginHost(myDomain)) {
      throw new IllegalArgumentException("The client credentials flow must use the org's My Domain URL"
          + " (such as https://acme.my.salesforce.com, shown in Setup > My Domain), not "
          + myDomain.getHost() + ": Salesforce does not accept this flow on the generic login hosts");
    }
    this.useHttpBasic = b.useHttpBasic;
    this.endpoint = b.tokenEndpoint(myDomain);
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
    FormBody form = new FormBody().add("grant_type", GRANT_TYPE);
    Secret authorization = null;
    if (useHttpBasic) {
      authorization = basic(clientId, clientSecret);
    } else {
      form.add("client_id", clientId).addSecret("client_secret", clientSecret);
    }
    return endpoint.request(OAuthOperation.CLIENT_CREDENTIALS, form, authorization, clientSecret);
  }

  static Secret basic(String clientId, Secret clientSecret) {
    String pair = clientId + ":" + clientSecret.reveal();
    return Secret.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  /** Describes the provider without the secret or any token. */
  @Override
  public String toString() {
    return "ClientCredentialsAuth{clientId=" + clientId + ", tokenUrl=" + endpoint.tokenUrl()
        + ", httpBasic=" + useHttpBasic + ", clientSecret=" + clientSecret + "}";
  }

  /** Builds a {@link ClientCredentialsAuth}. Not thread-safe. */
  public static final class Builder extends OAuthClientBuilder<Builder> {
    private String clientId;
    private Secret clientSecret;
    private URI myDomainUrl;
    private boolean useHttpBasic;

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
     * Sets the org's My Domain URL, such as {@code https://acme.my.salesforce.com} (required).
     *
     * @param myDomainUrl the My Domain URL; HTTPS unless on a loopback address or
     *     {@link #allowInsecureHttp(boolean)} is set
     * @return this builder
     */
    public Builder myDomainUrl(URI myDomainUrl) {
      this.myDomainUrl = myDomainUrl;
      return this;
    }

    /**
     * Sends the credentials as {@code Authorization: Basic base64(clientId:clientSecret)} instead
     * of the {@code client_id}/{@code client_secret} form fields (the default).
     *
     * @param useHttpBasic whether to use HTTP Basic
     * @return this builder
     */
    public Builder useHttpBasic(boolean useHttpBasic) {
      this.useHttpBasic = useHttpBasic;
      return this;
    }

    /**
     * Builds the provider. No request is made until the first {@link ClientCredentialsAuth#token()}.
     *
     * @return the provider
     * @throws NullPointerException if the client id, secret or My Domain URL is missing
     * @throws IllegalArgumentException if the URL is a generic login host or not allowed
     */
    public ClientCredentialsAuth build() {
      return new ClientCredentialsAuth(this);
    }

    /** Describes the settings without the secret. */
    @Override
    public String toString() {
      return "ClientCredentialsAuth.Builder{clientId=" + clientId + ", myDomainUrl=" + myDomainUrl
          + ", httpBasic=" + useHttpBasic + ", clientSecret=" + clientSecret + "}";
    }
  }
}
