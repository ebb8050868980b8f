package dev.forcelink.core.exception;

import dev.forcelink.core.limits.ApiUsage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Salesforce answered with an error status. Carries the HTTP status, the parsed list of Salesforce
 * errors, a bounded excerpt of the body, the correlation and request ids, whether the failure is
 * retryable, and the last {@code Sforce-Limit-Info} usage when the response had one.
 *
 * <p>Immutable once thrown.
 */
public class SalesforceServiceException extends ForcelinkException {
  private static final long serialVersionUID = 1L;
  private final int statusCode;
  private final List<SalesforceError> errors;
  private final String bodyExcerpt;
  private final String responseBody;
  private final boolean retryable;
  private final boolean throttling;
  private final transient ApiUsage apiUsage;

  /**
   * Creates the exception from its details.
   *
   * @param details the details; see {@link Details#builder()}
   */
  public SalesforceServiceException(Details details) {
    super(details.message(), null, details.correlationId, details.requestId);
    this.statusCode = details.statusCode;
    this.errors = details.errors;
    this.bodyExcerpt = details.bodyExcerpt;
    this.responseBody = details.responseBody;
    this.retryable = details.retryable;
    this.throttling = details.throttling;
    this.apiUsage = details.apiUsage;
  }

  /**
   * Returns the HTTP status code (or, for gRPC failures, 0).
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns the errors the server listed, in its order.
   *
   * @return an unmodifiable list, empty when the body held none that could be parsed
   */
  public List<SalesforceError> errors() {
    return errors;
  }

  /**
   * Returns the first error code, such as {@code INVALID_SESSION_ID}.
   *
   * @return the first error code, if any
   */
  public Optional<String> errorCode() {
    return errors.isEmpty() ? Optional.empty() : Optional.of(errors.get(0).errorCode());
  }

  /**
   * Returns a bounded excerpt of the response body (at most a few hundred characters), useful when
   * the body was not a Salesforce error envelope (an HTML page from a proxy, say).
   *
   * @return the excerpt, possibly empty
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  /**
   * Returns the error response's body as received, at most 64 KiB (cut beyond that) and with
   * anything secret-looking masked, for callers that parse error shapes of their own (such as the
   * per-record errors of a failed sObject Tree). Not part of {@link #getMessage()}.
   *
   * @return the body, or an empty string when there was none
   */
  public String responseBody() {
    return responseBody;
  }

  @Override
  public boolean isRetryable() {
    return retryable;
  }

  /**
   * Tells whether the server is throttling (concurrent request limit, row locks): such failures are
   * retried with a longer backoff.
   *
   * @return true for throttling errors
   */
  public boolean isThrottling() {
    return throttling;
  }

  /**
   * Returns the API usage reported with the error response.
   *
   * @return the usage, if the response carried {@code Sforce-Limit-Info}
   */
  public Optional<ApiUsage> apiUsage() {
    return Optional.ofNullable(apiUsage);
  }

  /** The details of a service error. Build with {@link #builder()}; not thread-safe while building. */
  public static final class Details {
    private int statusCode;
    private List<SalesforceError> errors = List.of();
    private String bodyExcerpt = "";
    private String responseBody = "";
    private String correlationId;
    private String requestId;
    private boolean retryable;
    private boolean throttling;
    private ApiUsage apiUsage;
    private String summary;

    private Details() {}

    /**
     * Starts an empty set of details.
     *
     * @return new details
     */
    public static Details builder() {
      return new Details();
    }

    /**
     * Sets the HTTP status.
     *
     * @param statusCode the status
     * @return these details
     */
    public Details statusCode(int statusCode) {
      this.statusCode = statusCode;
      return this;
    }

    /**
     * Sets the parsed errors.
     *
     * @param errors the errors
     * @return these details
     */
    public Details errors(List<SalesforceError> errors) {
      this.errors = List.copyOf(errors);
      return this;
    }

    /**
     * Sets the bounded body excerpt.
     *
     * @param bodyExcerpt the excerpt; callers bound its length
     * @return these details
     */
    public Details bodyExcerpt(String bodyExcerpt) {
      this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
      return this;
    }

    /**
     * Sets the bounded, redacted response body.
     *
     * @param responseBody the body; callers bound its length and mask secrets
     * @return these details
     */
    public Details responseBody(String responseBody) {
      this.responseBody = responseBody == null ? "" : responseBody;
      return this;
    }

    /**
     * Sets the correlation id.
     *
     * @param correlationId the id, or null
     * @return these details
     */
    public Details correlationId(String correlationId) {
      this.correlationId = correlationId;
      return this;
    }

    /**
     * Sets the server's request id.
     *
     * @param requestId the id, or null
     * @return these details
     */
    public Details requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /**
     * Marks the failure retryable.
     *
     * @param retryable whether a later attempt may succeed
     * @return these details
     */
    public Details retryable(boolean retryable) {
      this.retryable = retryable;
      return this;
    }

    /**
     * Marks the failure as throttling.
     *
     * @param throttling whether the server is throttling
     * @return these details
     */
    public Details throttling(boolean throttling) {
      this.throttling = throttling;
      return this;
    }

    /**
     * Sets the usage reported with the response.
     *
     * @param apiUsage the usage, or null
     * @return these details
     */
    public Details apiUsage(ApiUsage apiUsage) {
      this.apiUsage = apiUsage;
      return this;
    }

    /**
     * Sets a leading summary (what was being done), placed before the status and errors in the
     * message.
     *
     * @param summary the summary, or null
     * @return these details
     */
    public Details summary(String summary) {
      this.summary = summary;
      return this;
    }

    /** Returns the status code. @return the status */
    public int statusCode() {
      return statusCode;
    }

    /** Returns the errors. @return the errors */
    public List<SalesforceError> errors() {
      return errors;
    }

    String message() {
      StringBuilder sb = new StringBuilder();
      if (summary != null && !summary.isEmpty()) {
        sb.append(summary).append(": ");
      }
      sb.append("HTTP ").append(statusCode);
      if (!errors.isEmpty()) {
        for (int i = 0; i < errors.size() && i < 5; i++) {
          SalesforceError e = errors.get(i);
          sb.append(i == 0 ? " " : "; ").append(e.errorCode());
          if (!e.message().isEmpty()) {
            sb.append(": ").append(e.message());
          }
          if (!e.fields().isEmpty()) {
            sb.append(" (fields ").append(String.join(", ", e.fields())).append(')');
          }
        }
        if (errors.size() > 5) {
          sb.append("; and ").append(errors.size() - 5).append(" more");
        }
      } else if (!bodyExcerpt.isEmpty()) {
        sb.append(" with an unrecognized body: ").append(bodyExcerpt);
      } else {
        sb.append(" with an empty body");
      }
      return sb.toString();
    }
  }

  /**
   * Checks that subclasses were given details.
   *
   * @param details the details
   * @return the details, checked for null
   */
  static Details check(Details details) {
    return Objects.requireNonNull(details, "details");
  }
}
