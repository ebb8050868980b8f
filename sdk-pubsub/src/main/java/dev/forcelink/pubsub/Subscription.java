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
   * Stops the subscription: drops events not yet handed to the handler, lets the handlers already
   * running finish (their events count as processed), saves the final position and ends the stream.
   * Nothing is saved after close returns. Blocks at most {@link SubscribeOptions#closeTimeout()}
   * (30 s by default).
   *
   * <p>A managed subscription commits the final position on its stream and, before cancelling the
   * stream, waits for the server's answer to its newest commit (at most 5 s of the close timeout), so
   * that the next subscription resumes after every processed event. A commit that is refused or not
   * answered in time is logged and reported to {@link SubscriptionListener#onCommitFailure}; close
   * still completes, and the events after the server's committed position may come again.
   *
   * <p>Called from a handler (or through {@code Flow.Subscription.cancel()}), close waits neither for
   * the other running handlers nor for the commit's answer: it returns at once, and the stream stays
   * open in the background until the answer comes or the 5 s run out. A later close from another
   * thread waits for that.
   *
   * <p>Idempotent and thread-safe; never throws.
   */
  @Override
  void close();
}
