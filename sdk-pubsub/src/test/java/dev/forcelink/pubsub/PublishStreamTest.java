package dev.forcelink.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PublishStreamTest {

  @Test
  void pipelinesBatchesAndMatchesEachResponseToItsBatch() {
    try (FakePubSub fake = Orders.fakeWith(0); PubSubClient client = fake.client(Orders.auth())) {
      // The fake answers only once three requests are in: a client that waited for each answer would hang.
      fake.holdPublishStreamResponsesUntil = 3;
      fake.reverseResults = true;
      try (PublishStream stream = client.openPublishStream(Orders.TOPIC)) {
        CompletableFuture<List<PublishResult>> a = stream.publish(List.of(OutgoingEvent.of("a1", Orders.order(1))));
        CompletableFuture<List<PublishResult>> b = stream.publish(List.of(OutgoingEvent.of("b1", Orders.order(2)),
            OutgoingEvent.of("b2", Orders.order(3))));
        CompletableFuture<List<PublishResult>> c = stream.publish(List.of(OutgoingEvent.of("c1", Orders.order(4))));

        assertThat(a.join()).extracting(PublishResult::correlationKey).containsExactly("a1");
        assertThat(b.join()).extracting(PublishResult::correlationKey).containsExactly("b1", "b2");
        assertThat(c.join()).extracting(PublishResult::correlationKey).containsExactly("c1");
        assertThat(b.join()).allSatisfy(r -> assertThat(r.isSuccess()).isTrue());
      }
      assertThat(fake.publishStreams.get()).isEqualTo(1);
    }
  }

  @Test
  void closesWhenIdleAndReopensOnTheNextPublish() {
    try (FakePubSub fake = Orders.fakeWith(0);
         PubSubClient client = fake.client(Orders.auth(), b -> b.publishStreamIdleTimeout(Duration.ofMillis(50)))) {
      try (PublishStream stream = client.openPublishStream(Orders.TOPIC)) {
        assertThat(stream.publish(List.of(Orders.order(1))).join()).hasSize(1);
        Orders.await("the idle half-close", () -> fake.publishStreamHalfCloses.get() == 1);
        assertThat(stream.publish(List.of(Orders.order(2))).join()).singleElement()
            .satisfies(r -> assertThat(r.isSuccess()).isTrue());
      }
      assertThat(fake.publishStreams.get()).isEqualTo(2);
    }
  }

  @Test
  void largeInputIsSplitAndTheFutureJoinsTheParts() {
    try (FakePubSub fake = Orders.fakeWith(0); PubSubClient client = fake.client(Orders.auth())) {
      List<Object> many = new java.util.ArrayList<>();
      for (int i = 1; i <= 250; i++) {
        many.add(Orders.order(i));
      }
      try (PublishStream stream = client.openPublishStream(Orders.TOPIC)) {
        assertThat(stream.publish(many).join()).hasSize(250).allSatisfy(r -> assertThat(r.isSuccess()).isTrue());
      }
      assertThat(fake.publishRequests).extracting(r -> r.getEventsCount()).containsExactly(200, 50);
    }
  }
}
