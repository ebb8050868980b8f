/**
 * gRPC plumbing of the Pub/Sub client: call metadata, channels and error classification. Internal to
 * Forcelink: not a public API, may change without notice.
 */
package dev.forcelink.pubsub.internal.grpc;
