/** End-to-end REST benchmarks against a raw {@code java.net.http} + Jackson streaming baseline. */
package dev.forcelink.benchmarks.rest;
