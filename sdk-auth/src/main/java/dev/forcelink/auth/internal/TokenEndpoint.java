package dev.forcelink.auth.internal;

import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * One org's {@code /services/oauth2/token} endpoint: sends a grant, maps an error answer to an
 * exception, and parses a success into an {@link AccessToken}. Immutable and thread-safe.
 */
public final class TokenEndpoint {
  /** The token endpoint's path. */
  public static final String TOKEN_PATH = "/services/oauth2/token";

  private final OAuthTransport transport;
  private final URI tokenUrl;
  private final boolean allowInsecureHttp;
  private final Clock clock;

  /**
   * Creates the endpoint below a login, My Domain or Experience site URL.
   *
   * @param transport the transport
   * @param baseUrl the URL the token path is appended to; already checked by {@link SecureUrls}
   * @param allowInsecureHttp whether a plain-HTTP {@code instance_url} off the loopback is accepted
   * @param clock the clock for issue times the server does not send
   */
  public TokenEndpoint(OAuthTransport transport, URI baseUrl, boolean allowInsecureHttp, Clock clock) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.tokenUrl = SecureUrls.endpoint(baseUrl, TOKEN_PATH);
    this.allowInsecureHttp = allowInsecureHttp;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Returns the token endpoint URL.
   *
   * @return the URL
   */
  public URI tokenUrl() {
    return tokenUrl;
  }

  /**
   * Makes one token request (with the transport's retries for transient failures).
   *
   * @param operation the flow, for logs and messages
   * @param form the grant's fields
   * @param authorization the {@code Authorization} header value, or null
   * @param clientSecret the client secret to verify the response signature with, or null
   * @return the new token
   * @throws dev.forcelink.core.exception.AuthenticationException on an OAuth error or a bad
   *     signature
   * @throws dev.forcelink.core.exception.SalesforceServiceException on other error statuses
   * @throws dev.forcelink.core.exception.ForcelinkClientException on network failures and
   *     undecodable answers
   */
  public AccessToken request(OAuthOperation operation, FormBody form, Secret authorization, Secret clientSecret) {
    OAuthResponse response = transport.postForm(operation, tokenUrl, form, authorization);
    if (!response.isSuccess()) {
      throw OAuthErrors.toException(response);
    }
    return TokenResponseParser.parse(response, clientSecret, allowInsecureHttp, clock);
  }

  /** Describes the endpoint. */
  @Override
  public String toString() {
    return "TokenEndpoint{" + SecureUrls.safeForm(tokenUrl) + "}";
  }
}
