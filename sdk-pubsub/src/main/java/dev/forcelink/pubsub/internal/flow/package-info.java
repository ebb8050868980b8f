/**
 * Flow control and progress tracking of Pub/Sub subscriptions. Internal to Forcelink: not a public
 * API, may change without notice.
 */
package dev.forcelink.pubsub.internal.flow;
