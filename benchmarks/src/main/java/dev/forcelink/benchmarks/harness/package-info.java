/** Helpers shared by the end-to-end benchmark mains: medians over rounds and heap probes. */
package dev.forcelink.benchmarks.harness;
