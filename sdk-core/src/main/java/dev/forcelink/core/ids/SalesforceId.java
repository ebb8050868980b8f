package dev.forcelink.core.ids;

import java.util.Objects;

/**
 * A Salesforce record id, accepted in its 15-character (case-sensitive) or 18-character
 * (case-checksummed) form and always printed in the 18-character form.
 *
 * <p>The 18-character form is the 15-character id followed by a three-character checksum: for each
 * of the three five-character chunks, bit {@code i} of a five-bit number is set when character
 * {@code i} of the chunk is an uppercase letter {@code A}–{@code Z}; the number indexes {@code
 * ABCDEFGHIJKLMNOPQRSTUVWXYZ012345}.
 *
 * <p><b>Validation is strict.</b> The checksum of an 18-character id is computed from its first 15
 * characters exactly as given, and the suffix must equal it; only the suffix itself is compared
 * case-insensitively. An 18-character id whose first 15 characters lost their case (for example
 * after passing through a case-insensitive system) is rejected rather than repaired, because
 * guessing the case would silently address a different record if the guess were wrong.
 *
 * <p>Two instances are equal when they denote the same record, so the 15- and 18-character forms of
 * one id are equal. Because 15-character ids are case-sensitive, {@code 001a…} and {@code 001A…}
 * are different ids.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SalesforceId {
  private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
  private static final int SHORT_LENGTH = 15;
  private static final int LONG_LENGTH = 18;
  private static final int CHUNK = 5;
  private static final int ECHO_LIMIT = 40;

  /** The 18-character form with the checksum in upper case, so that it can serve as identity. */
  private final String canonical;

  private SalesforceId(String canonical) {
    this.canonical = canonical;
  }

  /**
   * Parses a 15- or 18-character id.
   *
   * @param id the id as text
   * @return the id
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if the length is not 15 or 18, a character is not an ASCII
   *     letter or digit (the message gives its 1-based position), or the checksum of an
   *     18-character id does not match (the message gives the expected and the found suffix)
   */
  public static SalesforceId parse(String id) {
    String problem = problemWith(id);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    String id15 = id.substring(0, SHORT_LENGTH);
    return new SalesforceId(id15 + checksumOfValid(id15));
  }

  /**
   * Tells whether {@link #parse(String)} would accept the text. Never throws.
   *
   * @param id the text to check; may be null
   * @return true if {@code id} is a well-formed 15- or 18-character id with a correct checksum
   */
  public static boolean isValid(String id) {
    return id != null && problemWith(id) == null;
  }

  /**
   * Computes the three-character checksum that turns a 15-character id into its 18-character form.
   *
   * @param id15 a 15-character id, case-sensitive
   * @return the checksum, three characters from {@code A}–{@code Z} and {@code 0}–{@code 5}
   * @throws NullPointerException if {@code id15} is null
   * @throws IllegalArgumentException if {@code id15} is not 15 ASCII letters and digits
   */
  public static String checksum(String id15) {
    Objects.requireNonNull(id15, "Salesforce id");
    if (id15.length() != SHORT_LENGTH) {
      throw new IllegalArgumentException(
          "A checksum is computed from a 15-character Salesforce id, got "
              + id15.length()
              + " characters: "
              + echo(id15));
    }
    String badCharacter = badCharacter(id15);
    if (badCharacter != null) {
      throw new IllegalArgumentException(badCharacter);
    }
    return checksumOfValid(id15);
  }

  /**
   * Returns the 18-character form.
   *
   * @return the 15-character id followed by its upper-case checksum
   */
  public String to18() {
    return canonical;
  }

  /**
   * Returns the 15-character, case-sensitive form.
   *
   * @return the first 15 characters
   */
  public String to15() {
    return canonical.substring(0, SHORT_LENGTH);
  }

  /**
   * Returns the key prefix, the first three characters, which name the object type (for example
   * {@code 001} for Account).
   *
   * @return the three-character key prefix
   */
  public String keyPrefix() {
    return canonical.substring(0, 3);
  }

  /**
   * Tells whether {@code other} is a Salesforce id of the same record.
   *
   * @param other another object
   * @return true if both ids have the same case-sensitive 15-character form
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof SalesforceId && ((SalesforceId) other).canonical.equals(canonical);
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  /**
   * Returns the 18-character form, as {@link #to18()}.
   *
   * @return the 18-character id
   */
  @Override
  public String toString() {
    return canonical;
  }

  /** Returns what is wrong with a non-null candidate, or null if it is a valid id. */
  private static String problemWith(String id) {
    Objects.requireNonNull(id, "Salesforce id");
    if (id.length() != SHORT_LENGTH && id.length() != LONG_LENGTH) {
      return "A Salesforce id has 15 or 18 characters, got " + id.length() + ": " + echo(id);
    }
    String badCharacter = badCharacter(id);
    if (badCharacter != null) {
      return badCharacter;
    }
    if (id.length() == LONG_LENGTH) {
      String expected = checksumOfValid(id.substring(0, SHORT_LENGTH));
      String found = id.substring(SHORT_LENGTH);
      if (!expected.equalsIgnoreCase(found)) {
        return "Salesforce id "
            + echo(id)
            + " has a wrong checksum: expected "
            + expected
            + " found "
            + found
            + " (the checksum follows the case of the first 15 characters, which must be kept"
            + " exactly as Salesforce returned them)";
      }
    }
    return null;
  }

  private static String badCharacter(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!isAsciiLetterOrDigit(c)) {
        return "Salesforce id "
            + echo(id)
            + " has an invalid character "
            + describe(c)
            + " at position "
            + (i + 1)
            + "; ids contain only the letters A-Z, a-z and the digits 0-9";
      }
    }
    return null;
  }

  private static String checksumOfValid(String id15) {
    char[] suffix = new char[3];
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < CHUNK; i++) {
        char c = id15.charAt(chunk * CHUNK + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      suffix[chunk] = CHECKSUM_ALPHABET.charAt(bits);
    }
    return new String(suffix);
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static String describe(char c) {
    String code = String.format("U+%04X", (int) c);
    return c >= 0x20 && c < 0x7F ? "'" + c + "' (" + code + ")" : code;
  }

  /** Quotes a candidate for an error message, cut short so that a huge input cannot flood logs. */
  private static String echo(String id) {
    StringBuilder sb = new StringBuilder("'");
    int end = Math.min(id.length(), ECHO_LIMIT);
    for (int i = 0; i < end; i++) {
      char c = id.charAt(i);
      sb.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    sb.append('\'');
    if (id.length() > ECHO_LIMIT) {
      sb.append("… (").append(id.length()).append(" characters)");
    }
    return sb.toString();
  }
}
