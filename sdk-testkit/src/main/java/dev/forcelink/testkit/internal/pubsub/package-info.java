/**
 * The emulator's Pub/Sub event model: Avro schemas for platform events and change events, their
 * schema ids, Avro binary datum encoding, and the CDC bitmap encoding of changed, nulled and diff
 * fields. Internal to the test kit; not a supported API.
 */
package dev.forcelink.testkit.internal.pubsub;
