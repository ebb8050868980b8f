package dev.forcelink.core;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.AuthProvider;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.core.auth.TokenSource;
import dev.forcelink.core.event.ForcelinkListener;
import dev.forcelink.core.event.RequestCompleted;
import dev.forcelink.core.event.RequestStarted;
import dev.forcelink.core.event.RetryScheduled;
import dev.forcelink.core.event.TokenRefreshed;
import dev.forcelink.core.internal.retry.Jitter;
import dev.forcelink.core.limits.ApiUsage;
import dev.forcelink.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared helpers for connection tests against WireMock. */
final class Fixtures {
  static final String TOKEN_PREFIX = "00D000000000001!PLANTED-ACCESS-TOKEN-";
  /** Always picks the ceiling, so backoff bases become observable in RetryScheduled events. */
  static final Jitter CEILING = ceiling -> ceiling;

  private Fixtures() {}

  static AccessToken token(String value, String instanceUrl) {
    return AccessToken.builder().value(Secret.of(value)).instanceUrl(URI.create(instanceUrl)).build();
  }

  /** Small delays and timeouts so that retry tests run in milliseconds. */
  static RetryPolicy fastPolicy() {
    return RetryPolicy.builder()
        .baseDelay(Duration.ofMillis(1))
        .throttledBaseDelay(Duration.ofMillis(4))
        .maxBackoff(Duration.ofMillis(20))
        .attemptTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(20))
        .build();
  }

  static SalesforceConnection.Builder connection(WireMockRuntimeInfo wm, AuthProvider auth) {
    return SalesforceConnection.builder()
        .authProvider(auth)
        .retryPolicy(fastPolicy())
        .jitter(CEILING);
  }

  static CountingTokenSource tokens(WireMockRuntimeInfo wm) {
    return new CountingTokenSource(wm.getHttpBaseUrl());
  }

  /** Issues numbered tokens pointing at the WireMock instance and counts fetches. */
  static final class CountingTokenSource implements TokenSource {
    final AtomicInteger fetches = new AtomicInteger();
    final String baseUrl;

    CountingTokenSource(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    @Override
    public AccessToken fetchToken() {
      int n = fetches.incrementAndGet();
      return token(TOKEN_PREFIX + n, baseUrl);
    }

    CachingAuthProvider caching() {
      return CachingAuthProvider.of(this);
    }
  }

  /** Records every event as a short string, in order. */
  static final class RecordingListener implements ForcelinkListener {
    final List<Object> events = new CopyOnWriteArrayList<>();

    @Override
    public void onRequestStart(RequestStarted event) {
      events.add(event);
    }

    @Override
    public void onRequestEnd(RequestCompleted event) {
      events.add(event);
    }

    @Override
    public void onRetry(RetryScheduled event) {
      events.add(event);
    }

    @Override
    public void onTokenRefresh(TokenRefreshed event) {
      events.add(event);
    }

    @Override
    public void onApiUsage(ApiUsage usage) {
      events.add(usage);
    }

    <T> List<T> of(Class<T> type) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }
}
