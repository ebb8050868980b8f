/**
 * Runnable examples. Each one runs against the embedded emulator with no setup, or against a real
 * org when the {@code FORCELINK_*} environment variables of {@link dev.forcelink.examples.ExampleOrg}
 * are set.
 */
package dev.forcelink.examples;
