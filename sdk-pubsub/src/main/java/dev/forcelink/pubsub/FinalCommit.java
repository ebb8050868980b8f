package dev.forcelink.pubsub;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The newest commit of a managed subscription that is closing, which the stream must outlive: the
 * server resumes the next stream from its last applied commit, and cancelling the call before the
 * commit is answered may lose it. Settles once, with the first of: the server's answer (applied or
 * refused), the end of the stream, or the end of the wait.
 *
 * <p>Thread-safe.
 */
final class FinalCommit {
  private final String commitRequestId;
  private final ReplayId replayId;
  /** Empty when the server applied the commit, otherwise why it may not have. */
  private final CompletableFuture<Optional<String>> outcome = new CompletableFuture<>();
  /** Completes once the stream is ended and a failure, if any, is reported. */
  private final CompletableFuture<Void> finished = new CompletableFuture<>();

  FinalCommit(String commitRequestId, ReplayId replayId) {
    this.commitRequestId = commitRequestId;
    this.replayId = replayId;
  }

  String commitRequestId() {
    return commitRequestId;
  }

  ReplayId replayId() {
    return replayId;
  }

  /**
   * Settles with the server's answer.
   *
   * @param refusal the server's error message, or null when it applied the commit
   */
  void answered(String refusal) {
    outcome.complete(Optional.ofNullable(refusal));
  }

  /**
   * Settles without an answer.
   *
   * @param why what happened instead, for the log and {@link CommitFailure#message()}
   */
  void unanswered(String why) {
    outcome.complete(Optional.of(why));
  }

  /**
   * Waits for the outcome at most {@code timeout}, then settles as unanswered.
   *
   * @param noAnswer why, if the wait runs out
   * @return empty if the server applied the commit, otherwise why it may not have
   */
  Optional<String> await(Duration timeout, String noAnswer) {
    try {
      outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      unanswered(noAnswer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unanswered("close() was interrupted while waiting for the server's answer");
    } catch (ExecutionException e) {
      // Never completed exceptionally.
      unanswered(e.getCause().toString());
    }
    return outcome.join();
  }

  /** Marks the stream ended and the outcome reported. */
  void finished() {
    finished.complete(null);
  }

  /**
   * Waits until the stream is ended and the outcome reported (by whichever thread settles it), at
   * most {@code timeout}; past that, settles as unanswered, which finishes on this thread unless
   * another is already finishing.
   *
   * @param noAnswer why, if the wait runs out
   */
  void awaitFinished(Duration timeout, String noAnswer) {
    try {
      finished.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return;
    } catch (TimeoutException e) {
      unanswered(noAnswer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unanswered("close() was interrupted while waiting for the server's answer");
      return;
    } catch (ExecutionException e) {
      // Never completed exceptionally.
      return;
    }
    try {
      finished.get(1, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Another thread is still reporting; close() does not wait for it any longer.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs {@code then} with the outcome once settled, on the thread that settles it. */
  void whenSettled(Consumer<Optional<String>> then) {
    outcome.thenAccept(then);
  }
}
