package dev.forcelink.testkit.internal.http;

/**
 * The session behind a request's bearer token. Holds no token text, so it is safe to log.
 *
 * @param orgId 18-character org id
 * @param userId 18-character user id
 * @param username the user's login name
 * @param clientId the connected app that obtained the token
 * @param scope space-separated scopes
 */
public record ApiSession(String orgId, String userId, String username, String clientId, String scope) {
}
