/**
 * Forcelink pubsub module.
 */
package dev.forcelink.pubsub;
