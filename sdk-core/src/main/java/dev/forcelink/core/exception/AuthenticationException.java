package dev.forcelink.core.exception;

/**
 * The server refused the credentials or the token: HTTP 401 (such as `INVALID_SESSION_ID` after a refresh did not help) or an OAuth error (such as `invalid_grant`). OAuth failures carry the OAuth `error` as the error code and `error_description` as the message.
 *
 * <p>Immutable once thrown.
 */
public class AuthenticationException extends SalesforceServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details the details of the failure
   */
  public AuthenticationException(Details details) {
    super(check(details));
  }
}
