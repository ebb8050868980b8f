package dev.forcelink.auth.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.core.exception.AuthenticationException;
import dev.forcelink.core.exception.SalesforceError;
import dev.forcelink.core.exception.SalesforceServiceException;
import java.util.List;
import java.util.Optional;

/**
 * Turns an unsuccessful OAuth answer into the exception the caller sees: an OAuth error body
 * ({@code {"error","error_description"}}) becomes an {@link AuthenticationException} with the
 * {@code error} as its code, the description as its message, and a hint naming what to check.
 */
public final class OAuthErrors {
  private OAuthErrors() {}

  /**
   * Builds the exception for a non-2xx response.
   *
   * @param response the response
   * @return an {@link AuthenticationException} for OAuth errors and 401/403 answers, otherwise a
   *     {@link SalesforceServiceException} (retryable for 5xx) with a bounded body excerpt
   */
  public static SalesforceServiceException toException(OAuthResponse response) {
    OAuthOperation operation = response.operation();
    int status = response.status();
    String where = operation.description() + " to " + response.url().getHost();
    Optional<ObjectNode> json = Json.parseObject(response.body());
    String error = json.map(node -> Json.text(node, "error")).orElse(null);
    SalesforceServiceException.Details details = SalesforceServiceException.Details.builder()
        .statusCode(status)
        .requestId(response.requestId())
        .retryable(status >= 500);
    if (error != null && status < 500) {
      String description = Json.text(json.get(), "error_description");
      return new AuthenticationException(details
          .errors(List.of(SalesforceError.of(error, description)))
          .summary(where + " was refused (" + hint(operation, error) + ")"));
    }
    details.bodyExcerpt(Excerpts.of(response.body()));
    if (error != null) {
      details.errors(List.of(SalesforceError.of(error, Json.text(json.get(), "error_description"))));
    }
    if (status == 401 || status == 403) {
      return new AuthenticationException(details.summary(where + " was refused ("
          + operation.invalidGrantHint() + ")"));
    }
    if (status >= 500) {
      return new SalesforceServiceException(details.summary(where + " failed after "
          + (OAuthTransport.MAX_RETRIES + 1) + " attempts: the server is unavailable, try again later"));
    }
    if (status == 404) {
      return new SalesforceServiceException(details.summary(where + " found no OAuth endpoint at "
          + SecureUrls.safeForm(response.url()) + ": check the login or My Domain URL"));
    }
    return new SalesforceServiceException(details.summary(where + " got an unexpected answer"));
  }

  /**
   * Returns what to check for an OAuth error code.
   *
   * @param operation the call that failed
   * @param error the OAuth {@code error}
   * @return the hint
   */
  static String hint(OAuthOperation operation, String error) {
    switch (error) {
      case "invalid_grant":
        return operation.invalidGrantHint();
      case "invalid_client_id":
        return "the client id (consumer key) is unknown: check it, and that the connected app exists"
            + " in this org";
      case "invalid_client":
        return "the client credentials are wrong: check the client id (consumer key) and the client"
            + " secret (consumer secret)";
      case "unsupported_grant_type":
        return "the connected app or this endpoint does not allow this flow: enable it in the"
            + " connected app's OAuth policies, and check the login URL";
      case "inactive_user":
        return "the user is inactive, frozen or locked out: ask an administrator to reactivate it";
      case "inactive_org":
        return "the org is locked, closed or suspended";
      case "rate_limit_exceeded":
        return "too many logins for this user in the last hour: reuse cached tokens instead of"
            + " logging in per request";
      case "redirect_uri_mismatch":
        return "the redirect URI must equal a callback URL of the connected app";
      case "invalid_request":
        return "a parameter is missing or malformed";
      default:
        return "see the error description";
    }
  }
}
