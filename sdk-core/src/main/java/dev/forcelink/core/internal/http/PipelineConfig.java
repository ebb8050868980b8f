package dev.forcelink.core.internal.http;

import dev.forcelink.core.auth.AuthProvider;
import dev.forcelink.core.event.ForcelinkListener;
import dev.forcelink.core.internal.retry.Jitter;
import dev.forcelink.core.limits.ApiBudget;
import dev.forcelink.core.retry.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Everything a {@link RequestPipeline} needs, resolved by the connection.
 *
 * @param authProvider the token source
 * @param instanceUrl the fixed instance URL, or null to follow the token's
 * @param allowInsecureHttp the opt-in for plain http to non-loopback hosts
 * @param httpClient the shared client
 * @param retryPolicy the retry settings
 * @param listeners the listeners
 * @param userAgent the complete User-Agent value
 * @param apiBudget the budget guard, or null
 * @param executor where blocking async work (token fetches) runs
 * @param scheduler where async retries are scheduled
 * @param compressRequests whether in-memory bodies above 1 KiB are gzipped
 * @param jitter picks delays within backoff ceilings
 * @param clock the clock for event and usage timestamps
 */
public record PipelineConfig(
    AuthProvider authProvider,
    URI instanceUrl,
    boolean allowInsecureHttp,
    HttpClient httpClient,
    RetryPolicy retryPolicy,
    List<ForcelinkListener> listeners,
    String userAgent,
    ApiBudget apiBudget,
    Executor executor,
    ScheduledExecutorService scheduler,
    boolean compressRequests,
    Jitter jitter,
    Clock clock) {

  /** Checks the required components and copies the listeners. */
  public PipelineConfig {
    Objects.requireNonNull(authProvider, "authProvider");
    Objects.requireNonNull(httpClient, "httpClient");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    listeners = List.copyOf(listeners);
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(jitter, "jitter");
    Objects.requireNonNull(clock, "clock");
  }
}
