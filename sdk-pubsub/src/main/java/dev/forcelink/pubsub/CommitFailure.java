package dev.forcelink.pubsub;

import java.util.Objects;

/**
 * The server refused a managed subscription's commit ({@code CommitReplayResponse.error}). The
 * stream stays open; the next commit carries a later replay id.
 *
 * @param subscription the managed subscription
 * @param commitRequestId the id sent with the commit
 * @param replayId the replay id the commit carried
 * @param message the server's message
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
