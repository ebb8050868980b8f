/**
 * The request pipeline behind {@link dev.forcelink.core.SalesforceConnection}: auth, correlation,
 * compression, retry loop, response routing and error mapping. Internal to Forcelink.
 */
package dev.forcelink.core.internal.http;
