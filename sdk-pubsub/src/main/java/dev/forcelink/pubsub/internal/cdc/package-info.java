/**
 * Decoding of Change Data Capture headers from Avro event records. Internal: not a supported API;
 * may change in any release.
 */
package dev.forcelink.pubsub.internal.cdc;
