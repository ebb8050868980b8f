package dev.forcelink.core.exception;

import dev.forcelink.core.limits.ApiUsage;

/**
 * The client's own API budget guard refused a call because the org's daily API usage is above the
 * configured share of its allocation. Nothing was sent.
 *
 * <p>Immutable once thrown.
 */
public class ApiBudgetExceededException extends ForcelinkClientException {
  private static final long serialVersionUID = 1L;
  private final transient ApiUsage usage;

  /**
   * Creates the exception.
   *
   * @param message the usage, the configured share, and what to do
   * @param usage the last usage snapshot
   * @param correlationId the correlation id of the refused call, or null
   */
  public ApiBudgetExceededException(String message, ApiUsage usage, String correlationId) {
    super(message, null, correlationId, false);
    this.usage = usage;
  }

  /**
   * Returns the usage snapshot that made the guard refuse the call.
   *
   * @return the usage
   */
  public ApiUsage usage() {
    return usage;
  }
}
