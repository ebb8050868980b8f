/**
 * Retry settings: {@link dev.forcelink.core.retry.RetryPolicy} (attempts, full-jitter exponential
 * backoff, per-attempt and whole-call timeouts) and {@link dev.forcelink.core.retry.RetryBudget}
 * (the token bucket that bounds retries during an outage). Which failures are retried is decided by
 * the connection's classifier of Salesforce signals and by the request's
 * {@link dev.forcelink.core.http.Idempotency}.
 */
package dev.forcelink.core.retry;
