package dev.forcelink.core.internal.retry;

/**
 * The classification of a failure that left no HTTP response.
 *
 * @param action what to do
 * @param provablyUnsent true when the failure proves no request byte reached the server (connect
 *     refused, connect timeout), which allows retrying even a non-idempotent request
 * @param timeout true when a timeout fired
 * @param reason a short description for logs and events, such as {@code connection reset}
 */
public record TransportFailure(RetryAction action, boolean provablyUnsent, boolean timeout, String reason) {}
