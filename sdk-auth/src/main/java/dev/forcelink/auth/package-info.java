/**
 * Salesforce OAuth 2.0 flows as {@link dev.forcelink.core.auth.AuthProvider}s:
 * {@link dev.forcelink.auth.JwtBearerAuth} and {@link dev.forcelink.auth.ClientCredentialsAuth}
 * for server-to-server integrations, {@link dev.forcelink.auth.RefreshTokenAuth} and
 * {@link dev.forcelink.auth.AuthorizationCodeFlow} (with {@link dev.forcelink.auth.Pkce} and
 * {@link dev.forcelink.auth.State}) for applications acting for a user, the legacy
 * {@link dev.forcelink.auth.PasswordAuth}, and {@link dev.forcelink.auth.StaticTokenAuth} for a
 * token obtained elsewhere. {@link dev.forcelink.auth.SalesforceOAuth} calls the revoke,
 * introspect, userinfo and identity endpoints.
 *
 * <p>Every provider caches its token, renews it single-flight when the server rejects it, retries
 * only transient failures of the token endpoint (never {@code invalid_grant}), insists on HTTPS
 * off the loopback, and keeps secrets out of logs, exception messages and {@code toString}.
 */
package dev.forcelink.auth;
