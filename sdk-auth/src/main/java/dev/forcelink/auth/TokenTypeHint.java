package dev.forcelink.auth;

/**
 * Tells the introspection endpoint which kind of token it is given ({@code token_type_hint}).
 * Thread-safe.
 */
public enum TokenTypeHint {
  /** An access token: {@code access_token}. */
  ACCESS_TOKEN("access_token"),
  /** A refresh token: {@code refresh_token}. */
  REFRESH_TOKEN("refresh_token");

  private final String wireValue;

  TokenTypeHint(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * Returns the value sent on the wire.
   *
   * @return {@code access_token} or {@code refresh_token}
   */
  public String wireValue() {
    return wireValue;
  }
}
