package dev.forcelink.rest.collections;

import dev.forcelink.core.exception.SalesforceError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome for one input record (or id) of a Collections call: its position in the input, the
 * record id, what happened, whether an upsert created it, the errors (each
 * {@link SalesforceError#errorCode()} holds Salesforce's record-level {@code statusCode}) and how
 * many times it was sent.
 *
 * <p>Immutable and thread-safe.
 */
public final class RecordResult {
  private final int index;
  private final String id;
  private final RecordStatus status;
  private final Boolean created;
  private final List<SalesforceError> errors;
  private final int attempts;

  RecordResult(int index, String id, RecordStatus status, Boolean created, List<SalesforceError> errors, int attempts) {
    this.index = index;
    this.id = id;
    this.status = Objects.requireNonNull(status, "status");
    this.created = created;
    this.errors = List.copyOf(errors);
    this.attempts = attempts;
  }

  static RecordResult notAttempted(int index) {
    return new RecordResult(index, null, RecordStatus.NOT_ATTEMPTED, null, List.of(), 0);
  }

  /**
   * Returns the record's position in the input list, from 0.
   *
   * @return the index
   */
  public int index() {
    return index;
  }

  /**
   * Returns the record id Salesforce reported.
   *
   * @return the id, if any
   */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /**
   * Tells whether the record was saved (or deleted).
   *
   * @return true for {@link RecordStatus#SUCCEEDED}
   */
  public boolean success() {
    return status == RecordStatus.SUCCEEDED;
  }

  /**
   * Returns what happened.
   *
   * @return the status
   */
  public RecordStatus status() {
    return status;
  }

  /**
   * For upserts: whether the record was inserted (true) or updated (false).
   *
   * @return the flag; empty for other operations and failures
   */
  public Optional<Boolean> created() {
    return Optional.ofNullable(created);
  }

  /**
   * Returns the errors.
   *
   * @return an unmodifiable list; empty on success and for records never sent
   */
  public List<SalesforceError> errors() {
    return errors;
  }

  /**
   * Returns how many times the record was sent (more than 1 after lock retries).
   *
   * @return the count; 0 when never sent
   */
  public int attempts() {
    return attempts;
  }

  boolean failedWith(String code) {
    return errors.stream().anyMatch(e -> e.errorCode().equals(code) || e.message().contains(code));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RecordResult)) {
      return false;
    }
    RecordResult r = (RecordResult) o;
    return index == r.index && attempts == r.attempts && status == r.status && Objects.equals(id, r.id)
        && Objects.equals(created, r.created) && errors.equals(r.errors);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, id, status, created, errors, attempts);
  }

  @Override
  public String toString() {
    return "RecordResult{index=" + index + (id != null ? ", id=" + id : "") + ", status=" + status
        + (created != null ? ", created=" + created : "") + (errors.isEmpty() ? "" : ", errors=" + errors)
        + ", attempts=" + attempts + "}";
  }
}
