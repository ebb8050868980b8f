package dev.forcelink.rest.soql;

import dev.forcelink.core.soql.Soql;
import java.util.Collection;
import java.util.Objects;

/**
 * A {@code WHERE} condition. Field names go through {@link Soql#identifier(String)} and every
 * value through {@link Soql#literal(Object)} (or the {@code LIKE} helpers), so no value can change
 * the structure of the query. Combine with {@link #and(Condition)}, {@link #or(Condition)} and
 * {@link #not(Condition)}; each combination is parenthesised, so the order of evaluation is the
 * order of the calls.
 *
 * <pre>{@code
 * Condition.eq("Industry", "Energy").and(Condition.in("BillingCountry", List.of("FR", "DE")))
 *     .or(Condition.isNull("ParentId"))
 * // ((Industry = 'Energy' AND BillingCountry IN ('FR','DE')) OR ParentId = null)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Condition {
  private final String soql;

  private Condition(String soql) {
    this.soql = soql;
  }

  private static Condition compare(String field, String op, Object value) {
    return new Condition(Soql.identifier(field) + " " + op + " " + Soql.literal(value));
  }

  /**
   * {@code field = value}; a null value tests for null.
   *
   * @param field the field or relationship path
   * @param value the value (String, number, Boolean, date/time, SalesforceId, null)
   * @return the condition
   * @throws IllegalArgumentException if the field is not an identifier or the value has no literal
   */
  public static Condition eq(String field, Object value) {
    return compare(field, "=", value);
  }

  /**
   * {@code field != value}.
   *
   * @param field the field
   * @param value the value
   * @return the condition
   * @throws IllegalArgumentException as {@link #eq}
   */
  public static Condition ne(String field, Object value) {
    return compare(field, "!=", value);
  }

  /**
   * {@code field < value}.
   *
   * @param field the field
   * @param value the value
   * @return the condition
   * @throws IllegalArgumentException as {@link #eq}
   */
  public static Condition lt(String field, Object value) {
    return compare(field, "<", value);
  }

  /**
   * {@code field <= value}.
   *
   * @param field the field
   * @param value the value
   * @return the condition
   * @throws IllegalArgumentException as {@link #eq}
   */
  public static Condition le(String field, Object value) {
    return compare(field, "<=", value);
  }

  /**
   * {@code field > value}.
   *
   * @param field the field
   * @param value the value
   * @return the condition
   * @throws IllegalArgumentException as {@link #eq}
   */
  public static Condition gt(String field, Object value) {
    return compare(field, ">", value);
  }

  /**
   * {@code field >= value}.
   *
   * @param field the field
   * @param value the value
   * @return the condition
   * @throws IllegalArgumentException as {@link #eq}
   */
  public static Condition ge(String field, Object value) {
    return compare(field, ">=", value);
  }

  /**
   * {@code field = null}.
   *
   * @param field the field
   * @return the condition
   */
  public static Condition isNull(String field) {
    return compare(field, "=", null);
  }

  /**
   * {@code field != null}.
   *
   * @param field the field
   * @return the condition
   */
  public static Condition isNotNull(String field) {
    return compare(field, "!=", null);
  }

  /**
   * {@code field IN (…)}.
   *
   * @param field the field
   * @param values at least one value, none null
   * @return the condition
   * @throws IllegalArgumentException if the collection is empty or holds null
   */
  public static Condition in(String field, Collection<?> values) {
    return compare(field, "IN", Objects.requireNonNull(values, "values"));
  }

  /**
   * {@code field NOT IN (…)}.
   *
   * @param field the field
   * @param values at least one value, none null
   * @return the condition
   * @throws IllegalArgumentException if the collection is empty or holds null
   */
  public static Condition notIn(String field, Collection<?> values) {
    return compare(field, "NOT IN", Objects.requireNonNull(values, "values"));
  }

  /**
   * {@code field LIKE '%text%'}: contains the text, taken literally ({@code %} and {@code _}
   * escaped).
   *
   * @param field the field
   * @param text the text
   * @return the condition
   */
  public static Condition contains(String field, String text) {
    return new Condition(Soql.identifier(field) + " LIKE " + Soql.likeContains(text));
  }

  /**
   * {@code field LIKE 'text%'}.
   *
   * @param field the field
   * @param prefix the prefix, taken literally
   * @return the condition
   */
  public static Condition startsWith(String field, String prefix) {
    return new Condition(Soql.identifier(field) + " LIKE " + Soql.likeStartsWith(prefix));
  }

  /**
   * {@code field LIKE '%text'}.
   *
   * @param field the field
   * @param suffix the suffix, taken literally
   * @return the condition
   */
  public static Condition endsWith(String field, String suffix) {
    return new Condition(Soql.identifier(field) + " LIKE " + Soql.likeEndsWith(suffix));
  }

  /**
   * {@code field LIKE pattern} with the caller's own wildcards: {@code %} and {@code _} in the
   * pattern are wildcards, everything else is quoted.
   *
   * @param field the field
   * @param pattern the pattern, such as {@code Acme%}
   * @return the condition
   */
  public static Condition like(String field, String pattern) {
    return new Condition(Soql.identifier(field) + " LIKE " + Soql.quote(pattern));
  }

  /**
   * {@code NOT (condition)}.
   *
   * @param condition the condition to negate
   * @return the condition
   */
  public static Condition not(Condition condition) {
    return new Condition("(NOT " + condition.soql + ")");
  }

  /**
   * {@code (this AND other)}.
   *
   * @param other the other condition
   * @return the combined condition
   */
  public Condition and(Condition other) {
    return new Condition("(" + soql + " AND " + Objects.requireNonNull(other, "other").soql + ")");
  }

  /**
   * {@code (this OR other)}.
   *
   * @param other the other condition
   * @return the combined condition
   */
  public Condition or(Condition other) {
    return new Condition("(" + soql + " OR " + Objects.requireNonNull(other, "other").soql + ")");
  }

  /** @return the condition as SOQL text */
  public String toSoql() {
    return soql;
  }

  @Override
  public String toString() {
    return soql;
  }
}
