package dev.forcelink.core.internal.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps at most {@code limit} bytes of a body, so an error response can never make the client hold
 * an unbounded amount of memory. The rest is read and dropped up to {@link #DRAIN_LIMIT} bytes, so
 * that an ordinary large error body ends the exchange cleanly (cancelling mid-body closes the
 * connection, which the JDK client may report as an I/O failure instead of the response); only a
 * body beyond that is cancelled.
 *
 * <p>Used by one response; the HTTP client calls it serially.
 */
final class BoundedBytesSubscriber implements BodySubscriber<BoundedBody> {
  /** How many bytes in all are read before the rest of an error body is cancelled. */
  static final long DRAIN_LIMIT = 4L * 1024 * 1024;

  private final int limit;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CompletableFuture<BoundedBody> result = new CompletableFuture<>();
  private Flow.Subscription subscription;
  private long seen;
  private boolean truncated;

  BoundedBytesSubscriber(int limit) {
    this.limit = limit;
  }

  @Override
  public CompletionStage<BoundedBody> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      int remaining = b.remaining();
      seen += remaining;
      int n = Math.min(limit - buffer.size(), remaining);
      if (n > 0) {
        byte[] chunk = new byte[n];
        b.get(chunk);
        buffer.write(chunk, 0, n);
      }
      if (n < remaining) {
        truncated = true;
        b.position(b.limit());
      }
    }
    if (seen > DRAIN_LIMIT) {
      result.complete(new BoundedBody(buffer.toByteArray(), true));
      subscription.cancel();
    }
  }

  @Override
  public void onError(Throwable throwable) {
    // A body cut short still explains the error as far as it goes.
    result.complete(new BoundedBody(buffer.toByteArray(), true));
  }

  @Override
  public void onComplete() {
    result.complete(new BoundedBody(buffer.toByteArray(), truncated));
  }
}
