package dev.forcelink.auth;

import java.util.Objects;

/** Argument checks shared by the builders of this package. */
final class Checks {
  private Checks() {}

  /**
   * Requires a non-blank text.
   *
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if blank
   */
  static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
