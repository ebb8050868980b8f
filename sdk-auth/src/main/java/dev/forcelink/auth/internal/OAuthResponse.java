package dev.forcelink.auth.internal;

import java.net.URI;

/**
 * One complete answer of an OAuth endpoint. The body may hold tokens: it is parsed, or reduced
 * with {@link Excerpts#of(String)}, and never logged. {@link #toString()} omits it.
 *
 * @param operation the call that was made
 * @param url the endpoint that answered
 * @param status the HTTP status
 * @param body the body as text, possibly empty
 * @param requestId the server's request id header, or null
 */
public record OAuthResponse(OAuthOperation operation, URI url, int status, String body, String requestId) {

  /**
   * Tells whether the status is 2xx.
   *
   * @return true on success
   */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** Describes the response without its body. */
  @Override
  public String toString() {
    return "OAuthResponse{operation=" + operation + ", host=" + url.getHost() + ", status=" + status
        + ", bodyLength=" + (body == null ? 0 : body.length()) + "}";
  }
}
