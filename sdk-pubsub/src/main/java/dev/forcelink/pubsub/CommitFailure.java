package dev.forcelink.pubsub;

import java.util.Objects;

/**
 * A managed subscription's commit did not take effect: the server refused it ({@code
 * CommitReplayResponse.error}), or, for the final commit of {@link Subscription#close()}, did not
 * answer in time or the stream ended first. After a refusal the stream stays open and the next
 * commit carries a later replay id; after a close, the next subscription may receive again the events
 * after the server's committed position.
 *
 * @param subscription the managed subscription
 * @param commitRequestId the id sent with the commit
 * @param replayId the replay id the commit carried
 * @param message the server's message, or why the commit is not confirmed
 */
public record CommitFailure(String subscription, String commitRequestId, ReplayId replayId, String message) {

  /**
   * Checks the components. Immutable and thread-safe.
   *
   * @throws NullPointerException if a component is null
   */
  public CommitFailure {
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(commitRequestId, "commitRequestId");
    Objects.requireNonNull(replayId, "replayId");
    Objects.requireNonNull(message, "message");
  }
}
