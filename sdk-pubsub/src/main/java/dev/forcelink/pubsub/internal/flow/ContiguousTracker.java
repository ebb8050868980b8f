package dev.forcelink.pubsub.internal.flow;

import java.util.Objects;

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
  private static final byte OPEN = 0;
  private static final byte DONE = 1;
  private static final byte REMOVED = 2;

  // A ring of the open window, oldest first: sequence numbers are consecutive, so slot i holds
  // sequence number headSeq + i and every operation is O(1) (amortised for growth).
  private Object[] positions = new Object[128];
  private byte[] states = new byte[128];
  private int head;
  private int size;
  private long headSeq;

  /** A completed prefix: the sequence number and position of its last event. */
  public record Advance<T>(long seq, T position) {}

  /**
   * Registers a received event.
   *
   * @param position the event's position
   * @return its sequence number, for {@link #complete(long)}
   */
  public long register(T position) {
    Objects.requireNonNull(position, "position");
    if (size == positions.length) {
      grow();
    }
    int i = index(size);
    positions[i] = position;
    states[i] = OPEN;
    size++;
    return headSeq + size - 1;
  }

  /**
   * Marks an event processed.
   *
   * @param seq the event's sequence number
   * @return the new end of the processed prefix, or null if the prefix did not grow (an earlier event
   *     is still open, or the event was already completed or removed)
   */
  public Advance<T> complete(long seq) {
    long offset = seq - headSeq;
    if (offset < 0 || offset >= size) {
      return null;
    }
    int i = index((int) offset);
    if (states[i] != OPEN) {
      return null;
    }
    states[i] = DONE;
    long lastSeq = -1;
    Object last = null;
    while (size > 0 && states[head] != OPEN) {
      if (states[head] == DONE) {
        lastSeq = headSeq;
        last = positions[head];
      }
      positions[head] = null;
      head = (head + 1) & (positions.length - 1);
      headSeq++;
      size--;
    }
    @SuppressWarnings("unchecked")
    T position = (T) last;
    return last == null ? null : new Advance<>(lastSeq, position);
  }

  /**
   * Forgets an event that will not be processed (dropped before processing, to be delivered again).
   * Only the newest open events may be removed, or the prefix would skip them.
   *
   * @param seq the event's sequence number
   */
  public void remove(long seq) {
    long offset = seq - headSeq;
    if (offset < 0 || offset >= size) {
      return;
    }
    int i = index((int) offset);
    states[i] = REMOVED;
    positions[i] = null;
    // Processed slots never rest at the head (complete() pops them), so popping removed ones there
    // leaves either nothing or an open event first. Sequence numbers are never reused.
    while (size > 0 && states[head] == REMOVED) {
      head = (head + 1) & (positions.length - 1);
      headSeq++;
      size--;
    }
  }

  /**
   * Tells whether every registered event is processed or removed.
   *
   * @return true when nothing is open
   */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * Returns the number of events registered and not yet past the processed prefix: the open ones,
   * and the processed or removed ones behind an open one.
   *
   * @return the count
   */
  public int open() {
    return size;
  }

  private int index(int offset) {
    return (head + offset) & (positions.length - 1);
  }

  private void grow() {
    int n = positions.length;
    Object[] p = new Object[n * 2];
    byte[] st = new byte[n * 2];
    for (int k = 0; k < size; k++) {
      p[k] = positions[index(k)];
      st[k] = states[index(k)];
    }
    positions = p;
    states = st;
    head = 0;
  }
}
