package dev.forcelink.pubsub;

/**
 * What a subscription does when the server rejects its stored replay id as corrupted or expired
 * (error codes ending in {@code subscription.fetch.replayid.corrupted} or {@code
 * subscription.fetch.replayid.validation.failed}). Every choice is first reported to {@link
 * SubscriptionListener#onReplayGap(ReplayGap)}: the subscription never jumps silently.
 */
public enum ReplayGapPolicy {
  /** Stop the subscription with a {@link PubSubException}: someone must decide. The default. */
  FAIL,
  /** Resubscribe from the oldest retained event: nothing retained is lost, many may repeat. */
  EARLIEST,
  /** Resubscribe from the tip of the stream: events between the stored id and now are skipped. */
  LATEST
}
