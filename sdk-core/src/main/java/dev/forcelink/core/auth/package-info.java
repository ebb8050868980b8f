/**
 * The authentication SPI: an {@link dev.forcelink.core.auth.AuthProvider} hands every client a
 * cached {@link dev.forcelink.core.auth.AccessToken}; {@link dev.forcelink.core.auth.CachingAuthProvider}
 * adds caching, refresh-ahead and single-flight refresh to any
 * {@link dev.forcelink.core.auth.TokenSource}. OAuth flows live in the {@code sdk-auth} module.
 */
package dev.forcelink.core.auth;
