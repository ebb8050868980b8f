package dev.forcelink.core.auth;

/**
 * Obtains a brand-new access token, typically with one OAuth token request. Implementations do not
 * cache; {@link CachingAuthProvider} does that, and calls {@link #fetchToken()} from one thread at a
 * time.
 */
@FunctionalInterface
public interface TokenSource {

  /**
   * Requests a new token from the authorization server.
   *
   * @return the new token
   * @throws dev.forcelink.core.exception.AuthenticationException if the server refuses
   * @throws dev.forcelink.core.exception.ForcelinkClientException on a network failure
   */
  AccessToken fetchToken();
}
