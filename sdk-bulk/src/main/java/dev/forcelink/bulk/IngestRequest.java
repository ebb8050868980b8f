package dev.forcelink.bulk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What an ingest load does: the object, the operation and its options, the CSV dialect of the
 * uploads, how many rounds of resubmission transient row failures get, and how long
 * {@link BulkClient#loadAndWait} waits before it hands back the unfinished jobs.
 *
 * <pre>{@code
 * IngestRequest request = IngestRequest.builder("Account", IngestOperation.UPSERT)
 *     .externalIdFieldName("External_Id__c")
 *     .retryTransientFailures(2)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class IngestRequest {
  private final String object;
  private final IngestOperation operation;
  private final String externalIdFieldName;
  private final String assignmentRuleId;
  private final ColumnDelimiter columnDelimiter;
  private final LineEnding lineEnding;
  private final int transientRetryRounds;
  private final Duration deadline;

  private IngestRequest(Builder b) {
    this.object = b.object;
    this.operation = b.operation;
    this.externalIdFieldName = b.externalIdFieldName;
    this.assignmentRuleId = b.assignmentRuleId;
    this.columnDelimiter = b.columnDelimiter;
    this.lineEnding = b.lineEnding;
    this.transientRetryRounds = b.transientRetryRounds;
    this.deadline = b.deadline;
  }

  /**
   * Starts a builder.
   *
   * @param object the sObject API name, such as {@code Account}
   * @param operation the operation
   * @return a builder; not thread-safe
   */
  public static Builder builder(String object, IngestOperation operation) {
    return new Builder(object, operation);
  }

  /**
   * Returns a builder holding these settings.
   *
   * @return a builder; not thread-safe
   */
  public Builder toBuilder() {
    Builder b = new Builder(object, operation);
    b.externalIdFieldName = externalIdFieldName;
    b.assignmentRuleId = assignmentRuleId;
    b.columnDelimiter = columnDelimiter;
    b.lineEnding = lineEnding;
    b.transientRetryRounds = transientRetryRounds;
    b.deadline = deadline;
    return b;
  }

  /** @return the sObject API name */
  public String object() {
    return object;
  }

  /** @return the operation */
  public IngestOperation operation() {
    return operation;
  }

  /** @return the external id field of an upsert */
  public Optional<String> externalIdFieldName() {
    return Optional.ofNullable(externalIdFieldName);
  }

  /** @return the assignment rule id, if set */
  public Optional<String> assignmentRuleId() {
    return Optional.ofNullable(assignmentRuleId);
  }

  /** @return the column delimiter of the uploads */
  public ColumnDelimiter columnDelimiter() {
    return columnDelimiter;
  }

  /** @return the line ending of the uploads */
  public LineEnding lineEnding() {
    return lineEnding;
  }

  /** @return how many times rows that failed with a transient error are resubmitted in a new job */
  public int transientRetryRounds() {
    return transientRetryRounds;
  }

  /** @return how long {@link BulkClient#loadAndWait} waits for the jobs to finish */
  public Duration deadline() {
    return deadline;
  }

  @Override
  public String toString() {
    return "IngestRequest{object=" + object + ", operation=" + operation.wireName()
        + (externalIdFieldName != null ? ", externalIdFieldName=" + externalIdFieldName : "")
        + ", columnDelimiter=" + columnDelimiter + ", lineEnding=" + lineEnding
        + ", transientRetryRounds=" + transientRetryRounds + ", deadline=" + deadline + "}";
  }

  /** Builds an {@link IngestRequest}. Not thread-safe. */
  public static final class Builder {
    private final String object;
    private final IngestOperation operation;
    private String externalIdFieldName;
    private String assignmentRuleId;
    private ColumnDelimiter columnDelimiter = ColumnDelimiter.COMMA;
    private LineEnding lineEnding = LineEnding.LF;
    private int transientRetryRounds;
    private Duration deadline = Duration.ofHours(24);

    private Builder(String object, IngestOperation operation) {
      Objects.requireNonNull(object, "object");
      if (object.isBlank()) {
        throw new IllegalArgumentException("object must name an sObject, such as Account");
      }
      this.object = object;
      this.operation = Objects.requireNonNull(operation, "operation");
    }

    /**
     * Sets the external id field an upsert matches on (required for upsert, refused otherwise).
     *
     * @param field such as {@code External_Id__c} or {@code Id}
     * @return this builder
     */
    public Builder externalIdFieldName(String field) {
      this.externalIdFieldName = Objects.requireNonNull(field, "externalIdFieldName");
      return this;
    }

    /**
     * Sets the assignment rule applied to Account, Case or Lead rows.
     *
     * @param id the AssignmentRule id
     * @return this builder
     */
    public Builder assignmentRuleId(String id) {
      this.assignmentRuleId = Objects.requireNonNull(id, "assignmentRuleId");
      return this;
    }

    /**
     * Sets the uploads' column delimiter; default {@link ColumnDelimiter#COMMA}.
     *
     * @param delimiter the delimiter
     * @return this builder
     */
    public Builder columnDelimiter(ColumnDelimiter delimiter) {
      this.columnDelimiter = Objects.requireNonNull(delimiter, "columnDelimiter");
      return this;
    }

    /**
     * Sets the uploads' line ending; default {@link LineEnding#LF}.
     *
     * @param lineEnding the line ending
     * @return this builder
     */
    public Builder lineEnding(LineEnding lineEnding) {
      this.lineEnding = Objects.requireNonNull(lineEnding, "lineEnding");
      return this;
    }

    /**
     * Resubmits rows that failed with a transient error ({@code UNABLE_TO_LOCK_ROW}) in a new job,
     * up to this many times; default 0 (report them as failed).
     *
     * @param rounds 0 to 10
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder retryTransientFailures(int rounds) {
      if (rounds < 0 || rounds > 10) {
        throw new IllegalArgumentException("retryTransientFailures must be 0 to 10, got " + rounds);
      }
      this.transientRetryRounds = rounds;
      return this;
    }

    /**
     * Sets how long {@link BulkClient#loadAndWait} waits for all jobs; jobs still running then are
     * handed back as handles, not abandoned. Default 24 hours.
     *
     * @param deadline positive
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder deadline(Duration deadline) {
      Objects.requireNonNull(deadline, "deadline");
      if (deadline.isZero() || deadline.isNegative()) {
        throw new IllegalArgumentException("deadline must be positive, got " + deadline);
      }
      this.deadline = deadline;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalStateException if an upsert has no external id field, or another operation has
     *     one
     */
    public IngestRequest build() {
      if (operation == IngestOperation.UPSERT && externalIdFieldName == null) {
        throw new IllegalStateException("An upsert needs externalIdFieldName(...), the field it matches records on");
      }
      if (operation != IngestOperation.UPSERT && externalIdFieldName != null) {
        throw new IllegalStateException("externalIdFieldName applies only to upsert, not " + operation.wireName());
      }
      return new IngestRequest(this);
    }
  }
}
