package dev.forcelink.auth.internal;

/**
 * The calls made to Salesforce's OAuth endpoints, each with the words used for it in log lines and
 * exception messages, and the hint given when the server answers {@code invalid_grant}.
 */
public enum OAuthOperation {
  /** Token request of the JWT bearer flow. */
  JWT_BEARER("JWT bearer token request",
      "check that the user is pre-authorized for the connected app (admin-approved users via"
          + " profile or permission set), that the certificate uploaded to the connected app matches"
          + " the private key, that this machine's clock is correct, and that the audience matches"
          + " the login URL (https://test.salesforce.com for sandboxes)"),
  /** Token request of the client credentials flow. */
  CLIENT_CREDENTIALS("client credentials token request",
      "check that the connected app enables the client credentials flow with a 'Run As' user,"
          + " and that the request goes to the org's My Domain URL"),
  /** Token request of the refresh token flow. */
  REFRESH_TOKEN("refresh token request",
      "the refresh token is expired, revoked or was issued to another connected app: obtain a new"
          + " one through the authorization code flow"),
  /** Code exchange of the authorization code flow. */
  AUTHORIZATION_CODE("authorization code exchange",
      "the code is expired or already used, or the redirect URI or PKCE verifier differs from the"
          + " authorize request: start the authorization again"),
  /** Token request of the username-password flow. */
  PASSWORD("password token request",
      "check the username, the password with the security token appended, and that the connected"
          + " app and the org allow the username-password flow"),
  /** Token revocation. */
  REVOKE("token revocation", "the token is already invalid"),
  /** Token introspection. */
  INTROSPECT("token introspection", "check the client credentials of the connected app"),
  /** The OpenID Connect userinfo endpoint. */
  USER_INFO("userinfo request", "the access token is invalid or expired"),
  /** The identity URL returned with a token. */
  IDENTITY("identity URL request", "the access token is invalid or expired");

  private final String description;
  private final String invalidGrantHint;

  OAuthOperation(String description, String invalidGrantHint) {
    this.description = description;
    this.invalidGrantHint = invalidGrantHint;
  }

  /**
   * Returns the words used for this call in messages, such as {@code "JWT bearer token request"}.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * Returns what to check when the server answers {@code invalid_grant} to this call.
   *
   * @return the hint
   */
  public String invalidGrantHint() {
    return invalidGrantHint;
  }
}
