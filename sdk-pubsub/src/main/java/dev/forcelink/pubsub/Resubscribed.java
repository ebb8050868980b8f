package dev.forcelink.pubsub;

import java.time.Duration;
import java.util.Objects;

/**
 * A subscription stream ended with a recoverable error and a new one is scheduled.
 *
 * @param topic the topic, or the managed subscription's name
 * @param attempt the consecutive failure count, from 1; reset once the new stream delivers
 * @param delay how long before the new stream opens
 * @param from where the new stream starts
 * @param reason what ended the old stream (status, error code and rpc id; never a token)
 */
public record Resubscribed(String topic, int attempt, Duration delay, ReplayFrom from, String reason) {

  /**
   * Checks the components. Immutable and thread-safe.
   *
   * @throws NullPointerException if a component is null
   */
  public Resubscribed {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(reason, "reason");
  }
}
