package dev.forcelink.pubsub.cdc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The {@code ChangeEventHeader} of a Change Data Capture event, with its bitmap fields decoded into
 * field names.
 *
 * <p>{@link #changedFields()}, {@link #nulledFields()} and {@link #diffFields()} hold field names of
 * the event's schema: a top-level field as its name ({@code Phone}), a part of a compound field as
 * {@code Parent.Child} ({@code BillingAddress.City}), and a compound field whose parts are all listed
 * as the compound's name alone ({@code BillingAddress}). The {@code raw…} accessors return the
 * strings as the event carried them: bitmaps such as {@code 0x650004E0} and {@code 4-0x10} from the
 * Pub/Sub API, or field names from sources that send names.
 *
 * <p>Immutable and thread-safe. Lists are unmodifiable.
 */
public final class ChangeEventHeader {
  private final String entityName;
  private final List<String> recordIds;
  private final ChangeType changeType;
  private final String changeOrigin;
  private final String transactionKey;
  private final int sequenceNumber;
  private final Instant commitTimestamp;
  private final long commitNumber;
  private final String commitUser;
  private final List<String> changedFields;
  private final List<String> nulledFields;
  private final List<String> diffFields;
  private final List<String> rawChangedFields;
  private final List<String> rawNulledFields;
  private final List<String> rawDiffFields;

  private ChangeEventHeader(Builder b) {
    this.entityName = Objects.requireNonNull(b.entityName, "entityName");
    this.changeType = Objects.requireNonNull(b.changeType, "changeType");
    this.commitTimestamp = Objects.requireNonNull(b.commitTimestamp, "commitTimestamp");
    this.recordIds = b.recordIds;
    this.changeOrigin = b.changeOrigin;
    this.transactionKey = b.transactionKey;
    this.sequenceNumber = b.sequenceNumber;
    this.commitNumber = b.commitNumber;
    this.commitUser = b.commitUser;
    this.changedFields = b.changedFields;
    this.nulledFields = b.nulledFields;
    this.diffFields = b.diffFields;
    this.rawChangedFields = b.rawChangedFields;
    this.rawNulledFields = b.rawNulledFields;
    this.rawDiffFields = b.rawDiffFields;
  }

  /**
   * Starts a header. {@code entityName}, {@code changeType} and {@code commitTimestamp} are
   * required; strings default to empty, lists to empty, numbers to 0.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this header's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()
        .entityName(entityName).recordIds(recordIds).changeType(changeType).changeOrigin(changeOrigin)
        .transactionKey(transactionKey).sequenceNumber(sequenceNumber).commitTimestamp(commitTimestamp)
        .commitNumber(commitNumber).commitUser(commitUser)
        .changedFields(changedFields).nulledFields(nulledFields).diffFields(diffFields)
        .rawChangedFields(rawChangedFields).rawNulledFields(rawNulledFields).rawDiffFields(rawDiffFields);
  }

  /**
   * Returns the API name of the changed object, such as {@code Account}.
   *
   * @return the entity name
   */
  public String entityName() {
    return entityName;
  }

  /**
   * Returns the ids of the changed records: usually one; several when Salesforce merged changes into
   * one event; possibly a wildcard such as {@code 001*} for some bulk changes.
   *
   * @return the record ids, unmodifiable
   */
  public List<String> recordIds() {
    return recordIds;
  }

  /**
   * Returns what happened to the records.
   *
   * @return the change type
   */
  public ChangeType changeType() {
    return changeType;
  }

  /**
   * Returns where the change came from, such as {@code com/salesforce/api/rest/62.0;client=myapp};
   * empty when the change did not come through an API or the UI.
   *
   * @return the change origin, possibly empty
   */
  public String changeOrigin() {
    return changeOrigin;
  }

  /**
   * Returns the id of the transaction that made the change; events of one transaction share it.
   *
   * @return the transaction key
   */
  public String transactionKey() {
    return transactionKey;
  }

  /**
   * Returns the order of this event within its transaction.
   *
   * @return the sequence number
   */
  public int sequenceNumber() {
    return sequenceNumber;
  }

  /**
   * Returns when the transaction was committed.
   *
   * @return the commit time, millisecond precision
   */
  public Instant commitTimestamp() {
    return commitTimestamp;
  }

  /**
   * Returns the system change number of the commit, which orders transactions.
   *
   * @return the commit number
   */
  public long commitNumber() {
    return commitNumber;
  }

  /**
   * Returns the id of the user who committed the change.
   *
   * @return the user id
   */
  public String commitUser() {
    return commitUser;
  }

  /**
   * Returns the fields that the change set, by name (see the class description for compound fields).
   * For updates this includes system fields such as {@code LastModifiedDate}; for creates it is
   * empty.
   *
   * @return the changed fields, unmodifiable
   */
  public List<String> changedFields() {
    return changedFields;
  }

  /**
   * Returns the fields that the change set to null, by name.
   *
   * @return the nulled fields, unmodifiable
   */
  public List<String> nulledFields() {
    return nulledFields;
  }

  /**
   * Returns the fields whose values the event carries as a diff rather than in full, by name.
   *
   * @return the diff fields, unmodifiable
   */
  public List<String> diffFields() {
    return diffFields;
  }

  /**
   * Returns {@code changedFields} as the event carried it, before decoding.
   *
   * @return the raw strings, unmodifiable
   */
  public List<String> rawChangedFields() {
    return rawChangedFields;
  }

  /**
   * Returns {@code nulledFields} as the event carried it, before decoding.
   *
   * @return the raw strings, unmodifiable
   */
  public List<String> rawNulledFields() {
    return rawNulledFields;
  }

  /**
   * Returns {@code diffFields} as the event carried it, before decoding.
   *
   * @return the raw strings, unmodifiable
   */
  public List<String> rawDiffFields() {
    return rawDiffFields;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ChangeEventHeader h)) {
      return false;
    }
    return sequenceNumber == h.sequenceNumber && commitNumber == h.commitNumber
        && entityName.equals(h.entityName) && recordIds.equals(h.recordIds) && changeType == h.changeType
        && changeOrigin.equals(h.changeOrigin) && transactionKey.equals(h.transactionKey)
        && commitTimestamp.equals(h.commitTimestamp) && commitUser.equals(h.commitUser)
        && changedFields.equals(h.changedFields) && nulledFields.equals(h.nulledFields)
        && diffFields.equals(h.diffFields) && rawChangedFields.equals(h.rawChangedFields)
        && rawNulledFields.equals(h.rawNulledFields) && rawDiffFields.equals(h.rawDiffFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entityName, recordIds, changeType, changeOrigin, transactionKey, sequenceNumber,
        commitTimestamp, commitNumber, commitUser, changedFields, nulledFields, diffFields,
        rawChangedFields, rawNulledFields, rawDiffFields);
  }

  @Override
  public String toString() {
    return "ChangeEventHeader{entityName=" + entityName + ", recordIds=" + recordIds
        + ", changeType=" + changeType + ", changeOrigin=" + changeOrigin
        + ", transactionKey=" + transactionKey + ", sequenceNumber=" + sequenceNumber
        + ", commitTimestamp=" + commitTimestamp + ", commitNumber=" + commitNumber
        + ", commitUser=" + commitUser + ", changedFields=" + changedFields
        + ", nulledFields=" + nulledFields + ", diffFields=" + diffFields + '}';
  }

  /**
   * Builds a {@link ChangeEventHeader}.
   *
   * <p>Not thread-safe; use one builder per thread.
   */
  public static final class Builder {
    private String entityName;
    private List<String> recordIds = List.of();
    private ChangeType changeType;
    private String changeOrigin = "";
    private String transactionKey = "";
    private int sequenceNumber;
    private Instant commitTimestamp;
    private long commitNumber;
    private String commitUser = "";
    private List<String> changedFields = List.of();
    private List<String> nulledFields = List.of();
    private List<String> diffFields = List.of();
    private List<String> rawChangedFields = List.of();
    private List<String> rawNulledFields = List.of();
    private List<String> rawDiffFields = List.of();

    private Builder() {}

    /**
     * Sets the entity name.
     *
     * @param entityName the object's API name
     * @return this builder
     * @throws NullPointerException if {@code entityName} is null
     */
    public Builder entityName(String entityName) {
      this.entityName = Objects.requireNonNull(entityName, "entityName");
      return this;
    }

    /**
     * Sets the record ids (copied).
     *
     * @param recordIds the ids
     * @return this builder
     * @throws NullPointerException if the list or an element is null
     */
    public Builder recordIds(List<String> recordIds) {
      this.recordIds = List.copyOf(recordIds);
      return this;
    }

    /**
     * Sets the change type.
     *
     * @param changeType the change type
     * @return this builder
     * @throws NullPointerException if {@code changeType} is null
     */
    public Builder changeType(ChangeType changeType) {
      this.changeType = Objects.requireNonNull(changeType, "changeType");
      return this;
    }

    /**
     * Sets the change origin.
     *
     * @param changeOrigin the origin, possibly empty
     * @return this builder
     * @throws NullPointerException if {@code changeOrigin} is null
     */
    public Builder changeOrigin(String changeOrigin) {
      this.changeOrigin = Objects.requireNonNull(changeOrigin, "changeOrigin");
      return this;
    }

    /**
     * Sets the transaction key.
     *
     * @param transactionKey the key
     * @return this builder
     * @throws NullPointerException if {@code transactionKey} is null
     */
    public Builder transactionKey(String transactionKey) {
      this.transactionKey = Objects.requireNonNull(transactionKey, "transactionKey");
      return this;
    }

    /**
     * Sets the sequence number.
     *
     * @param sequenceNumber the order within the transaction
     * @return this builder
     */
    public Builder sequenceNumber(int sequenceNumber) {
      this.sequenceNumber = sequenceNumber;
      return this;
    }

    /**
     * Sets the commit time.
     *
     * @param commitTimestamp the commit time
     * @return this builder
     * @throws NullPointerException if {@code commitTimestamp} is null
     */
    public Builder commitTimestamp(Instant commitTimestamp) {
      this.commitTimestamp = Objects.requireNonNull(commitTimestamp, "commitTimestamp");
      return this;
    }

    /**
     * Sets the commit number.
     *
     * @param commitNumber the system change number
     * @return this builder
     */
    public Builder commitNumber(long commitNumber) {
      this.commitNumber = commitNumber;
      return this;
    }

    /**
     * Sets the committing user's id.
     *
     * @param commitUser the user id
     * @return this builder
     * @throws NullPointerException if {@code commitUser} is null
     */
    public Builder commitUser(String commitUser) {
      this.commitUser = Objects.requireNonNull(commitUser, "commitUser");
      return this;
    }

    /**
     * Sets the decoded changed fields (copied).
     *
     * @param changedFields field names
     * @return this builder
     * @throws NullPointerException if the list or an element is null
     */
    public Builder changedFields(List<String> changedFields) {
      this.changedFields = List.copyOf(changedFields);
      return this;
    }

    /**
     * Sets the decoded nulled fields (copied).
     *
     * @param nulledFields field names
     * @return this builder
     * @throws NullPointerException if the list or an element is null
     */
    public Builder nulledFields(List<String> nulledFields) {
      this.nulledFields = List.copyOf(nulledFields);
      return this;
    }

    /**
     * Sets the decoded diff fields (copied).
     *
     * @param diffFields field names
     * @return this builder
     * @throws NullPointerException if the list or an element is null
     */
    public Builder diffFields(List<String> diffFields) {
      this.diffFields = List.copyOf(diffFields);
      return this;
    }

    /**
     * Sets {@code changedFields} as carried by the event (copied).
     *
     * @param rawChangedFields the raw strings
     * @return this builder
     * @throws NullPointerException if the list or an element is null
     */
    public Builder rawChangedFields(List<String> rawChangedFields) {
      this.rawChangedFields = List.copyOf(rawChangedFields);
      return this;
    }

    /**
     * Sets {@code nulledFields} as carried by the event (copied).
     *
     * @param rawNulledFields the raw strings
     * @return this builder
     * @throws NullPointerException if the list or an element is null
     */
    public Builder rawNulledFields(List<String> rawNulledFields) {
      this.rawNulledFields = List.copyOf(rawNulledFields);
      return this;
    }

    /**
     * Sets {@code diffFields} as carried by the event (copied).
     *
     * @param rawDiffFields the raw strings
     * @return this builder
     * @throws NullPointerException if the list or an element is null
     */
    public Builder rawDiffFields(List<String> rawDiffFields) {
      this.rawDiffFields = List.copyOf(rawDiffFields);
      return this;
    }

    /**
     * Builds the header.
     *
     * @return the header
     * @throws NullPointerException if {@code entityName}, {@code changeType} or
     *     {@code commitTimestamp} was not set
     */
    public ChangeEventHeader build() {
      return new ChangeEventHeader(this);
    }
  }
}
