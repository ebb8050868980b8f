package dev.forcelink.rest.composite;

import dev.forcelink.rest.internal.composite.RecordJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code /composite/tree/{Object}} request: trees of new records with their children, created
 * together in one transaction (any failure rolls everything back). Checked before sending: at most
 * 200 records in all, at most 5 distinct types, at most 5 levels, top-level records of the
 * request's type, and unique referenceIds.
 *
 * <p>Immutable and thread-safe.
 */
public final class TreeRequest {
  private final String objectType;
  private final List<TreeRecord> records;

  private TreeRequest(String objectType, List<TreeRecord> records) {
    this.objectType = objectType;
    this.records = List.copyOf(records);
  }

  /**
   * Starts a builder.
   *
   * @param objectType the type of the top-level records, such as {@code Account}
   * @return a builder; not thread-safe
   */
  public static Builder builder(String objectType) {
    Objects.requireNonNull(objectType, "objectType");
    if (objectType.isBlank()) {
      throw new IllegalArgumentException("A tree request needs the type of its top-level records");
    }
    return new Builder(objectType);
  }

  /**
   * Returns the type of the top-level records.
   *
   * @return the type
   */
  public String objectType() {
    return objectType;
  }

  /**
   * Returns the top-level records.
   *
   * @return an unmodifiable list
   */
  public List<TreeRecord> records() {
    return records;
  }

  String toJson() {
    return RecordJson.json(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("records");
      for (TreeRecord r : records) {
        r.write(g);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  @Override
  public String toString() {
    return "TreeRequest{" + objectType + ", records=" + records + "}";
  }

  /** Builds a {@link TreeRequest}. Not thread-safe. */
  public static final class Builder {
    private final String objectType;
    private final List<TreeRecord> records = new ArrayList<>();

    private Builder(String objectType) {
      this.objectType = objectType;
    }

    /**
     * Adds top-level records.
     *
     * @param treeRecords records of the request's type, with their children
     * @return this builder
     * @throws IllegalArgumentException if a record is of another type
     */
    public Builder add(TreeRecord... treeRecords) {
      for (TreeRecord r : treeRecords) {
        Objects.requireNonNull(r, "record");
        if (!objectType.equals(r.record().type())) {
          throw new IllegalArgumentException("Tree record '" + r.referenceId() + "' is a " + r.record().type()
              + " but this request creates " + objectType + " records at the top level");
        }
        records.add(r);
      }
      return this;
    }

    /**
     * Builds the request after checking the limits.
     *
     * @return the request
     * @throws IllegalArgumentException if there are no records, more than 200 in all, more than 5
     *     types or 5 levels (the message says which limit and by how much), or a referenceId repeats
     */
    public TreeRequest build() {
      if (records.isEmpty()) {
        throw new IllegalArgumentException("A tree request needs at least one record");
      }
      Set<String> referenceIds = new HashSet<>();
      Set<String> types = new HashSet<>();
      int[] count = {0};
      int depth = 0;
      for (TreeRecord r : records) {
        depth = Math.max(depth, walk(r, 1, referenceIds, types, count));
      }
      String advice = "Split the trees into several tree requests.";
      Limits.check(count[0], Limits.TREE_RECORDS, "records across all trees of a tree request", advice);
      Limits.check(types.size(), Limits.TREE_TYPES, "distinct record types in a tree request", advice);
      Limits.check(depth, Limits.TREE_DEPTH, "levels in a record tree", "Create the deeper levels in another call.");
      return new TreeRequest(objectType, records);
    }

    private static int walk(TreeRecord r, int level, Set<String> referenceIds, Set<String> types, int[] count) {
      if (!referenceIds.add(r.referenceId())) {
        throw new IllegalArgumentException("Duplicate referenceId '" + r.referenceId() + "' in a tree request");
      }
      types.add(r.record().type());
      count[0]++;
      int depth = level;
      for (List<TreeRecord> children : r.children().values()) {
        for (TreeRecord child : children) {
          depth = Math.max(depth, walk(child, level + 1, referenceIds, types, count));
        }
      }
      return depth;
    }
  }
}
