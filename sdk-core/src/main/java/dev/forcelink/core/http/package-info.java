/**
 * Requests and responses of the shared HTTP pipeline:
 * {@link dev.forcelink.core.http.SalesforceRequest}, {@link dev.forcelink.core.http.SalesforceResponse}
 * and {@link dev.forcelink.core.http.Idempotency}. Clients build requests and send them through
 * {@link dev.forcelink.core.SalesforceConnection}.
 */
package dev.forcelink.core.http;
