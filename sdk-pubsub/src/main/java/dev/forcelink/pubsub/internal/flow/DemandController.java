package dev.forcelink.pubsub.internal.flow;

/**
 * Decides how many events to request from a subscription stream. Requests accumulate on the server
 * and it caps the outstanding total at 100, so the controller keeps its own count of outstanding
 * events (the sum of {@code num_requested} minus the events received) and:
 *
 * <ul>
 *   <li>tops the request up when the outstanding count falls to the low watermark, instead of waiting
 *       for it to reach 0 (stop-and-wait costs a full round trip per batch);</li>
 *   <li>never lets the outstanding count exceed the batch size (at most 100);</li>
 *   <li>never requests more than the consumer can take beyond what is already outstanding, so a slow
 *       consumer pushes back on the server instead of filling memory;</li>
 *   <li>while events are still outstanding, does not ask for a sliver of freed room: a consumer that
 *       frees one slot at a time would otherwise draw one request, and one response of one event,
 *       per event. It waits until the request would be at least half the room the consumer has, or
 *       the full top-up ({@code batchSize - lowWatermark}); with nothing outstanding it asks for
 *       whatever fits, so the stream never stops while the consumer has room.</li>
 * </ul>
 *
 * <p>The server's {@code pending_num_requested} reconciles the count only on an empty keepalive
 * response with no request sent since the previous response, the one moment the two counts must
 * agree: if the server then owes fewer events than counted, it dropped some credit and the difference
 * is requested again.
 *
 * <p>Not thread-safe: the owner guards it with its own lock.
 */
public final class DemandController {
  /** The server's maximum of outstanding events per stream. */
  public static final int SERVER_MAX_OUTSTANDING = 100;

  private final int batchSize;
  private final int lowWatermark;
  private int outstanding;
  private boolean sentSinceResponse;

  /**
   * Creates a controller.
   *
   * @param batchSize the most events outstanding at once, 1 to 100
   * @param lowWatermark the outstanding count at or below which to top up, below {@code batchSize}
   * @throws IllegalArgumentException if out of range
   */
  public DemandController(int batchSize, int lowWatermark) {
    if (batchSize < 1 || batchSize > SERVER_MAX_OUTSTANDING) {
      throw new IllegalArgumentException("batchSize must be 1 to 100, got " + batchSize);
    }
    if (lowWatermark < 0 || lowWatermark >= batchSize) {
      throw new IllegalArgumentException("lowWatermark must be 0 to batchSize - 1, got " + lowWatermark);
    }
    this.batchSize = batchSize;
    this.lowWatermark = lowWatermark;
  }

  /**
   * Returns how many events to request now, and counts them as outstanding.
   *
   * @param capacity how many events the consumer can take in all, the outstanding ones included
   *     (its free room); the request never makes the outstanding count exceed it
   * @return the {@code num_requested} to send, 0 for none
   */
  public int nextRequest(int capacity) {
    if (!wantsMore()) {
      return 0;
    }
    int n = Math.min(batchSize - outstanding, capacity - outstanding);
    if (n <= 0) {
      return 0;
    }
    if (outstanding > 0 && n < Math.min(batchSize - lowWatermark, (capacity + 1) / 2)) {
      // Events are still coming; each one processed frees room and asks again.
      return 0;
    }
    outstanding += n;
    sentSinceResponse = true;
    return n;
  }

  /**
   * Tells whether the outstanding count is low enough for a top-up, before asking the consumer for
   * its capacity: above the watermark no request is made whatever the capacity.
   *
   * @return true if {@link #nextRequest(int)} may return more than 0
   */
  public boolean wantsMore() {
    return outstanding <= lowWatermark;
  }

  /**
   * Records a response.
   *
   * @param events how many events it carried
   * @param pendingNumRequested the server's {@code pending_num_requested}
   */
  public void onResponse(int events, int pendingNumRequested) {
    outstanding = Math.max(0, outstanding - events);
    if (events == 0 && !sentSinceResponse && pendingNumRequested >= 0 && pendingNumRequested < outstanding) {
      outstanding = pendingNumRequested;
    }
    sentSinceResponse = false;
  }

  /**
   * Returns the events requested and not yet received.
   *
   * @return the outstanding count
   */
  public int outstanding() {
    return outstanding;
  }

  /** Forgets the outstanding count, for a new stream. */
  public void reset() {
    outstanding = 0;
    sentSinceResponse = false;
  }
}
