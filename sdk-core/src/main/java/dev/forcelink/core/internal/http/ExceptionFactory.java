package dev.forcelink.core.internal.http;

import dev.forcelink.core.exception.AuthenticationException;
import dev.forcelink.core.exception.ConcurrentRequestLimitExceededException;
import dev.forcelink.core.exception.DailyApiLimitExceededException;
import dev.forcelink.core.exception.MultipleChoicesException;
import dev.forcelink.core.exception.NotFoundException;
import dev.forcelink.core.exception.RecordLockedException;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.core.internal.error.ErrorBody;
import dev.forcelink.core.internal.retry.RetryAction;
import dev.forcelink.core.internal.log.Redaction;
import dev.forcelink.core.limits.ApiUsage;
import java.nio.charset.StandardCharsets;

/**
 * Turns an error response into the typed exception the hierarchy defines for it. Stateless and
 * thread-safe. Internal to Forcelink; other modules reuse it for bodies they read themselves.
 */
public final class ExceptionFactory {
  private ExceptionFactory() {}

  /**
   * Creates the exception for an error response.
   *
   * @param status the HTTP status
   * @param body the parsed error body
   * @param action the classifier's action for it
   * @param summary what was being done (the request's description), or null
   * @param correlationId the correlation id, or null
   * @param requestId the server's request id, or null
   * @param usage the usage the response reported, or null
   * @return the exception, never null
   */
  public static SalesforceServiceException fromResponse(int status, ErrorBody body, RetryAction action,
      String summary, String correlationId, String requestId, ApiUsage usage) {
    return fromResponse(status, body, null, action, summary, correlationId, requestId, usage);
  }

  /**
   * Creates the exception for an error response, keeping its (bounded) body.
   *
   * @param status the HTTP status
   * @param body the parsed error body
   * @param rawBody the body as received (at most 64 KiB), or null; secrets are masked here
   * @param action the classifier's action for it
   * @param summary what was being done (the request's description), or null
   * @param correlationId the correlation id, or null
   * @param requestId the server's request id, or null
   * @param usage the usage the response reported, or null
   * @return the exception, never null
   */
  public static SalesforceServiceException fromResponse(int status, ErrorBody body, byte[] rawBody,
      RetryAction action, String summary, String correlationId, String requestId, ApiUsage usage) {
    boolean throttled = action == RetryAction.RETRY_THROTTLED;
    String lead = summary;
    if (action == RetryAction.QUOTA_FAIL) {
      lead = join(summary, "the org's daily API allocation is used up; retrying cannot help until the"
          + " rolling 24-hour window frees calls" + (usage == null ? "" : " (used " + usage.used() + " of " + usage.max() + ")"));
    }
    SalesforceServiceException.Details d = SalesforceServiceException.Details.builder()
        .statusCode(status)
        .errors(body.errors())
        .bodyExcerpt(body.excerpt())
        .responseBody(rawBody == null ? null
            : Redaction.redactText(new String(rawBody, StandardCharsets.UTF_8)))
        .correlationId(correlationId)
        .requestId(requestId)
        .retryable(action.isRetry())
        .throttling(throttled)
        .apiUsage(usage)
        .summary(lead);
    if (status == 300) {
      return new MultipleChoicesException(d, body.choices());
    }
    if (action == RetryAction.QUOTA_FAIL) {
      return new DailyApiLimitExceededException(d);
    }
    if (body.hasCode("REQUEST_LIMIT_EXCEEDED")) {
      return new ConcurrentRequestLimitExceededException(d);
    }
    if (body.mentions("UNABLE_TO_LOCK_ROW")) {
      return new RecordLockedException(d);
    }
    if (status == 401 || body.oauth()) {
      return new AuthenticationException(d);
    }
    if (status == 404) {
      return new NotFoundException(d);
    }
    return new SalesforceServiceException(d);
  }

  private static String join(String a, String b) {
    return a == null || a.isEmpty() ? b : a + " (" + b + ")";
  }
}
