/**
 * Change Data Capture: the change type and the decoded {@code ChangeEventHeader} of change events
 * received over the Pub/Sub API.
 */
package dev.forcelink.pubsub.cdc;
