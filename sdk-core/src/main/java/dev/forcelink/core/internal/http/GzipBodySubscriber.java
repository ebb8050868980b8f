package dev.forcelink.core.internal.http;

import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.ZipException;

/**
 * Wraps any body subscriber so that it receives the decompressed bytes of a
 * {@code Content-Encoding: gzip} response, chunk by chunk (nothing is buffered whole). Demand is
 * passed through: each upstream chunk becomes one downstream chunk, or one more upstream request
 * when it decoded to nothing.
 *
 * <p>Used by one response; the HTTP client calls it serially.
 *
 * @param <T> the downstream body type
 */
final class GzipBodySubscriber<T> implements BodySubscriber<T> {
  private final BodySubscriber<T> downstream;
  private final GzipDecoder decoder = new GzipDecoder();
  private Flow.Subscription upstream;
  private boolean failed;

  GzipBodySubscriber(BodySubscriber<T> downstream) {
    this.downstream = downstream;
  }

  @Override
  public CompletionStage<T> getBody() {
    return downstream.getBody();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.upstream = subscription;
    downstream.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
        subscription.request(n);
      }

      @Override
      public void cancel() {
        subscription.cancel();
      }
    });
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (failed) {
      return;
    }
    List<ByteBuffer> decoded = new ArrayList<>();
    try {
      for (ByteBuffer item : items) {
        decoded.addAll(decoder.decode(item));
      }
    } catch (ZipException e) {
      failed = true;
      upstream.cancel();
      decoder.end();
      downstream.onError(new IOException("Response declared Content-Encoding gzip but " + e.getMessage(), e));
      return;
    }
    if (decoded.isEmpty()) {
      upstream.request(1);
    } else {
      downstream.onNext(decoded);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    if (!failed) {
      failed = true;
      decoder.end();
      downstream.onError(throwable);
    }
  }

  @Override
  public void onComplete() {
    if (failed) {
      return;
    }
    boolean complete = decoder.isComplete();
    decoder.end();
    if (complete) {
      downstream.onComplete();
    } else {
      failed = true;
      downstream.onError(new IOException("gzip response body ended in the middle of a member (truncated)"));
    }
  }
}
