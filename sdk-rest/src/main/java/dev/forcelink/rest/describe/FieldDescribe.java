package dev.forcelink.rest.describe;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The describe of one field: the members integrations use most, plus {@link #raw()} for the rest
 * (such as {@code calculatedFormula}, {@code inlineHelpText}, {@code precision}).
 *
 * <p>Immutable and thread-safe.
 */
public final class FieldDescribe {
  private final Map<String, Object> raw;
  private final List<PicklistValue> picklistValues;

  private FieldDescribe(Map<String, Object> raw) {
    this.raw = raw;
    this.picklistValues = Raw.list(raw, "picklistValues", m -> new PicklistValue(Raw.str(m, "value"),
        Raw.str(m, "label"), Raw.bool(m, "active"), Raw.bool(m, "defaultValue")));
  }

  /**
   * Creates a field describe from its JSON members.
   *
   * @param raw the field's JSON object as a map
   * @return the describe
   */
  public static FieldDescribe of(Map<String, Object> raw) {
    return new FieldDescribe(Raw.freeze(Objects.requireNonNull(raw, "raw")));
  }

  /** @return the API name, such as {@code Industry} */
  public String name() {
    return Raw.str(raw, "name");
  }

  /** @return the label */
  public String label() {
    return Raw.str(raw, "label");
  }

  /** @return the field type, such as {@code string}, {@code picklist}, {@code reference}, {@code datetime} */
  public String type() {
    return Raw.str(raw, "type");
  }

  /** @return the maximum length of text fields, 0 for others */
  public int length() {
    return Raw.integer(raw, "length");
  }

  /** @return whether the field may be null */
  public boolean nillable() {
    return Raw.bool(raw, "nillable");
  }

  /** @return whether a create may set the field */
  public boolean createable() {
    return Raw.bool(raw, "createable");
  }

  /** @return whether an update may set the field */
  public boolean updateable() {
    return Raw.bool(raw, "updateable");
  }

  /** @return whether the field is an external id (usable for upserts) */
  public boolean externalId() {
    return Raw.bool(raw, "externalId");
  }

  /** @return whether values must be unique */
  public boolean unique() {
    return Raw.bool(raw, "unique");
  }

  /** @return the objects a reference field may point to; empty for other fields */
  public List<String> referenceTo() {
    return Raw.strings(raw, "referenceTo");
  }

  /** @return the relationship name of a reference field (such as {@code Account}), or null */
  public String relationshipName() {
    return Raw.str(raw, "relationshipName");
  }

  /** @return the picklist values; empty for other fields */
  public List<PicklistValue> picklistValues() {
    return picklistValues;
  }

  /** @return every member as Salesforce returned it; unmodifiable */
  public Map<String, Object> raw() {
    return raw;
  }

  @Override
  public String toString() {
    return "FieldDescribe{" + name() + ": " + type() + "}";
  }
}
