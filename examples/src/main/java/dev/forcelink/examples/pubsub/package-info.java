/**
 * Pub/Sub API examples: turning won opportunities into ERP orders exactly once across a crash
 * ({@link dev.forcelink.examples.pubsub.OpportunityToOrder}), and tailing Account changes
 * ({@link dev.forcelink.examples.pubsub.AccountChangeTail}).
 */
package dev.forcelink.examples.pubsub;
