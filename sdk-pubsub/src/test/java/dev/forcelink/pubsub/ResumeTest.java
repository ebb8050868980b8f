package dev.forcelink.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.idempotency.InMemoryProcessedMessageLedger;
import dev.forcelink.core.retry.RetryPolicy;
import dev.forcelink.pubsub.internal.proto.ReplayPreset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stream resets, token expiry, stalls and restarts lose nothing and dedupe the rest. */
class ResumeTest {
  private static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(5)
      .baseDelay(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build();

  /** Records what the raw handler saw and what got past the ledger. */
  private static final class Recorder {
    final List<String> raw = new CopyOnWriteArrayList<>();
    final List<String> processed = new CopyOnWriteArrayList<>();
    final EventHandler handler;

    Recorder() {
      EventHandler inner = e -> processed.add(Orders.number(e));
      EventHandler idempotent = IdempotentHandler.wrap(inner, InMemoryProcessedMessageLedger.create());
      handler = e -> {
        raw.add(Orders.number(e));
        idempotent.handle(e);
      };
    }
  }

  private static void resumesAfterProcessedOrFromStart(FakePubSub.SeenFetch start) {
    assertThat(start.preset()).isIn(ReplayPreset.CUSTOM, ReplayPreset.EARLIEST);
    if (start.preset() == ReplayPreset.CUSTOM) {
      assertThat(FakePubSub.replayNumber(start.replayId())).isPositive();
    }
  }

  private static SubscribeOptions.Builder options() {
    return SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()).resumePolicy(FAST);
  }

  @Test
  void streamResetEveryNEventsLosesNothing() {
    try (FakePubSub fake = Orders.fakeWith(500); PubSubClient client = fake.client(Orders.auth())) {
      fake.resetEvery = 37;
      Recorder r = new Recorder();
      List<Resubscribed> resubscribes = new CopyOnWriteArrayList<>();
      Subscription s = client.subscribe(Orders.TOPIC, options().listener(new SubscriptionListener() {
        @Override
        public void onResubscribe(Resubscribed event) {
          resubscribes.add(event);
        }
      }).build(), r.handler);

      Orders.await("500 events", () -> r.processed.size() == 500);
      s.close();

      assertThat(r.processed).containsExactlyElementsOf(Orders.numbers(1, 500));
      assertThat(fake.streams.get()).isGreaterThanOrEqualTo(500 / 37);
      List<FakePubSub.SeenFetch> starts = fake.firstFetches();
      assertThat(starts.get(0).preset()).isEqualTo(ReplayPreset.EARLIEST);
      // Every resumption continues after an event already processed (or from the start if none was yet):
      // never LATEST, and the resumed positions only move forward.
      assertThat(starts.subList(1, starts.size())).allSatisfy(ResumeTest::resumesAfterProcessedOrFromStart);
      assertThat(starts.get(starts.size() - 1).preset()).isEqualTo(ReplayPreset.CUSTOM);
      assertThat(resubscribes).isNotEmpty().allSatisfy(e -> assertThat(e.reason()).contains("UNAVAILABLE"));
    }
  }

  @Test
  void tokenExpiryMidStreamRefreshesAndResumesFromTheStoredId() {
    TestAuth auth = Orders.auth();
    try (FakePubSub fake = Orders.fakeWith(200); PubSubClient client = fake.client(auth)) {
      fake.validTokens.add("00D5e000000AbCd!token-two");
      fake.expireTokenAfter = 50;
      Recorder r = new Recorder();
      Subscription s = client.subscribe(Orders.TOPIC, options().build(), r.handler);

      Orders.await("200 events", () -> r.processed.size() == 200);
      s.close();

      assertThat(r.processed).containsExactlyElementsOf(Orders.numbers(1, 200));
      // Only the expired token was ever reported (a schema fetch racing the stream may report it too).
      assertThat(auth.rejected).extracting(t -> t.value().reveal()).containsOnly("00D5e000000AbCd!token-one");
      List<FakePubSub.SeenFetch> starts = fake.firstFetches();
      assertThat(starts).hasSize(2);
      assertThat(starts.get(1).token()).isEqualTo("00D5e000000AbCd!token-two");
      resumesAfterProcessedOrFromStart(starts.get(1));
      assertThat(FakePubSub.replayNumber(starts.get(1).replayId())).isLessThanOrEqualTo(50L);
    }
  }

  @Test
  void stalledStreamIsRestartedByTheWatchdog() {
    try (FakePubSub fake = Orders.fakeWith(100); PubSubClient client = fake.client(Orders.auth())) {
      fake.stallAfter = 30;
      Recorder r = new Recorder();
      Subscription s = client.subscribe(Orders.TOPIC, options().stallTimeout(Duration.ofMillis(200)).build(), r.handler);

      Orders.await("100 events", () -> r.processed.size() == 100);
      s.close();

      assertThat(r.processed).containsExactlyElementsOf(Orders.numbers(1, 100));
      List<FakePubSub.SeenFetch> starts = fake.firstFetches();
      assertThat(starts).hasSize(2);
      assertThat(FakePubSub.replayNumber(starts.get(1).replayId())).isEqualTo(30);
    }
  }

  @Test
  void consumerStallingPastTheIdleCloseResumesWithoutLoss() throws Exception {
    try (FakePubSub fake = Orders.fakeWith(60); PubSubClient client = fake.client(Orders.auth())) {
      fake.idleClose = Duration.ofMillis(100);
      CountDownLatch stalled = new CountDownLatch(1);
      Recorder r = new Recorder();
      Subscription s = client.subscribe(Orders.TOPIC, options().batchSize(10).lowWatermark(5).queueCapacity(10).build(),
          e -> {
            if (Orders.number(e).equals("ORD-5") && stalled.getCount() > 0) {
              // The consumer stalls until the server has closed the idle stream.
              Orders.await("the idle close", () -> fake.idleCloses.get() > 0);
              stalled.countDown();
            }
            r.handler.handle(e);
          });

      assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
      Orders.await("60 events", () -> r.processed.size() == 60);
      s.close();

      assertThat(r.processed).containsExactlyElementsOf(Orders.numbers(1, 60));
      assertThat(fake.firstFetches()).hasSizeGreaterThanOrEqualTo(2)
          .allSatisfy(f -> assertThat(f.preset()).isNotEqualTo(ReplayPreset.LATEST));
    }
  }

  @Test
  void processRestartResumesFromTheFileStore(@TempDir Path dir) {
    FileReplayStore store = FileReplayStore.create(dir);
    InMemoryProcessedMessageLedger ledger = InMemoryProcessedMessageLedger.create();
    List<String> processed = new CopyOnWriteArrayList<>();
    List<String> raw = new CopyOnWriteArrayList<>();
    EventHandler handler = IdempotentHandler.wrap(e -> processed.add(Orders.number(e)), ledger);
    try (FakePubSub fake = Orders.fakeWith(100)) {
      AtomicInteger count = new AtomicInteger();
      CountDownLatch crash = new CountDownLatch(1);
      try (PubSubClient first = fake.client(Orders.auth())) {
        first.subscribe(Orders.TOPIC, options().replayStore(store).build(), e -> {
          raw.add(Orders.number(e));
          handler.handle(e);
          if (count.incrementAndGet() == 60) {
            crash.countDown();
          }
        });
        Orders.await("60 events", () -> crash.getCount() == 0);
      }
      ReplayId stored = store.load(Orders.TOPIC).orElseThrow();
      long storedNumber = FakePubSub.replayNumber(ByteString.copyFrom(stored.toBytes()));
      assertThat(storedNumber).isBetween(60L, 100L);

      List<String> second = new ArrayList<>();
      try (PubSubClient restarted = fake.client(Orders.auth())) {
        restarted.subscribe(Orders.TOPIC, options().replayStore(store).build(), e -> {
          synchronized (second) {
            second.add(Orders.number(e));
          }
          handler.handle(e);
        });
        Orders.await("100 events", () -> processed.size() == 100);
      }

      assertThat(processed).containsExactlyElementsOf(Orders.numbers(1, 100));
      // The new process starts right after the stored id: duplicates only since the last stored id.
      synchronized (second) {
        if (storedNumber < 100) {
          assertThat(second.get(0)).isEqualTo("ORD-" + (storedNumber + 1));
        }
      }
      FakePubSub.SeenFetch restart = fake.firstFetches().get(fake.firstFetches().size() - 1);
      assertThat(restart.preset()).isEqualTo(ReplayPreset.CUSTOM);
      assertThat(FakePubSub.replayNumber(restart.replayId())).isEqualTo(storedNumber);
    }
  }

  @Test
  void givesUpAfterTheConfiguredAttemptsAndReportsTheErrorCode() {
    TestAuth auth = new TestAuth("00D5e000000AbCd!token-one", "00D5e000000AbCd!token-two", "00D5e000000AbCd!token-3");
    try (FakePubSub fake = Orders.fakeWith(10); PubSubClient client = fake.client(auth)) {
      fake.validTokens.clear();
      Subscription s = client.subscribe(Orders.TOPIC, options().resumePolicy(RetryPolicy.builder().maxAttempts(2)
          .baseDelay(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(1)).build()).build(), e -> {});

      Throwable failure = s.termination().handle((ok, t) -> t).join();
      assertThat(failure).isInstanceOf(PubSubException.class);
      PubSubException e = (PubSubException) failure;
      assertThat(e.status()).isEqualTo("UNAUTHENTICATED");
      assertThat(e.errorCode()).contains("sfdc.platform.eventbus.grpc.service.auth.error");
      assertThat(e.rpcId()).isPresent();
      assertThat(e.getMessage()).contains("rpcId").doesNotContain("token-");
      assertThat(s.isActive()).isFalse();
      assertThat(auth.rejected).extracting(AccessToken::toString).allSatisfy(t -> assertThat(t).doesNotContain("token-"));
    }
  }
}
