package dev.forcelink.testkit.internal.pubsub.server;

import static dev.forcelink.testkit.internal.pubsub.server.Fetching.ORDER_EVENTS;
import static dev.forcelink.testkit.internal.pubsub.server.SubscribeFlowControlTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.pubsub.internal.proto.ReplayPreset;
import dev.forcelink.testkit.MutableClock;
import dev.forcelink.testkit.PubSubOptions;
import dev.forcelink.testkit.SalesforceEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private SalesforceEmulator emulator;
    private GrpcClient client;
    private String token;

    @BeforeEach
    void start() {
        emulator = SalesforceEmulator.builder().clock(clock).pubSub(PubSubOptions.builder()
                .retention(Duration.ofHours(72)).maxEventsPerTopic(10).keepaliveInterval(Duration.ofMillis(300))
                .build()).start();
        client = GrpcClient.plaintext(emulator);
        token = emulator.issueAccessToken();
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.close();
        emulator.close();
    }

    @Test
    void earliestLatestAndCustomStartWhereTheyShould() throws Exception {
        Fetching.publish(emulator, 3, "old");
        List<ConsumerEvent> all = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.EARLIEST, null, 10)
                .events(3);
        assertThat(status(all.get(0))).isEqualTo("old0");
        assertThat(all.get(0).getReplayId().size()).isEqualTo(8);

        Fetching latest = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.LATEST, null, 10);
        Fetching custom = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.CUSTOM,
                all.get(0).getReplayId(), 10);
        assertThat(custom.events(2)).extracting(ReplayTest::status).containsExactly("old1", "old2");
        latest.keepalive();
        Fetching.publish(emulator, 1, "new");
        assertThat(latest.events(1)).extracting(ReplayTest::status).containsExactly("new0");
        assertThat(custom.events(1)).extracting(ReplayTest::status).containsExactly("new0");
    }

    @Test
    void customReplayFromTheStartPositionOfAnEmptyTopicWaitsForTheFirstEvent() throws Exception {
        Fetching latest = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.LATEST, null, 1);
        ByteString position = latest.keepalive().getLatestReplayId();

        Fetching custom = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.CUSTOM, position, 1);
        Fetching.publish(emulator, 1, "first");
        assertThat(custom.events(1)).extracting(ReplayTest::status).containsExactly("first0");
    }

    @Test
    void customWithoutReplayIdFailsValidation() throws Exception {
        assertInvalid(Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.CUSTOM, null, 1),
                "subscription.fetch.replayid.validation.failed");
    }

    @Test
    void unknownOrMalformedReplayIdsAreCorrupted() throws Exception {
        Fetching.publish(emulator, 1, "e");
        for (ByteString id : List.of(ReplayIds.of(999), ByteString.copyFromUtf8("garbage"),
                ByteString.copyFrom(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1}))) {
            Fetching sub = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.CUSTOM, id, 1);
            assertInvalid(sub, "subscription.fetch.replayid.corrupted");
            assertThat(sub.responses.awaitEnd().getDescription()).startsWith("The Replay ID val");
        }
    }

    @Test
    void replayIdsOlderThanTheRetentionWindowAreCorrupted() throws Exception {
        Fetching.publish(emulator, 2, "old");
        List<ConsumerEvent> old = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.EARLIEST, null, 2)
                .events(2);
        clock.advance(Duration.ofHours(73));
        token = emulator.issueAccessToken();
        Fetching.publish(emulator, 1, "new");

        assertInvalid(Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.CUSTOM, old.get(0).getReplayId(),
                1), "subscription.fetch.replayid.corrupted");
        // The newest expired id is still a valid position: nothing after it was lost.
        assertThat(Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.CUSTOM, old.get(1).getReplayId(), 1)
                .events(1)).extracting(ReplayTest::status).containsExactly("new0");
        assertThat(Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.EARLIEST, null, 5).events(1))
                .extracting(ReplayTest::status).containsExactly("new0");
    }

    @Test
    void replayIdsOfEventsBeyondTheTopicCapacityAreCorrupted() throws Exception {
        Fetching.publish(emulator, 12, "e");
        List<ConsumerEvent> kept = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.EARLIEST, null, 20)
                .events(10);
        assertThat(status(kept.get(0))).isEqualTo("e2");

        assertInvalid(Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.CUSTOM, ReplayIds.of(
                Fetching.sequence(kept.get(0)) - 2), 1), "subscription.fetch.replayid.corrupted");
    }

    private static String status(ConsumerEvent event) {
        Schema schema = OrderEvents.schema();
        return OrderEvents.decode(schema, event).get("Status__c").toString();
    }
}
