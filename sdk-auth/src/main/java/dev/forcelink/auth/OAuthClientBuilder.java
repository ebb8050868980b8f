package dev.forcelink.auth;

import dev.forcelink.auth.internal.OAuthTransport;
import dev.forcelink.auth.internal.SecureUrls;
import dev.forcelink.auth.internal.TokenEndpoint;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.core.auth.TokenSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The connection settings that every OAuth client of this package takes: the HTTP client, the
 * per-attempt request timeout and whether plain HTTP is allowed off the loopback. Each flow's
 * {@code Builder} extends it, and every setter returns that concrete builder, so calls chain in
 * any order.
 *
 * <p>Only the builders of this package extend it. Not thread-safe.
 *
 * @param <B> the concrete builder type, returned by every setter
 */
public abstract class OAuthClientBuilder<B extends OAuthClientBuilder<B>> {
  private HttpClient httpClient;
  private Duration requestTimeout;
  private boolean allowInsecureHttp;
  private Clock clock = Clock.systemUTC();

  OAuthClientBuilder() {}

  /**
   * Returns this builder as its concrete type, for the setters declared here.
   *
   * @return this builder
   */
  protected abstract B self();

  /**
   * Shares the application's HTTP client; by default a new one is created.
   *
   * @param httpClient the client
   * @return this builder
   * @throws NullPointerException if {@code httpClient} is null
   */
  public B httpClient(HttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    return self();
  }

  /**
   * Sets the time limit of each request attempt, headers and body together (an answer that
   * trickles in is cut off at the limit); default 30 seconds.
   *
   * @param requestTimeout the timeout
   * @return this builder
   * @throws NullPointerException if {@code requestTimeout} is null
   * @throws IllegalArgumentException if zero or negative
   */
  public B requestTimeout(Duration requestTimeout) {
    this.requestTimeout = OAuthTransport.checkTimeout(requestTimeout);
    return self();
  }

  /**
   * Allows plain {@code http://} URLs on hosts that are not loopback addresses. For test servers
   * only: credentials and tokens would travel unencrypted.
   *
   * @param allowInsecureHttp whether to allow plain HTTP
   * @return this builder
   */
  public B allowInsecureHttp(boolean allowInsecureHttp) {
    this.allowInsecureHttp = allowInsecureHttp;
    return self();
  }

  B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  HttpClient httpClient() {
    return httpClient;
  }

  Duration requestTimeout() {
    return requestTimeout;
  }

  boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  Clock clock() {
    return clock;
  }

  /** Applies the HTTPS rule to a configured URL, naming it as {@code what} in any error. */
  URI requireSecure(URI url, String what) {
    return SecureUrls.requireSecure(url, allowInsecureHttp, what);
  }

  /**
   * Builds the transport. Call it after every other check of the build: without a shared client it
   * creates an {@link HttpClient}, whose selector thread would outlive a build that then fails.
   */
  OAuthTransport transport() {
    return OAuthTransport.create(httpClient, requestTimeout);
  }

  /** Builds the token endpoint below a URL already passed through {@link #requireSecure}. */
  TokenEndpoint tokenEndpoint(URI checkedBaseUrl) {
    return new TokenEndpoint(transport(), checkedBaseUrl, allowInsecureHttp, clock);
  }

  /** Wraps a flow's token requests in the cache that serves and renews its tokens. */
  CachingAuthProvider tokenCache(TokenSource source) {
    return CachingAuthProvider.builder(source).clock(clock).build();
  }
}
