package dev.forcelink.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FlowControlTest {

  @Test
  void fastConsumerKeepsDemandToppedUpAndNeverAbove100() throws Exception {
    // 20 ms per response: the latency that makes stop-and-wait slow. 300 events in responses of 5, so a
    // refill at the watermark (50 still owed) has 10 responses of slack even on a loaded machine.
    try (FakePubSub fake = Orders.fakeWith(300); PubSubClient client = fake.client(Orders.auth())) {
      fake.latency = Duration.ofMillis(20);
      fake.maxPerResponse = 5;
      List<String> seen = new CopyOnWriteArrayList<>();
      Subscription s = client.subscribe(Orders.TOPIC,
          SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()).build(), e -> seen.add(Orders.number(e)));

      Orders.await("300 events", () -> seen.size() == 300); // about 60 responses of 20 ms
      s.close();

      assertThat(seen).containsExactlyElementsOf(Orders.numbers(1, 300));
      assertThat(fake.maxOutstanding.get()).isLessThanOrEqualTo(100);
      // Never starved: the server always had demand left while it had events to send.
      assertThat(fake.starvedResponses.get()).isZero();
      List<FakePubSub.SeenFetch> refills = fake.fetches.stream().filter(f -> !f.first()).toList();
      assertThat(refills).isNotEmpty();
      // Every refill arrived while the server still owed events: pipelined, not stop-and-wait.
      assertThat(refills).allSatisfy(f -> assertThat(f.pendingBefore()).isPositive());
      // Stop-and-wait at 5 per request would need 60 round trips; here each request carries ~half a batch.
      assertThat(fake.fetches).hasSizeLessThanOrEqualTo(300 / 50 + 2);
      assertThat(fake.streams.get()).isEqualTo(1);
    }
  }

  @Test
  void slowConsumerPushesBackOnTheServer() throws Exception {
    try (FakePubSub fake = Orders.fakeWith(500); PubSubClient client = fake.client(Orders.auth())) {
      CountDownLatch release = new CountDownLatch(1);
      List<String> seen = new CopyOnWriteArrayList<>();
      Subscription s = client.subscribe(Orders.TOPIC, SubscribeOptions.builder().replayFrom(ReplayFrom.earliest())
          .batchSize(10).lowWatermark(5).queueCapacity(20).build(), e -> {
            release.await();
            seen.add(Orders.number(e));
          });

      Orders.await("the queue to fill", () -> fake.delivered.get() == 20);
      // Capacity 20, all taken: nothing more was asked for.
      assertThat(fake.totalRequested.get()).isEqualTo(20);
      release.countDown();
      Orders.await("500 events", () -> seen.size() == 500);
      s.close();

      assertThat(seen).containsExactlyElementsOf(Orders.numbers(1, 500));
      assertThat(fake.maxOutstanding.get()).isLessThanOrEqualTo(10);
    }
  }

  @Test
  void requestsAgainAsSoonAsPendingReachesZeroAndTheConsumerIsReady() throws Exception {
    try (FakePubSub fake = Orders.fakeWith(10); PubSubClient client = fake.client(Orders.auth())) {
      fake.idleClose = Duration.ofSeconds(5);
      fake.maxPerResponse = 10;
      List<String> seen = new CopyOnWriteArrayList<>();
      Subscription s = client.subscribe(Orders.TOPIC, SubscribeOptions.builder().replayFrom(ReplayFrom.earliest())
          .batchSize(10).lowWatermark(0).queueCapacity(10).build(), e -> seen.add(Orders.number(e)));

      Orders.await("a second request", () -> fake.fetches.size() >= 2);
      Orders.await("10 events", () -> seen.size() == 10);
      s.close();

      FakePubSub.SeenFetch second = fake.fetches.get(1);
      assertThat(second.first()).isFalse();
      assertThat(second.pendingBefore()).isZero();
      assertThat(second.numRequested()).isPositive();
      assertThat(fake.idleCloses.get()).isZero();
      assertThat(fake.streams.get()).isEqualTo(1);
    }
  }

  @Test
  void concurrentHandlersStoreOnlyAContiguousPrefix() throws Exception {
    try (FakePubSub fake = Orders.fakeWith(200); PubSubClient client = fake.client(Orders.auth())) {
      InMemoryReplayStore store = new InMemoryReplayStore();
      List<String> seen = new CopyOnWriteArrayList<>();
      CountDownLatch first = new CountDownLatch(1);
      Subscription s = client.subscribe(Orders.TOPIC, SubscribeOptions.builder().replayFrom(ReplayFrom.earliest())
          .concurrency(4).replayStore(store).build(), e -> {
            if (Orders.number(e).equals("ORD-1")) {
              // Hold the first event until others have finished: the stored position must not pass it.
              assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
            }
            seen.add(Orders.number(e));
          });

      Orders.await("others processed", () -> seen.size() >= 20);
      assertThat(store.load(Orders.TOPIC)).isEmpty();
      first.countDown();
      Orders.await("200 events", () -> seen.size() == 200);
      Orders.await("the final position", () -> store.load(Orders.TOPIC).isPresent()
          && FakePubSub.replayNumber(com.google.protobuf.ByteString.copyFrom(store.load(Orders.TOPIC).get().toBytes())) == 200);
      s.close();
      assertThat(seen).containsExactlyInAnyOrderElementsOf(Orders.numbers(1, 200));
    }
  }
}
