package dev.forcelink.rest.composite;

import dev.forcelink.core.exception.SalesforceError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of writing one record, as a create, an upsert or a Collections write reports it:
 * {@code {"id":…,"success":…,"errors":[{"statusCode","message","fields"}],"created":…}}. Each
 * {@link SalesforceError#errorCode()} holds the record-level {@code statusCode}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SaveResult {
  private final String id;
  private final boolean success;
  private final Boolean created;
  private final List<SalesforceError> errors;

  /**
   * Creates a save result.
   *
   * @param id the record id, or null when the write failed before one existed
   * @param success whether the write succeeded
   * @param created for upserts: whether the record was inserted; null when not reported
   * @param errors the errors, empty on success
   */
  public SaveResult(String id, boolean success, Boolean created, List<SalesforceError> errors) {
    this.id = id;
    this.success = success;
    this.created = created;
    this.errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
  }

  /**
   * Returns the record id.
   *
   * @return the id, if the server returned one
   */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /**
   * Tells whether the write succeeded.
   *
   * @return the server's {@code success}
   */
  public boolean isSuccess() {
    return success;
  }

  /**
   * Tells whether an upsert inserted the record (true) or updated one (false).
   *
   * @return the flag; empty for creates and updates, and for upserts before API v46.0
   */
  public Optional<Boolean> created() {
    return Optional.ofNullable(created);
  }

  /**
   * Returns the errors.
   *
   * @return an unmodifiable list, empty on success
   */
  public List<SalesforceError> errors() {
    return errors;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SaveResult)) {
      return false;
    }
    SaveResult s = (SaveResult) o;
    return success == s.success && Objects.equals(id, s.id) && Objects.equals(created, s.created)
        && errors.equals(s.errors);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, success, created, errors);
  }

  @Override
  public String toString() {
    return "SaveResult{id=" + id + ", success=" + success + (created != null ? ", created=" + created : "")
        + (errors.isEmpty() ? "" : ", errors=" + errors) + "}";
  }
}
