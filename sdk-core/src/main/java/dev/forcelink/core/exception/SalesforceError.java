package dev.forcelink.core.exception;

import java.util.List;
import java.util.Objects;

/**
 * One error reported by Salesforce: the code ({@code errorCode} in REST envelopes,
 * {@code statusCode} in record-level results, {@code error} in OAuth bodies), the message and the
 * fields it concerns.
 *
 * @param errorCode the Salesforce error code, such as {@code UNABLE_TO_LOCK_ROW}
 * @param message the server's message
 * @param fields the fields the error concerns; never null, possibly empty
 */
public record SalesforceError(String errorCode, String message, List<String> fields) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if {@code errorCode} is null
   */
  public SalesforceError {
    Objects.requireNonNull(errorCode, "errorCode");
    message = message == null ? "" : message;
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  /**
   * Creates an error that concerns no particular field.
   *
   * @param errorCode the code
   * @param message the message
   * @return the error
   */
  public static SalesforceError of(String errorCode, String message) {
    return new SalesforceError(errorCode, message, List.of());
  }
}
