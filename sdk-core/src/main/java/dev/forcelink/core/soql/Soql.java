package dev.forcelink.core.soql;

import dev.forcelink.core.ids.SalesforceId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Writes Java values as SOQL literals and checks SOQL identifiers, so that values placed into a
 * query can never change its structure.
 *
 * <p>String literals are single-quoted; {@code \} and {@code '} are escaped, as are {@code "} and
 * the control characters that have a named escape ({@code \n \r \t \b \f}); any other control
 * character is written as a backslash-u escape with four hex digits. Inside a {@code LIKE} pattern
 * {@code %} and {@code _} are wildcards, so {@link #quoteLike(String)} escapes them too.
 *
 * <p>Stateless and thread-safe.
 */
public final class Soql {
  private static final DateTimeFormatter DATE_TIME_UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
  private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant END_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");

  /**
   * One API name ({@code Name}, {@code Custom__c}, {@code ns__Field__c}, {@code Parent__r}): a
   * letter, then letters and digits, where single underscores separate words and a double
   * underscore only separates a namespace or a suffix; never ending with an underscore.
   */
  private static final String NAME = "[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*";

  private static final Pattern IDENTIFIER =
      Pattern.compile(NAME + "(?:__" + NAME + "){0,2}(?:\\." + NAME + "(?:__" + NAME + "){0,2})*");

  private Soql() {}

  /**
   * Writes a string as a SOQL string literal.
   *
   * @param value any string
   * @return the quoted literal, for example {@code 'O\'Brien'}
   * @throws NullPointerException if {@code value} is null; use {@link #literal(Object)} to write a
   *     SOQL {@code null}
   */
  public static String quote(String value) {
    Objects.requireNonNull(value, "value (use Soql.literal(null) for a SOQL null)");
    StringBuilder out = new StringBuilder(value.length() + 8).append('\'');
    appendEscaped(out, value, false);
    return out.append('\'').toString();
  }

  /**
   * Writes a string as a literal to be used after {@code LIKE} that matches the value exactly:
   * {@code %} and {@code _} are escaped as well. Callers add their own wildcards, or use {@link
   * #likeContains(String)}, {@link #likeStartsWith(String)} or {@link #likeEndsWith(String)}.
   *
   * @param value any string
   * @return the quoted literal, for example {@code '100\%'}
   * @throws NullPointerException if {@code value} is null
   */
  public static String quoteLike(String value) {
    return like("", value, "");
  }

  /**
   * Writes a {@code LIKE} pattern that matches values containing {@code value}.
   *
   * @param value the text to look for, taken literally
   * @return the pattern literal, for example {@code '%a\_b%'}
   * @throws NullPointerException if {@code value} is null
   */
  public static String likeContains(String value) {
    return like("%", value, "%");
  }

  /**
   * Writes a {@code LIKE} pattern that matches values starting with {@code value}.
   *
   * @param value the prefix, taken literally
   * @return the pattern literal, for example {@code 'Acme%'}
   * @throws NullPointerException if {@code value} is null
   */
  public static String likeStartsWith(String value) {
    return like("", value, "%");
  }

  /**
   * Writes a {@code LIKE} pattern that matches values ending with {@code value}.
   *
   * @param value the suffix, taken literally
   * @return the pattern literal, for example {@code '%.com'}
   * @throws NullPointerException if {@code value} is null
   */
  public static String likeEndsWith(String value) {
    return like("%", value, "");
  }

  /**
   * Writes a value as a SOQL literal.
   *
   * <ul>
   *   <li>{@code null} → {@code null}
   *   <li>{@link String} → as {@link #quote(String)}
   *   <li>{@link Boolean} → {@code true} / {@code false}
   *   <li>{@link Byte}, {@link Short}, {@link Integer}, {@link Long}, {@link BigInteger}, {@link
   *       BigDecimal}, {@link Float}, {@link Double} → plain decimal notation, never an exponent
   *   <li>{@link LocalDate} → {@code 2024-01-31}
   *   <li>{@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime} → converted to UTC and
   *       written to the second, {@code 2024-01-31T10:00:00Z}; fractions of a second are dropped
   *   <li>{@link SalesforceId} → its 18-character form, quoted
   *   <li>{@link Collection} → {@code ('a','b')} for {@code IN} / {@code NOT IN}, each element
   *       written by this method
   * </ul>
   *
   * @param value the value
   * @return the literal
   * @throws IllegalArgumentException if the type is not listed above, a floating-point number is
   *     NaN or infinite, a date's year is outside 0001–9999, a collection is empty, or a collection
   *     holds {@code null} or another collection
   */
  public static String literal(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return quote((String) value);
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return floatingPoint(((Number) value).doubleValue(), value);
    }
    if (value instanceof LocalDate) {
      return date((LocalDate) value);
    }
    if (value instanceof Instant) {
      return dateTime((Instant) value);
    }
    if (value instanceof OffsetDateTime) {
      return dateTime(((OffsetDateTime) value).toInstant());
    }
    if (value instanceof ZonedDateTime) {
      return dateTime(((ZonedDateTime) value).toInstant());
    }
    if (value instanceof SalesforceId) {
      return quote(((SalesforceId) value).to18());
    }
    if (value instanceof Collection) {
      return inList((Collection<?>) value);
    }
    throw new IllegalArgumentException(
        "Cannot write a value of type "
            + value.getClass().getName()
            + " as a SOQL literal. Supported: String, Boolean, Byte, Short, Integer, Long,"
            + " BigInteger, BigDecimal, Float, Double, LocalDate, Instant, OffsetDateTime,"
            + " ZonedDateTime, SalesforceId, Collection and null");
  }

  /**
   * Checks that {@code name} is a field, object or relationship name that can be placed into a
   * query as is: API names made of letters, digits and underscores ({@code Name}, {@code
   * Custom__c}, {@code ns__Field__c}), optionally joined by dots into a relationship path ({@code
   * Account.Owner.Name}, {@code Parent__r.Custom__c}).
   *
   * @param name the identifier
   * @return {@code name}, unchanged
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is not such an identifier
   */
  public static String identifier(String name) {
    Objects.requireNonNull(name, "SOQL identifier");
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Not a valid SOQL identifier: '"
              + printable(name)
              + "'. Use an API name such as Name, Custom__c, ns__Field__c or Account.Owner.Name:"
              + " each part starts with a letter and holds letters, digits and single underscores,"
              + " with a double underscore only before a namespace or a suffix such as __c or __r;"
              + " parts are separated by dots");
    }
    return name;
  }

  private static String like(String prefix, String value, String suffix) {
    Objects.requireNonNull(value, "value");
    StringBuilder out = new StringBuilder(value.length() + 8).append('\'').append(prefix);
    appendEscaped(out, value, true);
    return out.append(suffix).append('\'').toString();
  }

  private static void appendEscaped(StringBuilder out, String value, boolean likePattern) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\':
          out.append("\\\\");
          break;
        case '\'':
          out.append("\\'");
          break;
        case '"':
          out.append("\\\"");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '%':
        case '_':
          if (likePattern) {
            out.append('\\');
          }
          out.append(c);
          break;
        default:
          if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
  }

  private static String floatingPoint(double number, Object original) {
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      throw new IllegalArgumentException(
          "SOQL has no literal for "
              + original
              + "; pass a finite number or leave the condition out");
    }
    // Float.toString keeps the float's shortest decimal form; widening to double first would not.
    String decimal = original instanceof Float ? original.toString() : Double.toString(number);
    return new BigDecimal(decimal).toPlainString();
  }

  private static String dateTime(Instant instant) {
    if (instant.isBefore(FIRST_INSTANT) || !instant.isBefore(END_INSTANT)) {
      throw new IllegalArgumentException(
          "SOQL dates have a four-digit year; cannot write " + instant);
    }
    return DATE_TIME_UTC.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }

  private static String date(LocalDate date) {
    if (date.getYear() < 1 || date.getYear() > 9999) {
      throw new IllegalArgumentException("SOQL dates have a four-digit year; cannot write " + date);
    }
    return DATE.format(date);
  }

  private static String inList(Collection<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException(
          "An IN list needs at least one value; SOQL has no empty list. Leave the condition out, or"
              + " skip the query when there is nothing to match");
    }
    StringJoiner list = new StringJoiner(",", "(", ")");
    int index = 0;
    for (Object element : values) {
      if (element == null) {
        throw new IllegalArgumentException(
            "An IN list cannot hold null (element "
                + index
                + "); test for null with a separate"
                + " condition such as Field = null");
      }
      if (element instanceof Collection) {
        throw new IllegalArgumentException(
            "An IN list cannot hold another collection (element " + index + ")");
      }
      list.add(literal(element));
      index++;
    }
    return list.toString();
  }

  private static String printable(String text) {
    StringBuilder sb = new StringBuilder();
    int end = Math.min(text.length(), 80);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      sb.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    return text.length() > end ? sb.append("…").toString() : sb.toString();
  }
}
