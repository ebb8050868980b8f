package dev.forcelink.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.retry.RetryPolicy;
import dev.forcelink.pubsub.internal.proto.ReplayPreset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A corrupted or expired replay id is reported and handled per policy, never skipped silently. */
class ReplayGapTest {
  private static final ReplayId EXPIRED = ReplayId.of(FakePubSub.replayId(9_999).toByteArray());

  private static SubscribeOptions options(ReplayGapPolicy policy, List<ReplayGap> gaps) {
    InMemoryReplayStore store = new InMemoryReplayStore();
    store.save(Orders.TOPIC, EXPIRED);
    return SubscribeOptions.builder().replayStore(store).gapPolicy(policy)
        .resumePolicy(RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(1)).build())
        .listener(new SubscriptionListener() {
          @Override
          public void onReplayGap(ReplayGap gap) {
            gaps.add(gap);
          }
        }).build();
  }

  @Test
  void failPolicyStopsAndReportsTheGap() {
    try (FakePubSub fake = Orders.fakeWith(20); PubSubClient client = fake.client(Orders.auth())) {
      List<ReplayGap> gaps = new CopyOnWriteArrayList<>();
      List<String> seen = new CopyOnWriteArrayList<>();
      Subscription s = client.subscribe(Orders.TOPIC, options(ReplayGapPolicy.FAIL, gaps), e -> seen.add(Orders.number(e)));

      Throwable failure = s.termination().handle((ok, t) -> t).join();

      assertThat(failure).isInstanceOf(PubSubException.class);
      assertThat(((PubSubException) failure).errorCode())
          .contains("sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted");
      assertThat(failure.getMessage()).contains(EXPIRED.toHex()).contains("ReplayGapPolicy");
      assertThat(gaps).singleElement().satisfies(g -> {
        assertThat(g.action()).isEqualTo(ReplayGapPolicy.FAIL);
        assertThat(g.rejectedReplayId()).contains(EXPIRED);
        assertThat(g.rpcId()).isPresent();
      });
      assertThat(fake.firstFetches()).singleElement().satisfies(f -> assertThat(f.preset()).isEqualTo(ReplayPreset.CUSTOM));
      assertThat(seen).isEmpty();
    }
  }

  @Test
  void earliestPolicyReportsTheGapThenReplaysEverything() {
    try (FakePubSub fake = Orders.fakeWith(20); PubSubClient client = fake.client(Orders.auth())) {
      List<ReplayGap> gaps = new CopyOnWriteArrayList<>();
      List<String> seen = new CopyOnWriteArrayList<>();
      Subscription s = client.subscribe(Orders.TOPIC, options(ReplayGapPolicy.EARLIEST, gaps), e -> seen.add(Orders.number(e)));

      Orders.await("20 events", () -> seen.size() == 20);
      s.close();

      assertThat(seen).containsExactlyElementsOf(Orders.numbers(1, 20));
      assertThat(gaps).singleElement().satisfies(g -> assertThat(g.action()).isEqualTo(ReplayGapPolicy.EARLIEST));
      assertThat(fake.firstFetches()).extracting(FakePubSub.SeenFetch::preset)
          .containsExactly(ReplayPreset.CUSTOM, ReplayPreset.EARLIEST);
    }
  }

  @Test
  void latestPolicyReportsTheGapBeforeJumping() {
    try (FakePubSub fake = Orders.fakeWith(20); PubSubClient client = fake.client(Orders.auth())) {
      List<ReplayGap> gaps = new CopyOnWriteArrayList<>();
      List<String> seen = new CopyOnWriteArrayList<>();
      Subscription s = client.subscribe(Orders.TOPIC, options(ReplayGapPolicy.LATEST, gaps), e -> seen.add(Orders.number(e)));

      Orders.await("the LATEST stream", () -> fake.firstFetches().size() == 2);
      assertThat(gaps).singleElement().satisfies(g -> {
        assertThat(g.action()).isEqualTo(ReplayGapPolicy.LATEST);
        assertThat(g.errorCode()).endsWith("replayid.corrupted");
      });
      fake.append(Orders.TOPIC, Orders.order(21));
      Orders.await("the new event", () -> seen.size() == 1);
      s.close();

      assertThat(seen).containsExactly("ORD-21");
      assertThat(fake.firstFetches()).extracting(FakePubSub.SeenFetch::preset)
          .containsExactly(ReplayPreset.CUSTOM, ReplayPreset.LATEST);
    }
  }
}
