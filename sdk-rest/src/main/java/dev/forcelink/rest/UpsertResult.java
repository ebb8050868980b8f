package dev.forcelink.rest;

import java.util.Optional;

/**
 * The outcome of an upsert by external id.
 *
 * @param id the id of the record created or updated; null when the server answered {@code 204}
 *     (an update on API v45.0 and earlier, which returns no body)
 * @param created true when no record matched and one was created ({@code 201}), false when the
 *     one match was updated ({@code 200}, or {@code 204} on API v45.0 and earlier)
 */
public record UpsertResult(String id, boolean created) {

  /**
   * Returns the id when the server reported it.
   *
   * @return the id, empty after a {@code 204}
   */
  public Optional<String> recordId() {
    return Optional.ofNullable(id);
  }
}
