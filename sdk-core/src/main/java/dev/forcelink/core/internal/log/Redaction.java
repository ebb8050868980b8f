package dev.forcelink.core.internal.log;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides what of a request or response may appear in a log line or a message.
 * Headers are printed by allow-list (every other value becomes {@value #REDACTED}); form bodies and
 * query strings have the values of known secret fields replaced; excerpts of bodies are bounded and
 * stripped of control characters.
 *
 * <p>Stateless and thread-safe. Internal to Forcelink.
 */
public final class Redaction {
  /** What replaces a hidden value. */
  public static final String REDACTED = "<redacted>";

  /** Form and JSON field names whose values are secrets. */
  public static final Set<String> SECRET_FIELDS = Set.of(
      "client_secret", "password", "refresh_token", "assertion", "code", "code_verifier",
      "access_token", "id_token", "token", "client_assertion", "sid");

  private static final Set<String> LOGGABLE_HEADERS = Set.of(
      "accept", "accept-encoding", "content-type", "content-length", "content-encoding",
      "transfer-encoding", "date", "etag", "last-modified", "location", "retry-after", "vary",
      "cache-control", "user-agent", "if-modified-since", "if-unmodified-since", "if-match",
      "if-none-match", "sforce-limit-info", "sforce-query-options", "sforce-call-options",
      "sforce-auto-assign", "sforce-duplicate-rule-header", "sforce-mru", "sforce-locator",
      "sforce-numberofrecords", "x-sfdc-request-id", "x-request-id", "x-prettyprint",
      ":status");

  private static final Pattern JSON_SECRET = Pattern.compile(
      "(\"(?:" + String.join("|", SECRET_FIELDS) + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern FORM_SECRET = Pattern.compile(
      "(?i)(?<![A-Za-z0-9_])((?:" + String.join("|", SECRET_FIELDS) + ")=)[^&\\s\"',;]+");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s,;\"']+");
  /** A Salesforce session id (access token): the org id, '!', an opaque part. */
  private static final Pattern SESSION_ID = Pattern.compile("00D[0-9A-Za-z]{12,15}![0-9A-Za-z._\\-]+");

  private Redaction() {}

  /**
   * Tells whether a header's value may be logged.
   *
   * @param name the header name, any case
   * @return true for allow-listed headers
   */
  public static boolean isLoggableHeader(String name) {
    return name != null && LOGGABLE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Returns a header value fit for a log line: the value for allow-listed headers,
   * {@value #REDACTED} for every other one.
   *
   * @param name the header name
   * @param value the value
   * @return the value or {@value #REDACTED}
   */
  public static String headerValueForLog(String name, String value) {
    return isLoggableHeader(name) ? excerpt(value, 500) : REDACTED;
  }

  /**
   * Replaces the values of {@linkplain #SECRET_FIELDS secret fields} in an
   * {@code application/x-www-form-urlencoded} body or a query string.
   *
   * @param encoded the encoded pairs, such as {@code grant_type=password&password=...}
   * @return the same pairs with secret values replaced by {@value #REDACTED}; null stays null
   */
  public static String redactFormEncoded(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return encoded;
    }
    StringBuilder sb = new StringBuilder(encoded.length());
    String[] pairs = encoded.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) {
        sb.append('&');
      }
      String pair = pairs[i];
      int eq = pair.indexOf('=');
      String rawName = eq >= 0 ? pair.substring(0, eq) : pair;
      if (eq >= 0 && isSecretField(decodeQuietly(rawName))) {
        sb.append(rawName).append('=').append(REDACTED);
      } else {
        sb.append(pair);
      }
    }
    return sb.toString();
  }

  /**
   * Replaces the values of secret fields in JSON text (such as an OAuth response echoed in an
   * error), {@code name=value} pairs of secret fields, and any {@code Bearer} credential in free
   * text, and anything shaped like a Salesforce session id ({@code 00D…!…}). Works on fragments
   * and truncated text.
   *
   * @param text the text
   * @return the text with secret values replaced; null stays null
   */
  public static String redactText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Matcher m = JSON_SECRET.matcher(text);
    String out = m.replaceAll(mr -> Matcher.quoteReplacement(mr.group(1) + "\"" + REDACTED + "\""));
    out = FORM_SECRET.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
    out = BEARER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
    return SESSION_ID.matcher(out).replaceAll(Matcher.quoteReplacement(REDACTED));
  }

  /**
   * Tells whether a field name is one whose value is a secret.
   *
   * @param name the field name, any case
   * @return true for secret fields
   */
  public static boolean isSecretField(String name) {
    return name != null && SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Returns at most {@code max} characters of {@code text} with control characters replaced by
   * spaces and {@code …} appended when cut; secret fields are redacted first.
   *
   * @param text the text; null gives an empty string
   * @param max the most characters to keep, at least 1
   * @return the excerpt
   */
  public static String excerpt(String text, int max) {
    if (text == null) {
      return "";
    }
    String redacted = redactText(text);
    StringBuilder sb = new StringBuilder(Math.min(redacted.length(), max) + 1);
    for (int i = 0; i < redacted.length() && sb.length() < max; i++) {
      char c = redacted.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (redacted.length() > max) {
      sb.append('…');
    }
    return sb.toString().strip();
  }

  private static String decodeQuietly(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return raw;
    }
  }
}
