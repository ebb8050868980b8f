package dev.forcelink.testkit.internal.pubsub.server;

import static dev.forcelink.testkit.internal.pubsub.server.Fetching.ORDER_EVENTS;
import static dev.forcelink.testkit.internal.pubsub.server.SubscribeFlowControlTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.pubsub.internal.proto.FetchResponse;
import dev.forcelink.pubsub.internal.proto.ReplayPreset;
import dev.forcelink.testkit.SalesforceEmulator;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PubSubFaultsTest {

    private SalesforceEmulator emulator;
    private GrpcClient client;
    private String token;

    @BeforeEach
    void start() {
        emulator = SalesforceEmulator.start();
        client = GrpcClient.plaintext(emulator);
        token = emulator.issueAccessToken();
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.close();
        emulator.close();
    }

    @Test
    void streamResetsEveryNEventsAndAResumingClientLosesNothing() throws Exception {
        Fetching.publish(emulator, 25, "e");
        emulator.pubSubFaults().resetStreamEvery(10);

        List<ConsumerEvent> received = new ArrayList<>();
        int resets = 0;
        ByteString resumeAfter = null;
        while (received.size() < 25) {
            Fetching sub = Fetching.subscribe(client, token, ORDER_EVENTS,
                    resumeAfter == null ? ReplayPreset.EARLIEST : ReplayPreset.CUSTOM, resumeAfter, 100);
            List<ConsumerEvent> batch = sub.events(Math.min(10, 25 - received.size()));
            received.addAll(batch);
            resumeAfter = batch.get(batch.size() - 1).getReplayId();
            if (batch.size() == 10) {
                Status status = sub.responses.awaitEnd();
                assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                assertThat(status.getDescription()).contains("RST_STREAM closed stream");
                resets++;
            }
        }
        assertThat(resets).isEqualTo(2);
        assertThat(received).extracting(Fetching::sequence).isSorted().doesNotHaveDuplicates().hasSize(25);
    }

    @Test
    void tokenExpiringMidStreamFailsTheNextResponse() throws Exception {
        Fetching.publish(emulator, 1, "before");
        Fetching sub = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.EARLIEST, null, 10);
        sub.events(1);

        emulator.pubSubFaults().expireTokenMidStream();
        Fetching.publish(emulator, 1, "after");

        Status status = sub.responses.awaitEnd();
        assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(sub.responses.errorCode()).isEqualTo("sfdc.platform.eventbus.grpc.service.auth.error");
        assertThat(sub.responses.messages).isEmpty();
        Fetching renewed = Fetching.subscribe(client, emulator.issueAccessToken(), ORDER_EVENTS,
                ReplayPreset.CUSTOM, sub.last.getLatestReplayId(), 10);
        assertThat(renewed.events(1)).hasSize(1);
    }

    @Test
    void corruptedReplayIdIsRefusedAndOthersStillWork() throws Exception {
        Fetching.publish(emulator, 2, "e");
        List<ConsumerEvent> events = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.EARLIEST, null, 2)
                .events(2);
        emulator.pubSubFaults().corruptReplayId(events.get(0).getReplayId().toByteArray());

        assertInvalid(Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.CUSTOM,
                events.get(0).getReplayId(), 1), "subscription.fetch.replayid.corrupted");
        Fetching other = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.CUSTOM,
                ReplayIds.of(Fetching.sequence(events.get(0)) - 1), 1);
        assertThat(other.events(1)).containsExactly(events.get(0));

        emulator.pubSubFaults().clear();
        assertThat(Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.CUSTOM, events.get(0).getReplayId(),
                1).events(1)).containsExactly(events.get(1));
    }

    @Test
    void slowServerDelaysEveryResponse() throws Exception {
        Fetching.publish(emulator, 3, "e");
        Duration delay = Duration.ofMillis(150);
        emulator.pubSubFaults().delayResponses(delay);

        long started = System.nanoTime();
        Fetching sub = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.EARLIEST, null, 1);
        List<FetchResponse> responses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sub.events(1);
            responses.add(sub.last);
            sub.request(1);
        }
        long elapsed = System.nanoTime() - started;

        assertThat(responses).allSatisfy(r -> assertThat(r.getEventsCount()).isEqualTo(1));
        assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(delay.multipliedBy(3));
    }
}
