package dev.forcelink.rest.composite;

import dev.forcelink.core.exception.SalesforceError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a {@link TreeRequest}. On success ({@code 201}) every referenceId maps to the new
 * record's id. On failure ({@code 400}) nothing was created (the whole tree rolled back) and the
 * failing records' referenceIds map to their errors.
 *
 * <p>Immutable and thread-safe.
 */
public final class TreeResult {
  private final boolean success;
  private final Map<String, String> ids;
  private final Map<String, List<SalesforceError>> errors;

  TreeResult(boolean success, Map<String, String> ids, Map<String, List<SalesforceError>> errors) {
    this.success = success;
    this.ids = Collections.unmodifiableMap(new LinkedHashMap<>(ids));
    Map<String, List<SalesforceError>> copy = new LinkedHashMap<>();
    errors.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.errors = Collections.unmodifiableMap(copy);
  }

  /**
   * Tells whether the records were created.
   *
   * @return true on success; false means nothing was created
   */
  public boolean isSuccess() {
    return success;
  }

  /**
   * Returns the new ids by referenceId.
   *
   * @return an unmodifiable ordered map; empty on failure
   */
  public Map<String, String> ids() {
    return ids;
  }

  /**
   * Returns the new id of one record.
   *
   * @param referenceId the record's referenceId
   * @return the id, if the tree was created
   */
  public Optional<String> id(String referenceId) {
    return Optional.ofNullable(ids.get(referenceId));
  }

  /**
   * Returns the errors of the records that failed, by referenceId.
   *
   * @return an unmodifiable ordered map; empty on success
   */
  public Map<String, List<SalesforceError>> errorsByReferenceId() {
    return errors;
  }

  @Override
  public String toString() {
    return "TreeResult{success=" + success + (success ? ", ids=" + ids.size() : ", errors=" + errors) + "}";
  }
}
