/**
 * Forcelink's shared runtime: the {@link dev.forcelink.core.SalesforceConnection} that every client
 * takes, API versions and the value types the clients share.
 *
 * <p>Packages named {@code internal} are implementation details shared between Forcelink modules;
 * they may change in any release and must not be used by applications.
 */
package dev.forcelink.core;
