package dev.forcelink.pubsub.emulator;

import static dev.forcelink.pubsub.emulator.EmulatorOrg.ORDERS;
import static dev.forcelink.pubsub.emulator.EmulatorOrg.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.pubsub.InMemoryReplayStore;
import dev.forcelink.pubsub.OutgoingEvent;
import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.pubsub.PubSubEvent;
import dev.forcelink.pubsub.PublishResult;
import dev.forcelink.pubsub.ReplayFrom;
import dev.forcelink.pubsub.ReplayId;
import dev.forcelink.pubsub.SubscribeOptions;
import dev.forcelink.pubsub.Subscription;
import dev.forcelink.testkit.PubSubOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where a subscription starts, as Salesforce's Pub/Sub API documentation describes Subscribe and replay:
 * EARLIEST, LATEST, a stored replay id, a given one.
 */
class SubscribeEmulatorTest {
  private EmulatorOrg org;
  private PubSubClient client;
  private final List<PubSubEvent> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    // A short keepalive lets a LATEST subscription learn the tip, and so show it is live, at once.
    org = EmulatorOrg.start(PubSubOptions.builder().keepaliveInterval(Duration.ofMillis(100)).build());
    client = org.client();
  }

  @AfterEach
  void stop() {
    org.close();
  }

  private Subscription subscribe(SubscribeOptions.Builder options) {
    return client.subscribe(ORDERS, options.build(), received::add);
  }

  private List<Integer> numbers() {
    return received.stream().map(DeliveryLog::number).toList();
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.rangeClosed(from, to).boxed().toList();
  }

  private List<ReplayId> publish(int from, int to) {
    List<OutgoingEvent> events = range(from, to).stream()
        .map(i -> OutgoingEvent.of(org.order(i))).toList();
    return client.publish(ORDERS, events).stream().map(r -> r.replayId().orElseThrow()).toList();
  }

  @Test
  void earliestDeliversEveryRetainedEventInOrder() {
    org.publishOrders(1, 5);

    Subscription s = subscribe(SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()));
    await("5 events", () -> received.size() == 5);
    s.close();

    assertThat(numbers()).containsExactlyElementsOf(range(1, 5));
    assertThat(received).extracting(PubSubEvent::topic).containsOnly(ORDERS);
    assertThat(s.lastProcessed()).contains(received.get(4).replayId());
  }

  @Test
  void latestDeliversOnlyEventsPublishedAfterTheStreamOpened() {
    org.publishOrders(1, 3);
    InMemoryReplayStore store = new InMemoryReplayStore();

    Subscription s = subscribe(SubscribeOptions.builder().replayFrom(ReplayFrom.latest()).replayStore(store));
    // The keepalive's latest_replay_id is stored once every received event is processed: the stream is open.
    await("the tip of the stream stored", () -> store.load(ORDERS).isPresent());
    org.publishOrders(4, 6);
    await("3 new events", () -> received.size() == 3);
    s.close();

    assertThat(numbers()).containsExactly(4, 5, 6);
  }

  @Test
  void aStoredReplayIdWinsOverTheConfiguredStartAndResumesJustAfterIt() {
    List<ReplayId> ids = publish(1, 5);
    InMemoryReplayStore store = new InMemoryReplayStore();
    store.save("orders-sync", ids.get(1));

    Subscription s = subscribe(SubscribeOptions.builder().replayFrom(ReplayFrom.latest()).replayStore(store)
        .subscriptionKey("orders-sync"));
    await("events 3 to 5", () -> received.size() == 3);
    s.close();

    assertThat(numbers()).containsExactly(3, 4, 5);
    assertThat(received).extracting(PubSubEvent::replayId).containsExactlyElementsOf(ids.subList(2, 5));
    assertThat(store.load("orders-sync")).contains(ids.get(4));
  }

  @Test
  void afterAGivenReplayIdStartsWithTheNextEvent() {
    List<ReplayId> ids = publish(1, 4);

    Subscription s = subscribe(SubscribeOptions.builder().replayFrom(ReplayFrom.after(ids.get(2))));
    await("event 4", () -> received.size() == 1);
    s.close();

    assertThat(numbers()).containsExactly(4);
  }

  @Test
  void flowControlDeliversMoreEventsThanOneRequestAsksFor() {
    org.publishOrders(1, 120);

    Subscription s = subscribe(SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()).batchSize(7));
    await("120 events", () -> received.size() == 120);
    s.close();

    assertThat(numbers()).containsExactlyElementsOf(range(1, 120));
  }

  @Test
  void aFlowSubscriberGetsWhatItRequestsAndItsAcknowledgementsMoveTheStoredPosition() throws Exception {
    org.publishOrders(1, 6);
    InMemoryReplayStore store = new InMemoryReplayStore();
    CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();
    client.publisher(ORDERS, SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()).replayStore(store).build())
        .subscribe(new Flow.Subscriber<PubSubEvent>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscribed.complete(subscription);
          }

          @Override
          public void onNext(PubSubEvent item) {
            received.add(item);
          }

          @Override
          public void onError(Throwable throwable) {
            subscribed.completeExceptionally(throwable);
          }

          @Override
          public void onComplete() {}
        });
    Flow.Subscription subscription = subscribed.get(10, TimeUnit.SECONDS);

    subscription.request(4);
    await("4 events", () -> received.size() == 4);
    received.get(0).ack();
    received.get(1).ack();
    await("the second event's id stored", () -> store.load(ORDERS).equals(Optional.of(received.get(1).replayId())));
    subscription.request(2);
    await("6 events", () -> received.size() == 6);
    subscription.cancel();

    assertThat(numbers()).containsExactlyElementsOf(range(1, 6));
    // Unacknowledged events never move the position.
    assertThat(store.load(ORDERS)).contains(received.get(1).replayId());
  }

  @Test
  void publishResultsNameTheReplayIdsSubscribersSee() {
    List<PublishResult> results = client.publish(ORDERS, List.of(
        OutgoingEvent.of("key-1", org.order(1)), OutgoingEvent.of("key-2", org.order(2))));

    Subscription s = subscribe(SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()));
    await("2 events", () -> received.size() == 2);
    s.close();

    assertThat(received).extracting(PubSubEvent::replayId)
        .containsExactly(results.get(0).replayId().orElseThrow(), results.get(1).replayId().orElseThrow());
    assertThat(received).extracting(PubSubEvent::eventId).containsExactly("key-1", "key-2");
  }
}
