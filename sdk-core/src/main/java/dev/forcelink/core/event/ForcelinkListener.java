package dev.forcelink.core.event;

import dev.forcelink.core.limits.ApiUsage;

/**
 * Observes the calls a {@link dev.forcelink.core.SalesforceConnection} makes: the hook for metrics
 * and tracing bridges (Micrometer, OpenTelemetry). Every method has a no-op default, so an
 * implementation overrides only what it needs.
 *
 * <p>Methods are called on the thread that runs the call (the caller's thread for synchronous
 * calls, a pool thread for asynchronous ones), so implementations must be thread-safe and quick. A
 * listener that throws is logged and ignored; it never fails the call. Events never carry a token
 * or any other secret.
 */
public interface ForcelinkListener {

  /**
   * A logical call starts (once per call, however many attempts follow).
   *
   * @param event the call's method, path and correlation id
   */
  default void onRequestStart(RequestStarted event) {}

  /**
   * A logical call ended, with a response or a failure.
   *
   * @param event the outcome, duration and attempt count
   */
  default void onRequestEnd(RequestCompleted event) {}

  /**
   * An attempt failed and another one is scheduled.
   *
   * @param event the attempt that failed, the delay and the reason
   */
  default void onRetry(RetryScheduled event) {}

  /**
   * The server rejected a token and a newer one was obtained from the
   * {@link dev.forcelink.core.auth.AuthProvider}.
   *
   * @param event when and why; never the token value
   */
  default void onTokenRefresh(TokenRefreshed event) {}

  /**
   * A response reported the org's API usage ({@code Sforce-Limit-Info}).
   *
   * @param usage the usage snapshot
   */
  default void onApiUsage(ApiUsage usage) {}
}
