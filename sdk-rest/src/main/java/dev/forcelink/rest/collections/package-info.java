/**
 * sObject Collections for inputs of any size: {@link dev.forcelink.rest.collections.CollectionsClient}
 * splits writes into requests of 200 records, sends them with bounded concurrency, returns one
 * {@link dev.forcelink.rest.collections.RecordResult} per input record in input order, and can
 * re-send only the records that failed on a row lock
 * ({@link dev.forcelink.rest.collections.LockRetry}).
 */
package dev.forcelink.rest.collections;
