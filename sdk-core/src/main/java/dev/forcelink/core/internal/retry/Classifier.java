package dev.forcelink.core.internal.retry;

import dev.forcelink.core.internal.error.ErrorBody;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The one classifier of Salesforce failure signals (HTTP statuses, error codes, transport faults),
 * shared by every Forcelink client. It looks only at the signal; the idempotency guard and the
 * retry budget are applied afterwards by the pipeline.
 *
 * <p>Stateless and thread-safe. Internal to Forcelink.
 */
public final class Classifier {
  private Classifier() {}

  /**
   * Classifies an error response.
   *
   * @param status the HTTP status (not 2xx or 304)
   * @param body the parsed body
   * @return the action
   */
  public static RetryAction classify(int status, ErrorBody body) {
    if (body.oauth()) {
      // invalid_grant, invalid_client, ...: a bad credential does not improve by retrying.
      return RetryAction.FAIL;
    }
    if (status == 401) {
      boolean sessionProblem = body.errors().isEmpty()
          || body.hasCode("INVALID_SESSION_ID")
          || body.hasCode("InvalidSessionId");
      return sessionProblem ? RetryAction.REFRESH_ONCE : RetryAction.FAIL;
    }
    if (body.hasCode("REQUEST_LIMIT_EXCEEDED")) {
      // "TotalRequests Limit exceeded." is the rolling 24 h quota; other texts
      // (ConcurrentPerOrgLongTxn, ConcurrentRequests) are concurrency limits that clear in seconds.
      return body.messageOf("REQUEST_LIMIT_EXCEEDED").contains("TotalRequests")
          ? RetryAction.QUOTA_FAIL
          : RetryAction.RETRY_THROTTLED;
    }
    if (body.mentions("UNABLE_TO_LOCK_ROW")) {
      return RetryAction.RETRY_THROTTLED;
    }
    if (status == 502 || status == 503 || status == 504 || body.hasCode("SERVER_UNAVAILABLE")) {
      return RetryAction.RETRY;
    }
    if (status >= 500) {
      // 500 UNKNOWN_EXCEPTION and unknown 5xx: ambiguous, so at most one retry.
      return RetryAction.RETRY_ONCE;
    }
    return RetryAction.FAIL;
  }

  /**
   * Classifies a failure that left no response.
   *
   * @param failure the exception from the HTTP client (unwrapped from any completion wrapper)
   * @return the classification
   */
  public static TransportFailure classifyTransport(Throwable failure) {
    if (failure instanceof HttpConnectTimeoutException) {
      return new TransportFailure(RetryAction.RETRY, true, true, "connect timeout");
    }
    if (failure instanceof HttpTimeoutException) {
      return new TransportFailure(RetryAction.RETRY, false, true, "attempt timeout");
    }
    if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
      // The JDK reports refused connections as ConnectException, sometimes with a
      // ClosedChannelException cause; either way no request byte was written.
      return new TransportFailure(RetryAction.RETRY, true, false, "connection refused");
    }
    if (failure instanceof UnknownHostException || failure instanceof UnresolvedAddressException
        || failure instanceof SSLHandshakeException) {
      return new TransportFailure(RetryAction.FAIL, true, false, "cannot reach host: " + failure.getClass().getSimpleName());
    }
    if (failure instanceof EOFException) {
      return new TransportFailure(RetryAction.RETRY, false, false, "connection closed before a response");
    }
    if (failure instanceof IOException) {
      return new TransportFailure(RetryAction.RETRY, false, false, describe((IOException) failure));
    }
    return new TransportFailure(RetryAction.FAIL, false, false, failure.getClass().getSimpleName());
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    if (m == null) {
      return "I/O failure (" + e.getClass().getSimpleName() + ")";
    }
    String lower = m.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("reset")) {
      return "connection reset";
    }
    if (lower.contains("no bytes") || lower.contains("eof") || lower.contains("closed")) {
      return "connection closed before a response";
    }
    return "I/O failure (" + e.getClass().getSimpleName() + ")";
  }
}
