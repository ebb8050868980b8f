package dev.forcelink.core.internal.http;

/**
 * What the routing body handler produced: the caller's body for 2xx/304, or the bounded error body.
 *
 * @param <T> the caller's body type
 */
final class Outcome<T> {
  private final T body;
  private final BoundedBody error;

  private Outcome(T body, BoundedBody error) {
    this.body = body;
    this.error = error;
  }

  static <T> Outcome<T> success(T body) {
    return new Outcome<>(body, null);
  }

  static <T> Outcome<T> error(BoundedBody error) {
    return new Outcome<>(null, error);
  }

  boolean isSuccess() {
    return error == null;
  }

  T body() {
    return body;
  }

  BoundedBody error() {
    return error;
  }
}
