package dev.forcelink.rest;

import java.util.Objects;

/**
 * The outcome of a successful create: the new record's id.
 *
 * @param id the 18-character id Salesforce assigned
 */
public record SaveResult(String id) {

  /**
   * Checks the id.
   *
   * @throws NullPointerException if {@code id} is null
   */
  public SaveResult {
    Objects.requireNonNull(id, "id");
  }
}
