package dev.forcelink.auth.internal;

import java.util.regex.Pattern;

/**
 * Bounded, redacted excerpts of response bodies for exception messages: token fields and anything
 * shaped like a Salesforce session id are masked, even when the body is cut in the middle of one;
 * whitespace is collapsed, and the result never
 * exceeds {@link #MAX_CHARS} characters.
 */
public final class Excerpts {
  /** The longest excerpt produced. */
  public static final int MAX_CHARS = 300;

  private static final Pattern SECRET_FIELDS = Pattern.compile(
      "(\"(?:access_token|refresh_token|id_token|assertion|code|code_verifier|client_secret|password"
          + "|token)\"\\s*:\\s*\")[^\"]*(\"?)");
  private static final Pattern SECRET_PARAMS = Pattern.compile(
      "((?:access_token|refresh_token|id_token|assertion|code|code_verifier|client_secret|password"
          + "|token)=)[^&\\s\"]*");
  // Salesforce access tokens (session ids) start with the 15- or 18-character org id and '!'.
  private static final Pattern SESSION_IDS = Pattern.compile("00D[0-9A-Za-z]{12,15}![0-9A-Za-z._\\-]+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Excerpts() {}

  /**
   * Returns a redacted excerpt of {@code body} of at most {@link #MAX_CHARS} characters.
   *
   * @param body the body, possibly null
   * @return the excerpt, empty for an empty body
   */
  public static String of(String body) {
    if (body == null || body.isEmpty()) {
      return "";
    }
    // Redact before cutting, so that a cut cannot expose the start of a token.
    String redacted = SECRET_FIELDS.matcher(body).replaceAll("$1[redacted]$2");
    redacted = SECRET_PARAMS.matcher(redacted).replaceAll("$1[redacted]");
    redacted = SESSION_IDS.matcher(redacted).replaceAll("[redacted]");
    String flat = WHITESPACE.matcher(redacted).replaceAll(" ").trim();
    if (flat.length() <= MAX_CHARS) {
      return flat;
    }
    return flat.substring(0, MAX_CHARS - 1) + "…";
  }
}
