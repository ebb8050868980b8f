package dev.forcelink.pubsub;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A running subscription started by {@link PubSubClient#subscribe(String, SubscribeOptions,
 * EventHandler)}. It resumes by itself after recoverable stream errors and ends only when closed or
 * when it meets an error it must not hide.
 *
 * <p>Thread-safe.
 */
public interface Subscription extends AutoCloseable {

  /**
   * Returns the topic, or the managed subscription's name.
   *
   * @return the name
   */
  String name();

  /**
   * Tells whether the subscription is still running (streaming or waiting to resume).
   *
   * @return false once closed or failed
   */
  boolean isActive();

  /**
   * Returns a future that completes normally when the subscription is closed, or exceptionally with
   * the error that stopped it: a {@link PubSubException} (permanent server error, retries
   * exhausted, replay gap with {@link ReplayGapPolicy#FAIL}) or an {@link EventHandlerException}.
   * Completing the returned future has no effect on the subscription.
   *
   * @return the termination future
   */
  CompletableFuture<Void> termination();

  /**
   * Returns the replay id of the newest event such that it and every earlier event are processed.
   *
   * @return the last processed replay id, empty until one is known
   */
  Optional<ReplayId> lastProcessed();

  /**
   * Stops the subscription: cancels the stream and drops events not yet handed to the handler.
   * Handlers already running may finish (close waits up to 30 seconds for them, unless called from
   * a handler), their events count as processed, and the final position is saved before close
   * returns; nothing is saved after that. Idempotent; never throws.
   */
  @Override
  void close();
}
