package dev.forcelink.auth;

import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.AuthProvider;
import dev.forcelink.core.auth.CachingAuthProvider;

/**
 * What every OAuth provider that logs in with a token request shares: the token cache
 * ({@link CachingAuthProvider}: reuse until rejected or expiring, single-flight renewal) in front of
 * one token request, {@link #fetchToken()}, that each flow makes its own way.
 *
 * <p>Subclasses are immutable and thread-safe; {@link #fetchToken()} is called by one thread at a
 * time.
 */
abstract class OAuthTokenProvider implements AuthProvider {
  private final CachingAuthProvider cache;

  OAuthTokenProvider(OAuthClientBuilder<?> builder) {
    this.cache = builder.tokenCache(this::fetchToken);
  }

  /** Makes one token request and returns the new token; never caches. */
  abstract AccessToken fetchToken();

  /**
   * Returns the cached token, or logs in.
   *
   * @return the access token
   * @throws dev.forcelink.core.exception.AuthenticationException if Salesforce refuses the login or
   *     a token response's signature does not verify
   * @throws dev.forcelink.core.exception.ForcelinkClientException on network failures (after up to
   *     two retries) or an undecodable answer
   */
  @Override
  public final AccessToken token() {
    return cache.token();
  }

  /**
   * Replaces a token the server rejected (single-flight across threads).
   *
   * @param rejected the rejected token
   * @return a new token, or the one another thread already obtained
   * @throws dev.forcelink.core.exception.AuthenticationException if Salesforce refuses the login
   * @throws dev.forcelink.core.exception.ForcelinkClientException on network failures
   */
  @Override
  public AccessToken refresh(AccessToken rejected) {
    return cache.refresh(rejected);
  }

  /** Drops the cached token; the next {@link #token()} logs in again. */
  @Override
  public void invalidate() {
    cache.invalidate();
  }
}
