/**
 * The emulator as benchmarks use it: in a child JVM ({@link
 * dev.forcelink.benchmarks.emulator.EmulatorProcess}, configured by {@link
 * dev.forcelink.benchmarks.emulator.EmulatorSettings}), seeded straight into its record store, so
 * the measured JVM holds the client alone.
 */
package dev.forcelink.benchmarks.emulator;
