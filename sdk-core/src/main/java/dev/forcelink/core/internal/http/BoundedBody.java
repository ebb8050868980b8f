package dev.forcelink.core.internal.http;

/**
 * The first bytes of an error body.
 *
 * @param bytes at most the bound
 * @param truncated true when the body was longer and reading stopped at the bound
 */
record BoundedBody(byte[] bytes, boolean truncated) {}
