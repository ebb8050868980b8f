package dev.forcelink.core.internal.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most {@code limit} bytes of a body and then cancels the rest, so an error response can
 * never make the client hold an unbounded amount of memory.
 *
 * <p>Used by one response; the HTTP client calls it serially.
 */
final class BoundedBytesSubscriber implements BodySubscriber<BoundedBody> {
  private final int limit;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CompletableFuture<BoundedBody> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

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
      int room = limit - buffer.size();
      int n = Math.min(room, b.remaining());
      byte[] chunk = new byte[n];
      b.get(chunk);
      buffer.write(chunk, 0, n);
      if (b.hasRemaining() || buffer.size() >= limit && hasMore(items, b)) {
        result.complete(new BoundedBody(buffer.toByteArray(), true));
        subscription.cancel();
        return;
      }
    }
  }

  private static boolean hasMore(List<ByteBuffer> items, ByteBuffer current) {
    boolean after = false;
    for (ByteBuffer b : items) {
      if (after && b.hasRemaining()) {
        return true;
      }
      after |= b == current;
    }
    return false;
  }

  @Override
  public void onError(Throwable throwable) {
    // A body cut short still explains the error as far as it goes.
    result.complete(new BoundedBody(buffer.toByteArray(), true));
  }

  @Override
  public void onComplete() {
    result.complete(new BoundedBody(buffer.toByteArray(), false));
  }
}
