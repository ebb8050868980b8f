/**
 * Call events for metrics and tracing: implement {@link dev.forcelink.core.event.ForcelinkListener}
 * and register it on the connection. Events are small immutable records that never carry secrets.
 */
package dev.forcelink.core.event;
