package dev.forcelink.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The OAuth {@code state} parameter that ties an authorization callback to the browser session that
 * started it (protection against cross-site request forgery): generated unguessable, stored with
 * the session, and compared in constant time with the value the callback carries.
 *
 * <p>Immutable and thread-safe. {@link #toString()} does not show the value.
 */
public final class State {
  private static final int BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final String value;

  private State(String value) {
    this.value = value;
  }

  /**
   * Generates a state of 32 random bytes (43 base64url characters) from {@link SecureRandom}.
   *
   * @return a new state
   */
  public static State generate() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return new State(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /**
   * Restores a stored state.
   *
   * @param value the stored value
   * @return the state
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is empty
   */
  public static State of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("state must not be empty");
    }
    return new State(value);
  }

  /**
   * Returns the value to put in the authorize URL and store with the session.
   *
   * @return the value
   */
  public String value() {
    return value;
  }

  /**
   * Compares the value a callback carried with this state, in constant time.
   *
   * @param returned the callback's {@code state} parameter, possibly null
   * @return true if it equals this state
   */
  public boolean matches(String returned) {
    if (returned == null) {
      return false;
    }
    return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), returned.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Compares two states in constant time.
   *
   * @param other another object
   * @return true for a state of the same value
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof State && matches(((State) other).value);
  }

  /**
   * Returns a constant, so that the hash reveals nothing.
   *
   * @return a constant
   */
  @Override
  public int hashCode() {
    return 0x57a7e;
  }

  /** Does not show the value. */
  @Override
  public String toString() {
    return "State[redacted]";
  }
}
