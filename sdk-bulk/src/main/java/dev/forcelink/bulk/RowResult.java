package dev.forcelink.bulk;

import dev.forcelink.bulk.internal.BulkErrorCodes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of one ingest row, matched back to its input row: the input row number (data rows
 * counted from 1 in source order), the job, the status, the record id, whether it was created, the
 * error, and the row's original column values.
 *
 * <p>Immutable and thread-safe.
 */
public final class RowResult {
  private final long rowNumber;
  private final String jobId;
  private final RowStatus status;
  private final String id;
  private final boolean created;
  private final String error;
  private final Map<String, String> values;

  RowResult(long rowNumber, String jobId, RowStatus status, String id, boolean created, String error,
      Map<String, String> values) {
    this.rowNumber = rowNumber;
    this.jobId = jobId;
    this.status = Objects.requireNonNull(status, "status");
    this.id = id == null || id.isEmpty() ? null : id;
    this.created = created;
    this.error = error == null || error.isEmpty() ? null : error;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * Returns the input row number.
   *
   * @return the row number, or empty for a result row that matched no input row
   */
  public OptionalLong rowNumber() {
    return rowNumber > 0 ? OptionalLong.of(rowNumber) : OptionalLong.empty();
  }

  /** @return the id of the job that reported this row, if one was created */
  public Optional<String> jobId() {
    return Optional.ofNullable(jobId);
  }

  /** @return the status */
  public RowStatus status() {
    return status;
  }

  /** @return the record id ({@code sf__Id}), if Salesforce gave one */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** @return true if the row created a record ({@code sf__Created}) */
  public boolean created() {
    return created;
  }

  /** @return the error ({@code sf__Error} or why the row was not processed), if any */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** @return the leading error code of {@link #error()}, such as {@code REQUIRED_FIELD_MISSING} */
  public Optional<String> errorCode() {
    return BulkErrorCodes.leadingCode(error);
  }

  /**
   * Tells whether the row failed for a reason that may pass in a new job (row-lock contention).
   *
   * @return true for transient failures
   */
  public boolean isTransientFailure() {
    return status == RowStatus.FAILED && BulkErrorCodes.classifyMessage(error) == BulkErrorCodes.Kind.TRANSIENT;
  }

  /** @return the row's original column values by column name, in column order */
  public Map<String, String> values() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RowResult)) {
      return false;
    }
    RowResult r = (RowResult) o;
    return rowNumber == r.rowNumber && created == r.created && status == r.status
        && Objects.equals(jobId, r.jobId) && Objects.equals(id, r.id) && Objects.equals(error, r.error)
        && values.equals(r.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rowNumber, jobId, status, id, error);
  }

  /** Returns the row number, status, id and error; never the column values, which may be personal data. */
  @Override
  public String toString() {
    return "RowResult{row=" + (rowNumber > 0 ? rowNumber : "?") + ", status=" + status
        + (id != null ? ", id=" + id : "") + (created ? ", created" : "")
        + (error != null ? ", error=" + error : "") + ", jobId=" + jobId + "}";
  }
}
