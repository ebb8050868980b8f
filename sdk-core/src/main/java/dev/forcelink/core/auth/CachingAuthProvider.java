package dev.forcelink.core.auth;

import dev.forcelink.core.exception.ForcelinkClientException;
import dev.forcelink.core.exception.ForcelinkException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link AuthProvider} that caches the token of a {@link TokenSource}, renews it shortly before a
 * known expiry, and makes every renewal single-flight: however many threads ask at once, one token
 * request is made and they all share its outcome (the token, or the failure).
 *
 * <p>Salesforce limits logins per user and hour, so a login per request is never made: the cached
 * token is reused until it expires or the server rejects it.
 *
 * <p>Thread-safe.
 */
public final class CachingAuthProvider implements AuthProvider {
  private final TokenSource source;
  private final Duration refreshAhead;
  private final Clock clock;
  private final AtomicReference<AccessToken> cached = new AtomicReference<>();
  private final AtomicReference<CompletableFuture<AccessToken>> inFlight = new AtomicReference<>();

  private CachingAuthProvider(Builder b) {
    this.source = b.source;
    this.refreshAhead = b.refreshAhead;
    this.clock = b.clock;
  }

  /**
   * Wraps a token source with the default settings (renew 60 seconds before a known expiry).
   *
   * @param source where new tokens come from
   * @return the caching provider
   * @throws NullPointerException if {@code source} is null
   */
  public static CachingAuthProvider of(TokenSource source) {
    return builder(source).build();
  }

  /**
   * Starts a builder.
   *
   * @param source where new tokens come from
   * @return a builder; not thread-safe
   * @throws NullPointerException if {@code source} is null
   */
  public static Builder builder(TokenSource source) {
    return new Builder(Objects.requireNonNull(source, "source"));
  }

  @Override
  public AccessToken token() {
    AccessToken current = cached.get();
    if (current != null && !current.expiresWithin(clock.instant(), refreshAhead)) {
      return current;
    }
    return renew(current);
  }

  @Override
  public AccessToken refresh(AccessToken rejected) {
    Objects.requireNonNull(rejected, "rejected");
    return renew(rejected);
  }

  @Override
  public void invalidate() {
    cached.set(null);
  }

  /**
   * Returns the cached token without fetching one.
   *
   * @return the cached token, or null when none is held
   */
  public AccessToken cachedToken() {
    return cached.get();
  }

  /**
   * Replaces {@code stale} (which may be null) with a new token, unless another thread already did.
   */
  private AccessToken renew(AccessToken stale) {
    while (true) {
      AccessToken current = cached.get();
      if (current != null && current != stale
          && !current.expiresWithin(clock.instant(), refreshAhead)) {
        return current; // someone else renewed it meanwhile
      }
      CompletableFuture<AccessToken> mine = new CompletableFuture<>();
      CompletableFuture<AccessToken> running = inFlight.compareAndExchange(null, mine);
      if (running != null) {
        return await(running);
      }
      // This thread owns the renewal. Re-check: a renewal may have finished since the read above.
      current = cached.get();
      if (current != null && current != stale
          && !current.expiresWithin(clock.instant(), refreshAhead)) {
        inFlight.set(null);
        mine.complete(current);
        return current;
      }
      try {
        AccessToken fresh = Objects.requireNonNull(source.fetchToken(), "TokenSource returned null");
        cached.set(fresh);
        mine.complete(fresh);
        return fresh;
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
        throw e;
      } finally {
        inFlight.set(null);
      }
    }
  }

  private static AccessToken await(CompletableFuture<AccessToken> running) {
    try {
      return running.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ForcelinkClientException("Interrupted while waiting for a token renewal", e, null, false);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ForcelinkException) {
        throw (ForcelinkException) cause;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new ForcelinkClientException("Token renewal failed", cause, null, false);
    }
  }

  /** Returns a description without any token value. */
  @Override
  public String toString() {
    return "CachingAuthProvider{source=" + source.getClass().getSimpleName()
        + ", refreshAhead=" + refreshAhead + "}";
  }

  /** Builds a {@link CachingAuthProvider}. Not thread-safe. */
  public static final class Builder {
    private final TokenSource source;
    private Duration refreshAhead = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();

    private Builder(TokenSource source) {
      this.source = source;
    }

    /**
     * Sets how long before a known expiry the token is renewed; default 60 seconds.
     *
     * @param refreshAhead the margin; zero or positive
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder refreshAhead(Duration refreshAhead) {
      if (refreshAhead.isNegative()) {
        throw new IllegalArgumentException("refreshAhead must not be negative");
      }
      this.refreshAhead = refreshAhead;
      return this;
    }

    /**
     * Sets the clock used to judge expiry; for tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the provider.
     *
     * @return the provider
     */
    public CachingAuthProvider build() {
      return new CachingAuthProvider(this);
    }
  }
}
