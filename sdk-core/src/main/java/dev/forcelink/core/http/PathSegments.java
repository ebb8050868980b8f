package dev.forcelink.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Percent-encodes values (record ids, external-id values, object and field names) as URL path
 * segments, so that no value can change which resource a request addresses, as in {@code
 * /sobjects/{Object}/{Field}/{value}}.
 *
 * <p>Values are encoded as UTF-8; every byte except the RFC 3986 unreserved characters {@code A-Z
 * a-z 0-9 - . _ ~} becomes {@code %XX} with upper-case hex digits. A value made only of dots
 * ({@code .}, {@code ..}, …) is encoded entirely as {@code %2E…}, because such segments would
 * otherwise be removed or resolved by path normalisation.
 *
 * <p>Stateless and thread-safe.
 */
public final class PathSegments {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathSegments() {}

  /**
   * Encodes one value as a single path segment.
   *
   * @param value the raw value, such as {@code a/b?c}
   * @return the encoded segment, such as {@code a%2Fb%3Fc}; never contains {@code /}, {@code ?} or
   *     {@code #}
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is empty (an empty segment would address a
   *     different resource) or contains an unpaired surrogate character (it has no UTF-8 encoding)
   */
  public static String encode(String value) {
    Objects.requireNonNull(value, "A path segment value must not be null");
    if (value.isEmpty()) {
      throw new IllegalArgumentException(
          "A path segment value must not be empty: an empty segment would address a different"
              + " resource. Check the id or external-id value passed in");
    }
    if (isOnlyDots(value)) {
      return "%2E".repeat(value.length());
    }
    requireWellFormed(value);
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int unsigned = b & 0xFF;
      if (isUnreserved(unsigned)) {
        out.append((char) unsigned);
      } else {
        out.append('%').append(HEX[unsigned >> 4]).append(HEX[unsigned & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * Builds an absolute path from segments, encoding each with {@link #encode(String)}.
   *
   * @param segments the raw segments, such as {@code "sobjects", "Account", "Ext__c", "a/b"}
   * @return the path, such as {@code /sobjects/Account/Ext__c/a%2Fb}
   * @throws NullPointerException if {@code segments} or any segment is null
   * @throws IllegalArgumentException if there are no segments, or a segment is rejected by {@link
   *     #encode(String)} (the message names its index)
   */
  public static String join(String... segments) {
    Objects.requireNonNull(segments, "path segments");
    if (segments.length == 0) {
      throw new IllegalArgumentException("A path needs at least one segment");
    }
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      Objects.requireNonNull(segments[i], "path segment " + i);
      try {
        path.append('/').append(encode(segments[i]));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Path segment " + i + ": " + e.getMessage(), e);
      }
    }
    return path.toString();
  }

  private static boolean isOnlyDots(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) != '.') {
        return false;
      }
    }
    return true;
  }

  /** Rejects unpaired surrogates, which {@code getBytes(UTF_8)} would silently turn into '?'. */
  private static void requireWellFormed(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "A path segment value contains an unpaired surrogate character at index "
                + i
                + "; it is not valid text and cannot be encoded as UTF-8");
      }
    }
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
