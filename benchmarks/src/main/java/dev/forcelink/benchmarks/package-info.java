/**
 * Forcelink benchmarks module.
 */
package dev.forcelink.benchmarks;
