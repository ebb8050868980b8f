package dev.forcelink.core.auth;

/**
 * Supplies access tokens to every Forcelink client. This is the one authentication SPI: the REST,
 * Bulk and Pub/Sub clients know nothing else about how a token was obtained.
 *
 * <p>Implementations must be thread-safe. They should cache the token and make
 * {@link #refresh(AccessToken)} single-flight: when many threads report the same rejected token at
 * once, exactly one new token is requested and all of them receive it. Wrapping a
 * {@link TokenSource} in {@link CachingAuthProvider} gives both.
 */
public interface AuthProvider {

  /**
   * Returns a token, from the cache when one is held and not about to expire.
   *
   * @return a usable access token
   * @throws dev.forcelink.core.exception.AuthenticationException if no token can be obtained
   * @throws dev.forcelink.core.exception.ForcelinkClientException on a network failure
   */
  AccessToken token();

  /**
   * Called when the server rejected {@code rejected} (HTTP 401 {@code INVALID_SESSION_ID}, or
   * Pub/Sub {@code service.auth.error}). Returns a newer token. If another thread has already
   * replaced {@code rejected}, returns that replacement without a new login.
   *
   * @param rejected the token the server rejected
   * @return a token different from {@code rejected}
   * @throws dev.forcelink.core.exception.AuthenticationException if the token cannot be renewed
   *     (for example a static token, or an {@code invalid_grant} answer)
   */
  AccessToken refresh(AccessToken rejected);

  /**
   * Drops any cached token, so that the next {@link #token()} logs in again. The default does
   * nothing.
   */
  default void invalidate() {}
}
