package dev.forcelink.pubsub;

/**
 * Observes what happens to a subscription besides its events. Every method has a no-op default.
 *
 * <p>Methods are called from Forcelink's threads, so implementations must be thread-safe and quick.
 * A listener that throws is logged and ignored.
 */
public interface SubscriptionListener {

  /**
   * The server rejected the replay id the subscription tried to resume from. Called before the
   * {@link ReplayGapPolicy} is applied, whatever it is.
   *
   * @param gap the rejected id and the action taken
   */
  default void onReplayGap(ReplayGap gap) {}

  /**
   * A stream failed and a new one is scheduled from the last processed replay id.
   *
   * @param event why, when and from where
   */
  default void onResubscribe(Resubscribed event) {}

  /**
   * A managed subscription's commit was refused (the stream stays open), or its final commit on
   * {@link Subscription#close()} was refused or not answered in time.
   *
   * @param failure the commit and why it did not take effect
   */
  default void onCommitFailure(CommitFailure failure) {}
}
