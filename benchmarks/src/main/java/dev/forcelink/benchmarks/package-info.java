/**
 * Benchmarks: JMH micro-benchmarks and end-to-end runs against the embedded emulator, each with a
 * raw baseline measured in the same run. Results go to {@code docs/benchmarks.md}.
 */
package dev.forcelink.benchmarks;
