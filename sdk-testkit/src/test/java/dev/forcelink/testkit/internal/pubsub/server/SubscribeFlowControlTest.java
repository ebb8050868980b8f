package dev.forcelink.testkit.internal.pubsub.server;

import static dev.forcelink.testkit.internal.pubsub.server.Fetching.ORDER_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.pubsub.internal.proto.FetchRequest;
import dev.forcelink.pubsub.internal.proto.FetchResponse;
import dev.forcelink.pubsub.internal.proto.ReplayPreset;
import dev.forcelink.testkit.PubSubOptions;
import dev.forcelink.testkit.SalesforceEmulator;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscribe flow control, with a 300 ms keepalive so that quiet periods show up as empty responses. */
class SubscribeFlowControlTest {

    private SalesforceEmulator emulator;
    private GrpcClient client;
    private String token;

    @BeforeEach
    void start() {
        emulator = SalesforceEmulator.builder().pubSub(PubSubOptions.builder()
                .keepaliveInterval(Duration.ofMillis(300)).idleTimeout(Duration.ofSeconds(30)).build()).start();
        client = GrpcClient.plaintext(emulator);
        token = emulator.issueAccessToken();
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.close();
        emulator.close();
    }

    @Test
    void deliversOnlyWhatWasRequestedAndReportsWhatIsStillOwed() throws Exception {
        Fetching.publish(emulator, 5, "e");
        Fetching sub = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.EARLIEST, null, 3);

        List<ConsumerEvent> first = sub.events(3);
        assertThat(sub.last.getPendingNumRequested()).isZero();
        assertThat(sub.last.getLatestReplayId()).isEqualTo(first.get(2).getReplayId());
        assertThat(sub.last.getRpcId()).isNotEmpty();
        FetchResponse quiet = sub.keepalive();
        assertThat(quiet.getPendingNumRequested()).isZero();
        assertThat(quiet.getLatestReplayId()).as("the position, not the topic's tip").isEqualTo(first.get(2)
                .getReplayId());

        sub.request(5);
        List<ConsumerEvent> rest = sub.events(2);
        assertThat(sub.last.getPendingNumRequested()).isEqualTo(3);
        assertThat(Fetching.sequence(rest.get(0))).isEqualTo(Fetching.sequence(first.get(2)) + 1);

        Fetching.publish(emulator, 1, "late");
        sub.events(1);
        assertThat(sub.last.getPendingNumRequested()).isEqualTo(2);
    }

    @Test
    void outstandingRequestsAddUpToAtMostOneHundred() throws Exception {
        Fetching sub = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.LATEST, null, 80);
        sub.request(80);
        FetchResponse keepalive;
        do {
            keepalive = sub.keepalive();
        } while (keepalive.getPendingNumRequested() != 100);

        Fetching.publish(emulator, 150, "e");
        List<ConsumerEvent> events = sub.events(100);
        assertThat(sub.last.getPendingNumRequested()).isZero();
        FetchResponse after = sub.keepalive();
        assertThat(after.getLatestReplayId()).isEqualTo(events.get(99).getReplayId());
    }

    @Test
    void oneLargeRequestIsCappedAtOneHundred() throws Exception {
        Fetching sub = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.LATEST, null, 500);
        assertThat(sub.keepalive().getPendingNumRequested()).isEqualTo(100);
    }

    @Test
    void keepaliveCarriesTheLatestReplayIdWhenThereAreNoEvents() throws Exception {
        Fetching.publish(emulator, 2, "e");
        Fetching earliest = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.EARLIEST, null, 2);
        ConsumerEvent newest = earliest.events(2).get(1);

        Fetching sub = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.LATEST, null, 1);
        FetchResponse keepalive = sub.keepalive();
        assertThat(keepalive.getLatestReplayId()).isEqualTo(newest.getReplayId());
        assertThat(keepalive.getPendingNumRequested()).isEqualTo(1);
        assertThat(sub.responses.end).isNotDone();
    }

    @Test
    void numRequestedMustBePositive() throws Exception {
        Fetching first = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.LATEST, null, 0);
        assertInvalid(first, "subscription.fetch.requested.events.invalid");

        Fetching later = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.LATEST, null, 1);
        later.request(-1);
        assertInvalid(later, "subscription.fetch.requested.events.invalid");
    }

    @Test
    void changingTheTopicFails() throws Exception {
        Fetching sub = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.LATEST, null, 1);
        sub.requests.onNext(FetchRequest.newBuilder().setTopicName("/data/AccountChangeEvent").setNumRequested(1)
                .build());
        assertInvalid(sub, "subscription.fetch.topic.mismatch");
    }

    @Test
    void unknownTopicIsNotFound() throws Exception {
        Fetching sub = Fetching.subscribe(client, token, "/event/Nope__e", ReplayPreset.LATEST, null, 1);
        assertThat(sub.responses.awaitEnd().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(sub.responses.errorCode()).isEqualTo("sfdc.platform.eventbus.grpc.topic.not.found");
    }

    @Test
    void aClientThatReadsOneMessageAtATimeStillGetsEveryEvent() throws Exception {
        Fetching.publish(emulator, 250, "e");
        Fetching sub = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.EARLIEST, null, 100);
        List<ConsumerEvent> events = new java.util.ArrayList<>(sub.events(100));
        sub.request(100);
        events.addAll(sub.events(100));
        sub.request(100);
        events.addAll(sub.events(50));
        assertThat(events).extracting(Fetching::sequence).isSorted().doesNotHaveDuplicates().hasSize(250);
    }

    static void assertInvalid(Fetching sub, String suffix) throws Exception {
        Status status = sub.responses.awaitEnd();
        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(sub.responses.errorCode()).isEqualTo(PubSubErrors.PREFIX + suffix);
        assertThat(status.getDescription()).contains("rpcId: ");
    }
}
