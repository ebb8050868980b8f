package dev.forcelink.rest.internal.composite;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and keeps composite references ({@code @{referenceId.path}}) in text. Salesforce resolves
 * references written literally in a subrequest's URL or body, so encoding must leave them as they
 * are. Stateless and thread-safe.
 */
public final class ReferenceText {
  /** A reference expression; group 1 is the referenceId. */
  public static final Pattern REFERENCE = Pattern.compile("@\\{([A-Za-z0-9_]+)((?:\\.[^.}\\[\\]]+|\\[\\d+\\])*)\\}");

  private ReferenceText() {}

  /**
   * Encodes a query-string value (form encoding, as {@code q=} expects) but keeps every reference
   * expression verbatim.
   *
   * @param value such as {@code SELECT Id FROM Contact WHERE AccountId = '@{NewAccount.id}'}
   * @return the encoded value
   */
  public static String encodeQueryValue(String value) {
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(URLEncoder.encode(value.substring(last, m.start()), StandardCharsets.UTF_8));
      out.append(m.group());
      last = m.end();
    }
    out.append(URLEncoder.encode(value.substring(last), StandardCharsets.UTF_8));
    return out.toString();
  }

  /**
   * Lists the referenceIds that a text refers to.
   *
   * @param text any text, such as a URL or a serialised body
   * @return the referenceIds, in order of appearance, with repeats
   */
  public static List<String> referencedIds(String text) {
    List<String> ids = new ArrayList<>();
    if (text == null || text.indexOf("@{") < 0) {
      return ids;
    }
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }
}
