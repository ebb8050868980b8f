package dev.forcelink.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class BoundedBytesSubscriberTest {

  private static final class RecordingSubscription implements Flow.Subscription {
    boolean cancelled;

    @Override
    public void request(long n) {}

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  private static List<ByteBuffer> bytes(int n) {
    return List.of(ByteBuffer.wrap(new byte[n]));
  }

  @Test
  void aSmallBodyIsKeptWhole() {
    BoundedBytesSubscriber s = new BoundedBytesSubscriber(100);
    RecordingSubscription sub = new RecordingSubscription();
    s.onSubscribe(sub);
    s.onNext(bytes(60));
    s.onComplete();

    BoundedBody body = s.getBody().toCompletableFuture().join();
    assertThat(body.bytes()).hasSize(60);
    assertThat(body.truncated()).isFalse();
    assertThat(sub.cancelled).isFalse();
  }

  @Test
  void aLargerBodyKeepsTheBoundAndIsDrainedNotCancelled() {
    BoundedBytesSubscriber s = new BoundedBytesSubscriber(100);
    RecordingSubscription sub = new RecordingSubscription();
    s.onSubscribe(sub);
    s.onNext(bytes(70));
    s.onNext(bytes(70));
    assertThat(s.getBody().toCompletableFuture()).isNotDone();
    s.onNext(bytes(200_000));
    s.onComplete();

    BoundedBody body = s.getBody().toCompletableFuture().join();
    assertThat(body.bytes()).hasSize(100);
    assertThat(body.truncated()).isTrue();
    assertThat(sub.cancelled).isFalse();
  }

  @Test
  void aBodyBeyondTheDrainLimitIsCancelled() {
    BoundedBytesSubscriber s = new BoundedBytesSubscriber(100);
    RecordingSubscription sub = new RecordingSubscription();
    s.onSubscribe(sub);
    for (long sent = 0; sent <= BoundedBytesSubscriber.DRAIN_LIMIT; sent += 65_536) {
      s.onNext(bytes(65_536));
    }

    BoundedBody body = s.getBody().toCompletableFuture().join();
    assertThat(body.bytes()).hasSize(100);
    assertThat(body.truncated()).isTrue();
    assertThat(sub.cancelled).isTrue();
  }

  @Test
  void anInterruptedBodyStillGivesWhatArrived() {
    BoundedBytesSubscriber s = new BoundedBytesSubscriber(100);
    s.onSubscribe(new RecordingSubscription());
    s.onNext(bytes(30));
    s.onError(new java.io.IOException("reset"));

    BoundedBody body = s.getBody().toCompletableFuture().join();
    assertThat(body.bytes()).hasSize(30);
    assertThat(body.truncated()).isTrue();
  }
}
