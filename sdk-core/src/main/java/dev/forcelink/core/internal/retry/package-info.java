/**
 * The retry machinery behind {@link dev.forcelink.core.retry.RetryPolicy}: the classifier of
 * Salesforce signals, the live retry budget, jitter and the Failsafe policy. Internal to Forcelink.
 */
package dev.forcelink.core.internal.retry;
