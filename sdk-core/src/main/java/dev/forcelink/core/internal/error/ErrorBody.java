package dev.forcelink.core.internal.error;

import dev.forcelink.core.exception.SalesforceError;
import java.util.List;

/**
 * What could be read from an error response body.
 *
 * @param errors the errors found, in order; empty when the body held none
 * @param excerpt a bounded (at most {@value ErrorBodyParser#MAX_EXCERPT} characters), redacted,
 *     control-character-free excerpt of the body
 * @param oauth true when the body was an OAuth error ({@code error}/{@code error_description})
 * @param choices for a 300 response: the record URLs or ids the server listed
 */
public record ErrorBody(List<SalesforceError> errors, String excerpt, boolean oauth, List<String> choices) {

  /** Copies the lists. */
  public ErrorBody {
    errors = List.copyOf(errors);
    choices = List.copyOf(choices);
    excerpt = excerpt == null ? "" : excerpt;
  }

  /**
   * Tells whether any error has the code, or mentions it in its message.
   *
   * @param code an error code such as {@code UNABLE_TO_LOCK_ROW}
   * @return true if present
   */
  public boolean mentions(String code) {
    for (SalesforceError e : errors) {
      if (e.errorCode().equalsIgnoreCase(code) || e.message().contains(code)) {
        return true;
      }
    }
    return excerpt.contains(code);
  }

  /**
   * Tells whether any error has exactly this code.
   *
   * @param code the code
   * @return true if present
   */
  public boolean hasCode(String code) {
    return errors.stream().anyMatch(e -> e.errorCode().equalsIgnoreCase(code));
  }

  /**
   * Returns the message of the first error with the code.
   *
   * @param code the code
   * @return the message, or an empty string
   */
  public String messageOf(String code) {
    return errors.stream().filter(e -> e.errorCode().equalsIgnoreCase(code))
        .map(SalesforceError::message).findFirst().orElse("");
  }
}
