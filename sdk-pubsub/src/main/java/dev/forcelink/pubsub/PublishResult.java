package dev.forcelink.pubsub;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of publishing one event: its replay id, or the server's error. Immutable and
 * thread-safe.
 */
public final class PublishResult {
  private final String correlationKey;
  private final ReplayId replayId;
  private final String error;

  private PublishResult(String correlationKey, ReplayId replayId, String error) {
    this.correlationKey = Objects.requireNonNull(correlationKey, "correlationKey");
    this.replayId = replayId;
    this.error = error;
  }

  /**
   * A successful result.
   *
   * @param correlationKey the event's id
   * @param replayId the replay id the server assigned
   * @return the result
   * @throws NullPointerException if an argument is null
   */
  public static PublishResult success(String correlationKey, ReplayId replayId) {
    return new PublishResult(correlationKey, Objects.requireNonNull(replayId, "replayId"), null);
  }

  /**
   * A failed result.
   *
   * @param correlationKey the event's id
   * @param error what the server said
   * @return the result
   * @throws NullPointerException if an argument is null
   */
  public static PublishResult failure(String correlationKey, String error) {
    return new PublishResult(correlationKey, null, Objects.requireNonNull(error, "error"));
  }

  /**
   * Returns the correlation key: the event's id ({@code ProducerEvent.id}).
   *
   * @return the key
   */
  public String correlationKey() {
    return correlationKey;
  }

  /**
   * Tells whether the event was published.
   *
   * @return true on success
   */
  public boolean isSuccess() {
    return error == null;
  }

  /**
   * Returns the replay id of a published event.
   *
   * @return the replay id, empty on failure
   */
  public Optional<ReplayId> replayId() {
    return Optional.ofNullable(replayId);
  }

  /**
   * Returns the server's error message for a failed event.
   *
   * @return the error, empty on success
   */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublishResult other && correlationKey.equals(other.correlationKey)
        && Objects.equals(replayId, other.replayId) && Objects.equals(error, other.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(correlationKey, replayId, error);
  }

  @Override
  public String toString() {
    return isSuccess()
        ? "PublishResult{" + correlationKey + " -> " + replayId + "}"
        : "PublishResult{" + correlationKey + " failed: " + error + "}";
  }
}
