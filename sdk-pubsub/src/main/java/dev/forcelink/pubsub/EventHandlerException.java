package dev.forcelink.pubsub;

import dev.forcelink.core.exception.ForcelinkClientException;
import java.util.Objects;

/**
 * An {@link EventHandler} threw, which stops the subscription. The event's replay id was not
 * stored, so a new subscription from the same {@link ReplayStore} delivers the event again.
 *
 * <p>Immutable and thread-safe.
 */
public final class EventHandlerException extends ForcelinkClientException {
  private static final long serialVersionUID = 1L;

  private final ReplayId replayId;

  /**
   * Creates the exception.
   *
   * @param topic the topic the event came from
   * @param replayId the failed event's replay id
   * @param cause what the handler threw
   * @throws NullPointerException if an argument is null
   */
  public EventHandlerException(String topic, ReplayId replayId, Throwable cause) {
    super("The event handler failed on event " + Objects.requireNonNull(replayId, "replayId") + " of "
        + Objects.requireNonNull(topic, "topic") + "; the subscription stopped and the event's replay id "
        + "was not stored, so it is delivered again on the next subscription: " + cause,
        Objects.requireNonNull(cause, "cause"), null, false);
    this.replayId = replayId;
  }

  /**
   * Returns the replay id of the event the handler failed on.
   *
   * @return the replay id
   */
  public ReplayId replayId() {
    return replayId;
  }
}
