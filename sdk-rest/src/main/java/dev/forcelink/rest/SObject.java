package dev.forcelink.rest;

import dev.forcelink.rest.internal.json.SObjectAccess;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Salesforce record: its sObject type, its id when it has one, and its fields in order.
 *
 * <p>Field values are JSON-shaped Java values: {@code String}, {@code Boolean}, {@code BigDecimal}
 * (every JSON number), {@code null}, a nested {@code SObject} for a parent relationship
 * ({@code Account} in {@code SELECT Account.Name FROM Contact}), {@link RelatedRecords} for a child
 * subquery, and plain {@code Map}/{@code List} values for compound fields such as addresses. Typed
 * getters convert Salesforce's string formats (dates {@code 2024-01-31}, datetimes
 * {@code 2024-01-31T10:00:00.000+0000}, times {@code 10:00:00.000Z}).
 *
 * <p>For writes, a field that is <em>not set</em> is left unchanged by Salesforce, while a field
 * set to {@code null} ({@link Builder#setNull(String)}) is cleared. {@link #has(String)} tells
 * the two apart.
 *
 * <p>Field lookups are exact first and then case-insensitive, because Salesforce API names are
 * case-insensitive. Instances are immutable and thread-safe; use {@link #toBuilder()} to derive a
 * changed copy.
 */
public final class SObject {
  private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .appendPattern("HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .toFormatter();

  static {
    SObjectAccess.register((type, fields) -> new SObject(type, Collections.unmodifiableMap(fields), true));
  }

  private final String type;
  private final Map<String, Object> fields;

  private SObject(String type, Map<String, Object> fields) {
    this.type = type;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** Takes an already unmodifiable map that nobody else holds (the decoder's). */
  private SObject(String type, Map<String, Object> ownedFields, boolean owned) {
    this.type = type;
    this.fields = ownedFields;
  }

  /**
   * Starts a builder for a record of {@code type}.
   *
   * @param type the sObject API name, such as {@code Account}
   * @return a builder; not thread-safe
   * @throws IllegalArgumentException if {@code type} is blank
   */
  public static Builder builder(String type) {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("An sObject type is required, such as \"Account\"");
    }
    return new Builder(type);
  }

  /**
   * Creates a record from a field map, keeping the map's order.
   *
   * @param type the sObject API name, or null when unknown (aggregate results)
   * @param fields the fields; {@code null} values are explicit nulls
   * @return the record
   */
  public static SObject of(String type, Map<String, ?> fields) {
    Builder b = new Builder(type);
    fields.forEach(b::set);
    return b.build();
  }

  /**
   * Returns the sObject type.
   *
   * @return the type, such as {@code Account}; null for aggregate results without a type
   */
  public String type() {
    return type;
  }

  /**
   * Returns the record id ({@code Id} field).
   *
   * @return the id, if the record has one
   */
  public Optional<String> id() {
    Object id = get("Id");
    return id instanceof String ? Optional.of((String) id) : Optional.empty();
  }

  /**
   * Returns all fields in order, excluding the {@code attributes} envelope.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> fields() {
    return fields;
  }

  /**
   * Returns the names of the set fields, in order.
   *
   * @return an unmodifiable set
   */
  public Set<String> fieldNames() {
    return fields.keySet();
  }

  /**
   * Tells whether the field is set, even to null.
   *
   * @param field the field name or a dotted relationship path
   * @return true if the field is present
   */
  public boolean has(String field) {
    return lookup(field) != MISSING;
  }

  /**
   * Tells whether the field is set to null.
   *
   * @param field the field name or a dotted relationship path
   * @return true if the field is present and null
   */
  public boolean isNull(String field) {
    return lookup(field) == null;
  }

  /**
   * Returns a field's raw value. A dotted path such as {@code Account.Owner.Name} walks parent
   * relationships; a missing or null parent gives null.
   *
   * @param field the field name or dotted path
   * @return the value, or null when the field is null or not set
   */
  public Object get(String field) {
    Object v = lookup(field);
    return v == MISSING ? null : v;
  }

  /**
   * Returns a field as text. Numbers and booleans are converted with {@code toString()}.
   *
   * @param field the field name or dotted path
   * @return the text, or null
   * @throws IllegalStateException if the value is a record, a list or a map
   */
  public String getString(String field) {
    Object v = get(field);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    if (v instanceof BigDecimal) {
      return ((BigDecimal) v).toPlainString();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    throw typeError(field, v, "text");
  }

  /**
   * Returns a field as a decimal number (currency, number, percent fields).
   *
   * @param field the field name or dotted path
   * @return the number, or null
   * @throws IllegalStateException if the value is not a number or numeric text
   */
  public BigDecimal getDecimal(String field) {
    Object v = get(field);
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal) {
      return (BigDecimal) v;
    }
    if (v instanceof Number) {
      return new BigDecimal(v.toString());
    }
    if (v instanceof String) {
      try {
        return new BigDecimal((String) v);
      } catch (NumberFormatException e) {
        throw typeError(field, v, "a number");
      }
    }
    throw typeError(field, v, "a number");
  }

  /**
   * Returns a field as an {@code Integer}.
   *
   * @param field the field name or dotted path
   * @return the number, or null
   * @throws IllegalStateException if the value is not a whole number that fits an int
   */
  public Integer getInteger(String field) {
    BigDecimal d = getDecimal(field);
    try {
      return d == null ? null : d.intValueExact();
    } catch (ArithmeticException e) {
      throw typeError(field, d, "a whole number that fits an int");
    }
  }

  /**
   * Returns a field as a {@code Long}.
   *
   * @param field the field name or dotted path
   * @return the number, or null
   * @throws IllegalStateException if the value is not a whole number that fits a long
   */
  public Long getLong(String field) {
    BigDecimal d = getDecimal(field);
    try {
      return d == null ? null : d.longValueExact();
    } catch (ArithmeticException e) {
      throw typeError(field, d, "a whole number that fits a long");
    }
  }

  /**
   * Returns a field as a {@code Double}.
   *
   * @param field the field name or dotted path
   * @return the number, or null
   * @throws IllegalStateException if the value is not a number
   */
  public Double getDouble(String field) {
    BigDecimal d = getDecimal(field);
    return d == null ? null : d.doubleValue();
  }

  /**
   * Returns a checkbox field.
   *
   * @param field the field name or dotted path
   * @return the value, or null
   * @throws IllegalStateException if the value is not a boolean or {@code "true"}/{@code "false"}
   */
  public Boolean getBoolean(String field) {
    Object v = get(field);
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    if ("true".equalsIgnoreCase(String.valueOf(v)) || "false".equalsIgnoreCase(String.valueOf(v))) {
      return Boolean.parseBoolean(String.valueOf(v));
    }
    throw typeError(field, v, "a boolean");
  }

  /**
   * Returns a date field ({@code 2024-01-31}).
   *
   * @param field the field name or dotted path
   * @return the date, or null
   * @throws IllegalStateException if the value is not a date in Salesforce's format
   */
  public LocalDate getDate(String field) {
    Object v = get(field);
    if (v == null || v instanceof LocalDate) {
      return (LocalDate) v;
    }
    try {
      return LocalDate.parse(String.valueOf(v));
    } catch (DateTimeParseException e) {
      throw typeError(field, v, "a date such as 2024-01-31");
    }
  }

  /**
   * Returns a datetime field ({@code 2024-01-31T10:00:00.000+0000}) with its offset.
   *
   * @param field the field name or dotted path
   * @return the datetime, or null
   * @throws IllegalStateException if the value is not a datetime in Salesforce's format
   */
  public OffsetDateTime getDateTime(String field) {
    Object v = get(field);
    if (v == null || v instanceof OffsetDateTime) {
      return (OffsetDateTime) v;
    }
    if (v instanceof Instant) {
      return ((Instant) v).atOffset(java.time.ZoneOffset.UTC);
    }
    try {
      return OffsetDateTime.parse(String.valueOf(v), DATETIME);
    } catch (DateTimeParseException e) {
      throw typeError(field, v, "a datetime such as 2024-01-31T10:00:00.000+0000");
    }
  }

  /**
   * Returns a datetime field as an {@code Instant}.
   *
   * @param field the field name or dotted path
   * @return the instant, or null
   * @throws IllegalStateException if the value is not a datetime in Salesforce's format
   */
  public Instant getInstant(String field) {
    OffsetDateTime t = getDateTime(field);
    return t == null ? null : t.toInstant();
  }

  /**
   * Returns a time field ({@code 10:00:00.000Z}).
   *
   * @param field the field name or dotted path
   * @return the time, or null
   * @throws IllegalStateException if the value is not a time in Salesforce's format
   */
  public LocalTime getTime(String field) {
    Object v = get(field);
    if (v == null || v instanceof LocalTime) {
      return (LocalTime) v;
    }
    String s = String.valueOf(v);
    try {
      return LocalTime.parse(s.endsWith("Z") ? s.substring(0, s.length() - 1) : s);
    } catch (DateTimeParseException e) {
      throw typeError(field, v, "a time such as 10:00:00.000Z");
    }
  }

  /**
   * Returns a parent record reached through a relationship, such as {@code Account} on a Contact.
   *
   * @param relationship the relationship name or a dotted path of relationships
   * @return the parent, or empty when it is null or was not selected
   * @throws IllegalStateException if the value is not a record
   */
  public Optional<SObject> getParent(String relationship) {
    Object v = get(relationship);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof SObject) {
      return Optional.of((SObject) v);
    }
    throw typeError(relationship, v, "a parent record");
  }

  /**
   * Returns the records of a child relationship subquery, such as {@code Contacts} on an Account,
   * as Salesforce nested them: possibly only the first batch (see {@link RelatedRecords#done()}).
   * To read them all, use {@link RestClient#children(SObject, String)}.
   *
   * @param relationship the child relationship name
   * @return the related records; empty records when Salesforce returned null (no children)
   * @throws IllegalStateException if the value is not a child result
   */
  public RelatedRecords getChildren(String relationship) {
    Object v = get(relationship);
    if (v == null) {
      return new RelatedRecords(List.of(), 0, true, null);
    }
    if (v instanceof RelatedRecords) {
      return (RelatedRecords) v;
    }
    throw typeError(relationship, v, "child records");
  }

  /**
   * Binds this record to a user class or Java record: field names match properties without case,
   * {@code attributes} and unknown fields are ignored, parent records bind to nested objects and
   * datetimes in Salesforce's form to {@code Instant} or {@code OffsetDateTime}.
   *
   * @param type the class to bind to
   * @param <T> the target type
   * @return a new instance of {@code type}
   * @throws IllegalArgumentException if the record does not fit the class (the message says why)
   */
  public <T> T as(Class<T> type) {
    return dev.forcelink.rest.internal.json.SObjectCodec.bind(this, Objects.requireNonNull(type, "type"));
  }

  /**
   * Returns a builder holding this record's type and fields.
   *
   * @return a builder; not thread-safe
   */
  public Builder toBuilder() {
    Builder b = new Builder(type);
    b.fields.putAll(fields);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SObject)) {
      return false;
    }
    SObject other = (SObject) o;
    return Objects.equals(type, other.type) && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, fields);
  }

  /** Returns the type and fields, for debugging. */
  @Override
  public String toString() {
    return (type == null ? "SObject" : type) + fields;
  }

  private static final Object MISSING = new Object();

  private Object lookup(String path) {
    Objects.requireNonNull(path, "field");
    Object direct = find(fields, path);
    if (direct != MISSING || path.indexOf('.') < 0) {
      return direct;
    }
    int dot = path.indexOf('.');
    Object parent = find(fields, path.substring(0, dot));
    if (parent == MISSING) {
      return MISSING;
    }
    if (parent == null) {
      return null;
    }
    if (parent instanceof SObject) {
      return ((SObject) parent).lookup(path.substring(dot + 1));
    }
    return MISSING;
  }

  private static Object find(Map<String, Object> map, String name) {
    if (map.containsKey(name)) {
      return map.get(name);
    }
    for (Map.Entry<String, Object> e : map.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return MISSING;
  }

  private IllegalStateException typeError(String field, Object value, String expected) {
    String shown = String.valueOf(value);
    if (shown.length() > 60) {
      shown = shown.substring(0, 60) + "…";
    }
    return new IllegalStateException("Field " + field + " of " + (type == null ? "the record" : type)
        + " is not " + expected + ": " + value.getClass().getSimpleName() + " " + shown);
  }

  /**
   * Builds an {@link SObject}. Not thread-safe.
   */
  public static final class Builder {
    private final String type;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Builder(String type) {
      this.type = type;
    }

    /**
     * Sets a field. Accepts the value types listed on {@link SObject}, plus {@code Number}s
     * (kept as given), {@code LocalDate}, {@code LocalTime}, {@code Instant} and
     * {@code OffsetDateTime}, which are written in Salesforce's formats.
     *
     * @param field the field API name
     * @param value the value; null clears the field on write (same as {@link #setNull(String)})
     * @return this builder
     * @throws IllegalArgumentException if {@code field} is blank or {@code attributes}
     */
    public Builder set(String field, Object value) {
      if (field == null || field.isBlank() || "attributes".equals(field)) {
        throw new IllegalArgumentException("Not a field name: '" + field + "'");
      }
      fields.put(field, value);
      return this;
    }

    /**
     * Sets a field to null, so that a write clears it.
     *
     * @param field the field API name
     * @return this builder
     */
    public Builder setNull(String field) {
      return set(field, null);
    }

    /**
     * Removes a field, so that a write leaves it unchanged.
     *
     * @param field the field API name
     * @return this builder
     */
    public Builder unset(String field) {
      fields.remove(field);
      return this;
    }

    /**
     * Sets the record id.
     *
     * @param id the 15- or 18-character id
     * @return this builder
     */
    public Builder id(String id) {
      return set("Id", id);
    }

    /**
     * Builds the record.
     *
     * @return an immutable record
     */
    public SObject build() {
      return new SObject(type, fields);
    }
  }
}
