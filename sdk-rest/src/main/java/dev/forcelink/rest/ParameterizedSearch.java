package dev.forcelink.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parameterized search ({@code GET /parameterizedSearch/?q=…}): the search text, and for each
 * object the fields to return and a row limit. Unlike SOSL, the text needs no escaping.
 *
 * <pre>{@code
 * ParameterizedSearch s = ParameterizedSearch.builder("Acme")
 *     .sobject("Account", 10, "Id", "Name")
 *     .sobject("Contact", 5, "Id", "LastName")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ParameterizedSearch {
  private final String text;
  private final List<Map.Entry<String, String>> params;

  private ParameterizedSearch(Builder b) {
    this.text = b.text;
    this.params = List.copyOf(b.params);
  }

  /**
   * Starts a search for {@code text}.
   *
   * @param text the text to look for, at least two characters
   * @return a builder; not thread-safe
   * @throws IllegalArgumentException if the text is shorter than two characters
   */
  public static Builder builder(String text) {
    Objects.requireNonNull(text, "text");
    if (text.strip().length() < 2) {
      throw new IllegalArgumentException("Search text needs at least two characters, got '" + text + "'");
    }
    return new Builder(text);
  }

  /** @return the search text */
  public String text() {
    return text;
  }

  /** @return the query parameters after {@code q}, in order */
  List<Map.Entry<String, String>> params() {
    return params;
  }

  @Override
  public String toString() {
    return "ParameterizedSearch{q=" + text + ", " + params + "}";
  }

  /** Builds {@link ParameterizedSearch}. Not thread-safe. */
  public static final class Builder {
    private final String text;
    private final List<Map.Entry<String, String>> params = new ArrayList<>();

    private Builder(String text) {
      this.text = text;
    }

    /**
     * Searches an object, returning the given fields and at most {@code limit} rows of it.
     *
     * @param type the object, such as {@code Account}
     * @param limit the most rows of this object, at least 1
     * @param fields the fields to return; none means the id only
     * @return this builder
     * @throws IllegalArgumentException if a name is not an API name or the limit is below 1
     */
    public Builder sobject(String type, int limit, String... fields) {
      String t = dev.forcelink.core.soql.Soql.identifier(type);
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be at least 1, got " + limit);
      }
      params.add(Map.entry("sobject", t));
      if (fields.length > 0) {
        List<String> checked = new ArrayList<>();
        for (String f : fields) {
          checked.add(dev.forcelink.core.soql.Soql.identifier(f));
        }
        params.add(Map.entry(t + ".fields", String.join(",", checked)));
      }
      params.add(Map.entry(t + ".limit", Integer.toString(limit)));
      return this;
    }

    /**
     * Caps the rows returned across all objects.
     *
     * @param limit at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder overallLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("overallLimit must be at least 1, got " + limit);
      }
      params.add(Map.entry("overallLimit", Integer.toString(limit)));
      return this;
    }

    /**
     * Sets which fields are searched: {@code ALL}, {@code NAME}, {@code EMAIL}, {@code PHONE} or
     * {@code SIDEBAR}.
     *
     * @param scope the scope
     * @return this builder
     * @throws IllegalArgumentException for another value
     */
    public Builder in(String scope) {
      if (!List.of("ALL", "NAME", "EMAIL", "PHONE", "SIDEBAR").contains(scope)) {
        throw new IllegalArgumentException("in must be ALL, NAME, EMAIL, PHONE or SIDEBAR, got '" + scope + "'");
      }
      params.add(Map.entry("in", scope));
      return this;
    }

    /**
     * Builds the search.
     *
     * @return the search
     */
    public ParameterizedSearch build() {
      return new ParameterizedSearch(this);
    }
  }
}
