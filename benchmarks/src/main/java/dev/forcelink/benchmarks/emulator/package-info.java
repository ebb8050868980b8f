/**
 * The emulator as benchmarks use it: in a child JVM, seeded straight into its record store, so the
 * measured JVM holds the client alone.
 */
package dev.forcelink.benchmarks.emulator;
