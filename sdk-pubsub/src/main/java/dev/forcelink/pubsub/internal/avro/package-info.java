/**
 * Avro plumbing of the Pub/Sub client: schema cache, binary decoding and encoding, and conversion
 * between Avro records and plain Java values. Internal to Forcelink: not a public API, may change
 * without notice.
 */
package dev.forcelink.pubsub.internal.avro;
