package dev.forcelink.pubsub.internal.flow;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Tracks received events until they are processed, and tells when the position may advance: only
 * past a contiguous run of processed events, so that with concurrent processing a stored position
 * never skips an event still being worked on.
 *
 * <p>Not thread-safe: the owner guards it with its own lock.
 *
 * @param <T> the position type (a replay id)
 */
public final class ContiguousTracker<T> {
  private final TreeMap<Long, Slot<T>> slots = new TreeMap<>();
  private long nextSeq;

  /** A completed prefix: the sequence number and position of its last event. */
  public record Advance<T>(long seq, T position) {}

  private static final class Slot<T> {
    final T position;
    boolean done;

    Slot(T position) {
      this.position = position;
    }
  }

  /**
   * Registers a received event.
   *
   * @param position the event's position
   * @return its sequence number, for {@link #complete(long)}
   */
  public long register(T position) {
    long seq = nextSeq++;
    slots.put(seq, new Slot<>(Objects.requireNonNull(position, "position")));
    return seq;
  }

  /**
   * Marks an event processed.
   *
   * @param seq the event's sequence number
   * @return the new end of the processed prefix, or null if the prefix did not grow (an earlier event
   *     is still open, or the event was already completed or removed)
   */
  public Advance<T> complete(long seq) {
    Slot<T> slot = slots.get(seq);
    if (slot == null || slot.done) {
      return null;
    }
    slot.done = true;
    Advance<T> advance = null;
    while (!slots.isEmpty() && slots.firstEntry().getValue().done) {
      Map.Entry<Long, Slot<T>> first = slots.pollFirstEntry();
      advance = new Advance<>(first.getKey(), first.getValue().position);
    }
    return advance;
  }

  /**
   * Forgets an event that will not be processed (dropped before processing, to be delivered again).
   * Only the newest open events may be removed, or the prefix would skip them.
   *
   * @param seq the event's sequence number
   */
  public void remove(long seq) {
    slots.remove(seq);
  }

  /**
   * Tells whether every registered event is processed or removed.
   *
   * @return true when nothing is open
   */
  public boolean isEmpty() {
    return slots.isEmpty();
  }

  /**
   * Returns the number of open events.
   *
   * @return the count
   */
  public int open() {
    return slots.size();
  }
}
