package dev.forcelink.rest.describe;

import java.util.Map;
import java.util.Objects;

/**
 * The summary of one sObject in the global describe: its names and key flags, plus {@link #raw()}
 * for the rest ({@code urls}, {@code feedEnabled}, …).
 *
 * <p>Immutable and thread-safe.
 */
public final class SObjectInfo {
  private final Map<String, Object> raw;

  private SObjectInfo(Map<String, Object> raw) {
    this.raw = raw;
  }

  /**
   * Creates the summary from its JSON members.
   *
   * @param raw the JSON object as a map
   * @return the summary
   */
  public static SObjectInfo of(Map<String, Object> raw) {
    return new SObjectInfo(Raw.freeze(Objects.requireNonNull(raw, "raw")));
  }

  /** @return the API name */
  public String name() {
    return Raw.str(raw, "name");
  }

  /** @return the label */
  public String label() {
    return Raw.str(raw, "label");
  }

  /** @return the plural label */
  public String labelPlural() {
    return Raw.str(raw, "labelPlural");
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

  /** @return whether records can be retrieved by id */
  public boolean retrieveable() {
    return Raw.bool(raw, "retrieveable");
  }

  /** @return whether the object can be searched */
  public boolean searchable() {
    return Raw.bool(raw, "searchable");
  }

  /** @return every member as Salesforce returned it; unmodifiable */
  public Map<String, Object> raw() {
    return raw;
  }

  @Override
  public String toString() {
    return "SObjectInfo{" + name() + "}";
  }
}
