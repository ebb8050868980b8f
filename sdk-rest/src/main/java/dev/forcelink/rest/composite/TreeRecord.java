package dev.forcelink.rest.composite;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.internal.json.SObjectCodec;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One record of a {@link TreeRequest}: a record, its referenceId, and child records under
 * relationship names ({@code Contacts} under an Account), which are created with it and linked to
 * it. Rendered as {@code {"attributes":{"type","referenceId"},…,"Contacts":{"records":[…]}}}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TreeRecord {
  private final String referenceId;
  private final SObject record;
  private final Map<String, List<TreeRecord>> children;

  private TreeRecord(String referenceId, SObject record, Map<String, List<TreeRecord>> children) {
    this.referenceId = referenceId;
    this.record = record;
    this.children = Collections.unmodifiableMap(new LinkedHashMap<>(children));
  }

  /**
   * Creates a tree record without children.
   *
   * @param referenceId names the record in the result: a letter or digit first, then letters,
   *     digits and {@code _}; unique in the request
   * @param record the record, with its type; it must not have an {@code Id}
   * @return the tree record
   * @throws IllegalArgumentException if the referenceId is invalid, or the record has no type or
   *     has an {@code Id}
   */
  public static TreeRecord of(String referenceId, SObject record) {
    Reference.requireValidId(referenceId, "referenceId");
    Objects.requireNonNull(record, "record");
    if (record.type() == null) {
      throw new IllegalArgumentException("Tree record '" + referenceId + "' has no sObject type");
    }
    if (record.has("Id")) {
      throw new IllegalArgumentException("Tree record '" + referenceId + "' has an Id; a tree only creates records");
    }
    return new TreeRecord(referenceId, record, Map.of());
  }

  /**
   * Returns a copy with child records added under a relationship.
   *
   * @param relationship the child relationship name, such as {@code Contacts}
   * @param childRecords the children
   * @return the new tree record
   * @throws IllegalArgumentException if the relationship is blank or also a field of the record
   */
  public TreeRecord withChildren(String relationship, TreeRecord... childRecords) {
    Objects.requireNonNull(relationship, "relationship");
    if (relationship.isBlank() || record.has(relationship)) {
      throw new IllegalArgumentException("Invalid child relationship '" + relationship + "' on tree record '"
          + referenceId + "'");
    }
    Map<String, List<TreeRecord>> copy = new LinkedHashMap<>(children);
    List<TreeRecord> list = new java.util.ArrayList<>(copy.getOrDefault(relationship, List.of()));
    for (TreeRecord child : childRecords) {
      list.add(Objects.requireNonNull(child, "child"));
    }
    copy.put(relationship, List.copyOf(list));
    return new TreeRecord(referenceId, record, copy);
  }

  /**
   * Returns the referenceId.
   *
   * @return the referenceId
   */
  public String referenceId() {
    return referenceId;
  }

  /**
   * Returns the record without its children.
   *
   * @return the record
   */
  public SObject record() {
    return record;
  }

  /**
   * Returns the children by relationship name.
   *
   * @return an unmodifiable ordered map
   */
  public Map<String, List<TreeRecord>> children() {
    return children;
  }

  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("attributes");
    g.writeStringField("type", record.type());
    g.writeStringField("referenceId", referenceId);
    g.writeEndObject();
    SObjectCodec.writeFields(g, References.resolve(record), Set.of());
    for (Map.Entry<String, List<TreeRecord>> e : children.entrySet()) {
      g.writeObjectFieldStart(e.getKey());
      g.writeArrayFieldStart("records");
      for (TreeRecord child : e.getValue()) {
        child.write(g);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  @Override
  public String toString() {
    return "TreeRecord{" + referenceId + ", " + record.type() + ", children=" + children.keySet() + "}";
  }
}
