package dev.forcelink.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ManagedSubscribeTest {

  @Test
  void commitsOnlyAfterProcessingAndMatchesCommitResponses() {
    try (FakePubSub fake = Orders.fakeWith(50); PubSubClient client = fake.client(Orders.auth())) {
      Set<Long> processed = ConcurrentHashMap.newKeySet();
      List<Long> committedBeforeProcessing = new CopyOnWriteArrayList<>();
      fake.onCommit = c -> {
        if (!processed.contains(c.replay())) {
          committedBeforeProcessing.add(c.replay());
        }
      };
      Subscription s = client.managedSubscribe(ManagedSubscriptionRef.developerName("Order_Sync"),
          SubscribeOptions.builder().checkpointEvery(10).build(),
          e -> processed.add(FakePubSub.replayNumber(com.google.protobuf.ByteString.copyFrom(e.replayId().toBytes()))));

      Orders.await("the last commit", () -> fake.commits.stream().anyMatch(c -> c.replay() == 50));
      s.close();

      assertThat(processed).hasSize(50);
      assertThat(committedBeforeProcessing).isEmpty();
      assertThat(fake.commits).extracting(FakePubSub.SeenCommit::commitId)
          .allSatisfy(id -> assertThat(id).matches("[0-9a-f-]{36}")).doesNotHaveDuplicates();
      assertThat(fake.commits.size()).isLessThanOrEqualTo(50 / 10 + 1);
      assertThat(fake.firstFetches()).singleElement().satisfies(f -> assertThat(f.numRequested()).isPositive());
    }
  }

  @Test
  void aRefusedCommitIsReportedAndTheStreamGoesOn() {
    try (FakePubSub fake = Orders.fakeWith(30); PubSubClient client = fake.client(Orders.auth())) {
      Set<String> refused = ConcurrentHashMap.newKeySet();
      fake.commitFails = id -> refused.isEmpty() && refused.add(id);
      List<CommitFailure> failures = new CopyOnWriteArrayList<>();
      List<String> seen = new CopyOnWriteArrayList<>();
      Subscription s = client.managedSubscribe(ManagedSubscriptionRef.subscriptionId("18x000000000001AAA"),
          SubscribeOptions.builder().checkpointEvery(5).listener(new SubscriptionListener() {
            @Override
            public void onCommitFailure(CommitFailure failure) {
              failures.add(failure);
            }
          }).build(), e -> seen.add(Orders.number(e)));

      Orders.await("30 events", () -> seen.size() == 30);
      Orders.await("the final commit", () -> fake.commits.stream().anyMatch(c -> c.replay() == 30));
      Orders.await("the refused commit's response", () -> !failures.isEmpty());
      assertThat(s.isActive()).isTrue();
      s.close();

      assertThat(failures).singleElement().satisfies(f -> {
        assertThat(refused).contains(f.commitRequestId());
        assertThat(f.message()).contains("commit refused");
      });
      assertThat(s.termination()).isCompleted();
      assertThat(fake.streams.get()).isEqualTo(1);
    }
  }
}
