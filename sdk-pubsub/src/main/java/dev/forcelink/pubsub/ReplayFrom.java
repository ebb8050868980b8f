package dev.forcelink.pubsub;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a subscription starts when its {@link ReplayStore} holds no position: the tip of the stream
 * ({@link #latest()}), the oldest retained event ({@link #earliest()}) or just after a known replay
 * id ({@link #after(ReplayId)}).
 *
 * <p>Immutable and thread-safe.
 */
public final class ReplayFrom {
  /** The kind of start position, matching the wire's {@code ReplayPreset}. */
  public enum Kind {
    /** New events only. */
    LATEST,
    /** Every retained event. */
    EARLIEST,
    /** The events after a given replay id. */
    CUSTOM
  }

  private static final ReplayFrom LATEST = new ReplayFrom(Kind.LATEST, null);
  private static final ReplayFrom EARLIEST = new ReplayFrom(Kind.EARLIEST, null);

  private final Kind kind;
  private final ReplayId replayId;

  private ReplayFrom(Kind kind, ReplayId replayId) {
    this.kind = kind;
    this.replayId = replayId;
  }

  /**
   * Starts at the tip of the stream: only events published after the subscription starts.
   *
   * @return the position
   */
  public static ReplayFrom latest() {
    return LATEST;
  }

  /**
   * Starts at the oldest event the server still retains.
   *
   * @return the position
   */
  public static ReplayFrom earliest() {
    return EARLIEST;
  }

  /**
   * Starts just after {@code replayId}.
   *
   * @param replayId the last event already handled
   * @return the position
   * @throws NullPointerException if {@code replayId} is null
   */
  public static ReplayFrom after(ReplayId replayId) {
    return new ReplayFrom(Kind.CUSTOM, Objects.requireNonNull(replayId, "replayId"));
  }

  /**
   * Returns the kind of position.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the replay id of a {@link Kind#CUSTOM} position.
   *
   * @return the replay id, empty for LATEST and EARLIEST
   */
  public Optional<ReplayId> replayId() {
    return Optional.ofNullable(replayId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReplayFrom other && kind == other.kind && Objects.equals(replayId, other.replayId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, replayId);
  }

  @Override
  public String toString() {
    return replayId == null ? kind.name() : "CUSTOM(after " + replayId + ")";
  }
}
