package dev.forcelink.bulk;

/** The write a Bulk API 2.0 ingest job performs, with its wire name. Immutable and thread-safe. */
public enum IngestOperation {
  /** Creates records; rows carry no {@code Id}. */
  INSERT("insert"),
  /** Updates records by {@code Id}. */
  UPDATE("update"),
  /** Inserts or updates by an external id field ({@code externalIdFieldName}). */
  UPSERT("upsert"),
  /** Moves records by {@code Id} to the recycle bin. */
  DELETE("delete"),
  /** Deletes records by {@code Id} permanently (needs the "Bulk API Hard Delete" permission). */
  HARD_DELETE("hardDelete");

  private final String wireName;

  IngestOperation(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the value of the create-job {@code operation} field.
   *
   * @return such as {@code hardDelete}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Finds the operation for a wire name.
   *
   * @param wireName such as {@code upsert}
   * @return the operation
   * @throws IllegalArgumentException if the name is not an ingest operation
   */
  public static IngestOperation fromWireName(String wireName) {
    for (IngestOperation op : values()) {
      if (op.wireName.equals(wireName)) {
        return op;
      }
    }
    throw new IllegalArgumentException("Not a Bulk API 2.0 ingest operation: '" + wireName
        + "'; expected insert, update, upsert, delete or hardDelete");
  }
}
