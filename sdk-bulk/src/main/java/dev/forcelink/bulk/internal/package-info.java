/**
 * Internals of the Bulk module: CSV encoding and decoding over FastCSV, job spool files, row
 * digests for matching results to input rows, polling backoff and test hooks. May change in any
 * release; applications must not use them.
 */
package dev.forcelink.bulk.internal;
