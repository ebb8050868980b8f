package dev.forcelink.testkit.internal.auth;

/**
 * An OAuth failure answered as {@code {"error":…,"error_description":…}}. Carries no secret. Immutable.
 */
final class OAuthError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    OAuthError(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    OAuthError(String error, String description) {
        this(400, error, description);
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description);
    }

    static OAuthError invalidClientId() {
        return new OAuthError("invalid_client_id", "client identifier invalid");
    }

    static OAuthError invalidClient() {
        return new OAuthError("invalid_client", "invalid client credentials");
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    String description() {
        return getMessage();
    }
}
