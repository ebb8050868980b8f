package dev.forcelink.rest.describe;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The full describe of one sObject ({@code GET /sobjects/{Object}/describe}): its flags, fields,
 * child relationships and record types, plus {@link #raw()} for everything else
 * ({@code supportedScopes}, {@code urls}, …).
 *
 * <p>Immutable and thread-safe.
 */
public final class SObjectDescribe {
  private final Map<String, Object> raw;
  private final List<FieldDescribe> fields;
  private final List<ChildRelationship> childRelationships;
  private final List<RecordTypeInfo> recordTypeInfos;

  private SObjectDescribe(Map<String, Object> raw) {
    this.raw = raw;
    this.fields = Raw.list(raw, "fields", FieldDescribe::of);
    this.childRelationships = Raw.list(raw, "childRelationships", m -> new ChildRelationship(
        Raw.str(m, "childSObject"), Raw.str(m, "field"), Raw.str(m, "relationshipName"),
        Raw.bool(m, "cascadeDelete"), Raw.bool(m, "restrictedDelete")));
    this.recordTypeInfos = Raw.list(raw, "recordTypeInfos", m -> new RecordTypeInfo(Raw.str(m, "name"),
        Raw.str(m, "developerName"), Raw.str(m, "recordTypeId"), Raw.bool(m, "available"),
        Raw.bool(m, "defaultRecordTypeMapping"), Raw.bool(m, "master")));
  }

  /**
   * Creates the describe from its JSON members.
   *
   * @param raw the JSON object as a map
   * @return the describe
   */
  public static SObjectDescribe of(Map<String, Object> raw) {
    return new SObjectDescribe(Raw.freeze(Objects.requireNonNull(raw, "raw")));
  }

  /** @return the API name */
  public String name() {
    return Raw.str(raw, "name");
  }

  /** @return the label */
  public String label() {
    return Raw.str(raw, "label");
  }

  /** @return the three-character id prefix, or null */
  public String keyPrefix() {
    return Raw.str(raw, "keyPrefix");
  }

  /** @return whether the object is custom */
  public boolean custom() {
    return Raw.bool(raw, "custom");
  }

  /** @return whether records can be created */
  public boolean createable() {
    return Raw.bool(raw, "createable");
  }

  /** @return whether records can be updated */
  public boolean updateable() {
    return Raw.bool(raw, "updateable");
  }

  /** @return whether records can be deleted */
  public boolean deletable() {
    return Raw.bool(raw, "deletable");
  }

  /** @return whether the object can be queried */
  public boolean queryable() {
    return Raw.bool(raw, "queryable");
  }

  /** @return the fields, in the server's order */
  public List<FieldDescribe> fields() {
    return fields;
  }

  /**
   * Finds a field by API name, ignoring case.
   *
   * @param name such as {@code Industry}
   * @return the field, if the object has it
   */
  public Optional<FieldDescribe> field(String name) {
    return fields.stream().filter(f -> name.equalsIgnoreCase(f.name())).findFirst();
  }

  /** @return the child relationships */
  public List<ChildRelationship> childRelationships() {
    return childRelationships;
  }

  /** @return the record types */
  public List<RecordTypeInfo> recordTypeInfos() {
    return recordTypeInfos;
  }

  /** @return every member as Salesforce returned it; unmodifiable */
  public Map<String, Object> raw() {
    return raw;
  }

  @Override
  public String toString() {
    return "SObjectDescribe{" + name() + ", " + fields.size() + " fields}";
  }
}
