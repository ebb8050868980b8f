package dev.forcelink.benchmarks.pubsub;

import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.pubsub.ReplayFrom;
import dev.forcelink.pubsub.SubscribeOptions;
import dev.forcelink.pubsub.Subscription;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Consumes a topic through {@link PubSubClient} with its default flow control and one handler
 * thread, decoding each event as the raw baseline does.
 *
 * <p>One use per instance; not thread-safe.
 */
final class ClientSubscriber {
  private final PubSubClient client;

  /** Warms the client up to the point the raw baseline starts from: channel open, schema cached. */
  ClientSubscriber(PubSubClient client, String topic) {
    this.client = client;
    client.getSchema(client.getTopic(topic).schemaId());
  }

  /**
   * Reads {@code count} events of {@code topic} from the earliest one, decoding each.
   *
   * @return a checksum of one decoded field, so that decoding cannot be skipped
   */
  double consume(String topic, int count) throws Exception {
    CompletableFuture<Double> done = new CompletableFuture<>();
    // The handler runs on one thread at a time (concurrency 1), each run after the previous one ends.
    double[] checksum = new double[1];
    int[] received = new int[1];
    SubscribeOptions options = SubscribeOptions.builder().replayFrom(ReplayFrom.earliest()).build();
    try (Subscription subscription = client.subscribe(topic, options, event -> {
      checksum[0] += ((Number) event.asGenericRecord().get("Amount__c")).doubleValue();
      if (++received[0] == count) {
        done.complete(checksum[0]);
      }
    })) {
      subscription.termination().whenComplete((ok, failure) -> {
        if (failure != null) {
          done.completeExceptionally(failure);
        }
      });
      return done.get(30, TimeUnit.MINUTES);
    }
  }
}
