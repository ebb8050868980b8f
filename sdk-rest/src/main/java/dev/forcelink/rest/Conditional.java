package dev.forcelink.rest;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The outcome of a conditional read ({@code If-Modified-Since}): either the resource, or the
 * server's word that it has not changed since the given time ({@code 304 Not Modified}). A
 * {@code 304} is an outcome, not an error.
 *
 * <p>Immutable and thread-safe if the value is.
 *
 * @param <T> the resource type
 */
public final class Conditional<T> {
  private static final Conditional<?> NOT_MODIFIED = new Conditional<>(null);
  private final T value;

  private Conditional(T value) {
    this.value = value;
  }

  /**
   * Creates the outcome of a read that returned the resource.
   *
   * @param value the resource
   * @param <T> the resource type
   * @return the outcome
   * @throws NullPointerException if {@code value} is null
   */
  public static <T> Conditional<T> modified(T value) {
    return new Conditional<>(java.util.Objects.requireNonNull(value, "value"));
  }

  /**
   * Returns the outcome of a {@code 304 Not Modified}.
   *
   * @param <T> the resource type
   * @return the outcome
   */
  @SuppressWarnings("unchecked")
  public static <T> Conditional<T> notModified() {
    return (Conditional<T>) NOT_MODIFIED;
  }

  /**
   * Tells whether the server answered {@code 304 Not Modified}.
   *
   * @return true when the resource has not changed
   */
  public boolean isNotModified() {
    return value == null;
  }

  /**
   * Returns the resource when it was returned.
   *
   * @return the resource, empty after a {@code 304}
   */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /**
   * Returns the resource.
   *
   * @return the resource
   * @throws NoSuchElementException after a {@code 304}
   */
  public T get() {
    if (value == null) {
      throw new NoSuchElementException("The resource was not modified (HTTP 304); keep the copy you have");
    }
    return value;
  }

  @Override
  public String toString() {
    return value == null ? "Conditional[not modified]" : "Conditional[" + value + "]";
  }
}
