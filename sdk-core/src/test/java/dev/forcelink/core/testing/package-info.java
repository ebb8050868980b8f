/**
 * Test utilities shipped in sdk-core's test-jar for every Forcelink module:
 * {@link dev.forcelink.core.testing.LogCapture} and {@link dev.forcelink.core.testing.SecretAssertions}.
 */
package dev.forcelink.core.testing;
