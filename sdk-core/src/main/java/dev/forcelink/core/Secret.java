package dev.forcelink.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value (access token, refresh token, password, client secret, JWT assertion) that never
 * shows itself by accident: {@link #toString()} is redacted and {@link #hashCode()} reveals nothing.
 * The value is read only through {@link #reveal()}, which code must call at the last possible
 * moment (when writing a header or a form field).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Secret {
  private static final String REDACTED = "Secret[redacted]";
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret value.
   *
   * @param value the secret; must not be {@code null} or empty
   * @return the wrapped secret
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is empty
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("A secret must not be empty");
    }
    return new Secret(value);
  }

  /**
   * Returns the secret value. Never log, print or put the result into an exception message.
   *
   * @return the raw secret
   */
  public String reveal() {
    return value;
  }

  /**
   * Compares two secrets in constant time.
   *
   * @param other another object
   * @return true if {@code other} is a {@code Secret} holding the same value
   */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Secret)) {
      return false;
    }
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8),
        ((Secret) other).value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns a constant, so that the hash code reveals nothing about the value.
   *
   * @return a constant hash code
   */
  @Override
  public int hashCode() {
    return 0x5ec4e7;
  }

  /**
   * Returns a redacted form; never the value.
   *
   * @return {@code "Secret[redacted]"}
   */
  @Override
  public String toString() {
    return REDACTED;
  }
}
