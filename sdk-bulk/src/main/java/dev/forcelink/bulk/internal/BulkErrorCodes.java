package dev.forcelink.bulk.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies the error codes of Salesforce's Bulk API 2.0 guide for retrying: row errors from
 * {@code sf__Error} and job errors from {@code errorMessage}. Row-lock contention is transient and
 * worth a new job for the affected rows; session errors need a new token; quota errors need time;
 * everything else is permanent. Stateless and thread-safe.
 */
public final class BulkErrorCodes {
  /** How a failure should be handled. */
  public enum Kind {
    /** May succeed if the same rows are sent again in a new job later. */
    TRANSIENT,
    /** The session is invalid: authenticate again. */
    AUTH,
    /** A daily allocation is used up: wait for the rolling window. */
    QUOTA,
    /** Retrying the same data will fail the same way. */
    PERMANENT
  }

  private static final Map<String, Kind> TABLE = Map.ofEntries(
      Map.entry("UNABLE_TO_LOCK_ROW", Kind.TRANSIENT),
      Map.entry("SERVER_UNAVAILABLE", Kind.TRANSIENT),
      Map.entry("REQUEST_RUNNING_TOO_LONG", Kind.TRANSIENT),
      Map.entry("INVALIDSESSIONID", Kind.AUTH),
      Map.entry("INVALID_SESSION_ID", Kind.AUTH),
      Map.entry("EXCEEDEDQUOTA", Kind.QUOTA),
      Map.entry("REQUEST_LIMIT_EXCEEDED", Kind.QUOTA),
      Map.entry("INVALIDBATCH", Kind.PERMANENT),
      Map.entry("INVALIDJOB", Kind.PERMANENT),
      Map.entry("INVALIDJOBSTATE", Kind.PERMANENT),
      Map.entry("INVALIDUSER", Kind.PERMANENT),
      Map.entry("CLIENTINPUTERROR", Kind.PERMANENT),
      Map.entry("FEATURENOTENABLED", Kind.PERMANENT),
      Map.entry("INVALIDOPERATION", Kind.PERMANENT),
      Map.entry("INVALIDURL", Kind.PERMANENT),
      Map.entry("JOB_NOT_COMPLETE", Kind.TRANSIENT));

  /** {@code CODE:message[:fields] --} as Salesforce writes {@code sf__Error}. */
  private static final Pattern LEADING_CODE = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9_]*)\\s*:");

  private BulkErrorCodes() {}

  /**
   * Classifies an error code.
   *
   * @param code such as {@code UNABLE_TO_LOCK_ROW} or {@code InvalidBatch}; case is ignored
   * @return the kind; {@link Kind#PERMANENT} for unknown codes
   */
  public static Kind classify(String code) {
    if (code == null) {
      return Kind.PERMANENT;
    }
    return TABLE.getOrDefault(code.toUpperCase(Locale.ROOT), Kind.PERMANENT);
  }

  /**
   * Extracts the leading error code of an {@code sf__Error} cell or a job's {@code errorMessage},
   * such as {@code UNABLE_TO_LOCK_ROW} from
   * {@code UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--}.
   *
   * @param message the text
   * @return the code, if the text starts with one
   */
  public static Optional<String> leadingCode(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = LEADING_CODE.matcher(message);
    if (m.find()) {
      return Optional.of(m.group(1));
    }
    String t = message.trim();
    return t.matches("[A-Za-z][A-Za-z0-9_]*") ? Optional.of(t) : Optional.empty();
  }

  /**
   * Classifies a message by its leading code; a message that only mentions
   * {@code UNABLE_TO_LOCK_ROW} (inside a flow error, say) is transient too.
   *
   * @param message the {@code sf__Error} cell or job error message
   * @return the kind
   */
  public static Kind classifyMessage(String message) {
    if (message != null && message.contains("UNABLE_TO_LOCK_ROW")) {
      return Kind.TRANSIENT;
    }
    return classify(leadingCode(message).orElse(null));
  }
}
