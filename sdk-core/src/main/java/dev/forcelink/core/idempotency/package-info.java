/**
 * Idempotency helpers: {@link dev.forcelink.core.idempotency.IdempotencyKey} for keys sent with a
 * request and reused on every retry, and {@link
 * dev.forcelink.core.idempotency.ProcessedMessageLedger} with in-memory and JDBC implementations
 * for consumers that must act on each message once.
 */
package dev.forcelink.core.idempotency;
