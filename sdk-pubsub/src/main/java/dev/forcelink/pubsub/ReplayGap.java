package dev.forcelink.pubsub;

import java.util.Objects;
import java.util.Optional;

/**
 * The server rejected the replay id a subscription tried to resume from; reported to {@link
 * SubscriptionListener#onReplayGap(ReplayGap)} before the {@link ReplayGapPolicy} is applied.
 *
 * @param subscriptionKey the key the position is stored under
 * @param topic the topic
 * @param rejectedReplayId the replay id the server rejected, empty if the request carried none
 * @param action what the subscription does next
 * @param errorCode the server's {@code error-code}
 * @param rpcId the server's rpc id, empty if it sent none
 */
public record ReplayGap(
    String subscriptionKey,
    String topic,
    Optional<ReplayId> rejectedReplayId,
    ReplayGapPolicy action,
    String errorCode,
    Optional<String> rpcId) {

  /**
   * Checks the components. Immutable and thread-safe.
   *
   * @throws NullPointerException if a component is null
   */
  public ReplayGap {
    Objects.requireNonNull(subscriptionKey, "subscriptionKey");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rejectedReplayId, "rejectedReplayId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(rpcId, "rpcId");
  }
}
