package dev.forcelink.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class FlowPublisherTest {

  /** Requests 5 at a time, acknowledges each event, and records what it got. */
  private static final class Consumer implements Flow.Subscriber<PubSubEvent> {
    final List<String> seen = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile Flow.Subscription subscription;
    private int received;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
    }

    @Override
    public void onNext(PubSubEvent event) {
      seen.add(Orders.number(event));
      event.ack();
      if (++received % 5 == 0) {
        subscription.request(5);
      }
    }

    @Override
    public void onError(Throwable t) {
      done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }
  }

  @Test
  void demandDrivesFetchingAndAcksMoveTheStore() {
    try (FakePubSub fake = Orders.fakeWith(40); PubSubClient client = fake.client(Orders.auth())) {
      InMemoryReplayStore store = new InMemoryReplayStore();
      Consumer consumer = new Consumer();
      client.publisher(Orders.TOPIC, SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()).replayStore(store).build())
          .subscribe(consumer);

      // No demand yet: no stream.
      assertThat(fake.streams.get()).isZero();
      consumer.subscription.request(5);
      Orders.await("40 events", () -> consumer.seen.size() == 40);
      Orders.await("the stored position", () -> store.load(Orders.TOPIC)
          .map(id -> FakePubSub.replayNumber(ByteString.copyFrom(id.toBytes())) == 40).orElse(false));
      consumer.subscription.cancel();

      assertThat(consumer.seen).containsExactlyElementsOf(Orders.numbers(1, 40));
      // The server was never asked for more than the subscriber had requested.
      assertThat(fake.fetches).allSatisfy(f -> assertThat(f.numRequested()).isLessThanOrEqualTo(5));
      assertThat(fake.maxOutstanding.get()).isLessThanOrEqualTo(5);
    }
  }

  @Test
  void aPermanentErrorEndsInOnError() {
    try (FakePubSub fake = Orders.fakeWith(0); PubSubClient client = fake.client(Orders.auth())) {
      Consumer consumer = new Consumer();
      client.publisher("/event/Missing__e", SubscribeOptions.defaults()).subscribe(consumer);
      consumer.subscription.request(1);

      Throwable failure = consumer.done.handle((ok, t) -> t).join();
      assertThat(failure).isInstanceOfSatisfying(PubSubException.class,
          e -> assertThat(e.errorCode()).contains("sfdc.platform.eventbus.grpc.topic.not.found"));
    }
  }

  @Test
  void nonPositiveRequestIsAnError() {
    try (FakePubSub fake = Orders.fakeWith(1); PubSubClient client = fake.client(Orders.auth())) {
      Consumer consumer = new Consumer();
      client.publisher(Orders.TOPIC, SubscribeOptions.defaults()).subscribe(consumer);
      consumer.subscription.request(0);

      Throwable failure = consumer.done.handle((ok, t) -> t).join();
      assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
    }
  }
}
