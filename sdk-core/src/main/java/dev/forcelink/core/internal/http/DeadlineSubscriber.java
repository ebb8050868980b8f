package dev.forcelink.core.internal.http;

import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the body phase of an attempt. {@code HttpRequest.timeout} stops at the response headers;
 * from there this subscriber gives the body until the attempt's deadline, then fails it with an
 * {@link HttpTimeoutException} and cancels the subscription, which makes the HTTP client abort the
 * connection (or the HTTP/2 stream) rather than pool it. The exchange then fails with that timeout,
 * on the synchronous and the asynchronous path alike, without a thread being interrupted or an
 * extra hand-off. A body handler that streams (its body completes before the bytes are read) is
 * bounded up to that moment.
 *
 * <p>Used by one response; the HTTP client calls it serially, the timer from its own thread.
 *
 * @param <T> the body type
 */
final class DeadlineSubscriber<T> implements BodySubscriber<T> {
  private final BodySubscriber<T> inner;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;

  /**
   * Wraps a subscriber and starts the clock.
   *
   * @param inner the subscriber that reads the body
   * @param deadlineNanos the attempt's deadline on the {@link System#nanoTime()} scale
   * @param budget the attempt's whole time limit, for the message
   * @param scheduler runs the timer
   */
  DeadlineSubscriber(BodySubscriber<T> inner, long deadlineNanos, Duration budget, ScheduledExecutorService scheduler) {
    this.inner = inner;
    inner.getBody().whenComplete((body, failure) -> {
      if (failure == null) {
        result.complete(body);
      } else {
        result.completeExceptionally(failure);
      }
    });
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      expire(budget);
    } else {
      try {
        ScheduledFuture<?> timer = scheduler.schedule(() -> expire(budget), left, TimeUnit.NANOSECONDS);
        result.whenComplete((body, failure) -> timer.cancel(false));
      } catch (RejectedExecutionException e) {
        // The connection is closing: the response in flight is read without a body deadline.
      }
    }
  }

  private void expire(Duration budget) {
    if (result.completeExceptionally(new HttpTimeoutException("the response body did not arrive in full within the"
        + " attempt's " + budget))) {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }

  @Override
  public CompletionStage<T> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (result.isCompletedExceptionally()) {
      s.cancel();
      return;
    }
    inner.onSubscribe(s);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    inner.onNext(items);
  }

  @Override
  public void onError(Throwable throwable) {
    inner.onError(throwable);
  }

  @Override
  public void onComplete() {
    inner.onComplete();
  }
}
