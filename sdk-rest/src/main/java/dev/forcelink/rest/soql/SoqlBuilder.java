package dev.forcelink.rest.soql;

import dev.forcelink.core.soql.Soql;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a SOQL query whose identifiers are checked ({@link Soql#identifier(String)}) and whose
 * values are literals ({@link Soql#literal(Object)}), so user input can never change its
 * structure.
 *
 * <pre>{@code
 * String soql = SoqlBuilder.select("Id", "Name").from("Account")
 *     .where(Condition.eq("Name", userInput).and(Condition.in("Industry", industries)))
 *     .orderBy("Name").limit(100)
 *     .toSoql();
 * }</pre>
 *
 * <p>Not thread-safe; {@link #toSoql()} may be called any number of times.
 */
public final class SoqlBuilder {
  private final List<String> fields;
  private String from;
  private Condition where;
  private final List<String> orderBy = new ArrayList<>();
  private Integer limit;
  private Integer offset;

  private SoqlBuilder(List<String> fields) {
    this.fields = fields;
  }

  /**
   * Starts a query selecting these fields (relationship paths such as {@code Account.Name} allowed).
   *
   * @param fields at least one field
   * @return the builder
   * @throws IllegalArgumentException if none is given or one is not an identifier
   */
  public static SoqlBuilder select(String... fields) {
    if (fields.length == 0) {
      throw new IllegalArgumentException("select needs at least one field, such as Id");
    }
    List<String> checked = new ArrayList<>();
    for (String f : fields) {
      checked.add(Soql.identifier(f));
    }
    return new SoqlBuilder(checked);
  }

  /**
   * Sets the object queried.
   *
   * @param sobject the object, such as {@code Account}
   * @return this builder
   * @throws IllegalArgumentException if not an identifier
   */
  public SoqlBuilder from(String sobject) {
    this.from = Soql.identifier(sobject);
    return this;
  }

  /**
   * Sets the {@code WHERE} condition (replacing any earlier one).
   *
   * @param condition the condition
   * @return this builder
   */
  public SoqlBuilder where(Condition condition) {
    this.where = Objects.requireNonNull(condition, "condition");
    return this;
  }

  /**
   * Adds an ascending sort field.
   *
   * @param field the field
   * @return this builder
   */
  public SoqlBuilder orderBy(String field) {
    orderBy.add(Soql.identifier(field));
    return this;
  }

  /**
   * Adds a descending sort field.
   *
   * @param field the field
   * @return this builder
   */
  public SoqlBuilder orderByDesc(String field) {
    orderBy.add(Soql.identifier(field) + " DESC");
    return this;
  }

  /**
   * Sets {@code LIMIT}.
   *
   * @param limit at least 1
   * @return this builder
   * @throws IllegalArgumentException if below 1
   */
  public SoqlBuilder limit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    this.limit = limit;
    return this;
  }

  /**
   * Sets {@code OFFSET}.
   *
   * @param offset at least 0 (Salesforce caps it at 2,000)
   * @return this builder
   * @throws IllegalArgumentException if negative
   */
  public SoqlBuilder offset(int offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
    this.offset = offset;
    return this;
  }

  /**
   * Writes the query.
   *
   * @return the SOQL text
   * @throws IllegalStateException if {@link #from(String)} was not called
   */
  public String toSoql() {
    if (from == null) {
      throw new IllegalStateException("A query needs from(\"Object\")");
    }
    StringBuilder sb = new StringBuilder("SELECT ").append(String.join(", ", fields)).append(" FROM ").append(from);
    if (where != null) {
      sb.append(" WHERE ").append(where.toSoql());
    }
    if (!orderBy.isEmpty()) {
      sb.append(" ORDER BY ").append(String.join(", ", orderBy));
    }
    if (limit != null) {
      sb.append(" LIMIT ").append(limit);
    }
    if (offset != null) {
      sb.append(" OFFSET ").append(offset);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return from == null ? "SoqlBuilder{incomplete}" : toSoql();
  }
}
