package dev.forcelink.testkit.internal.pubsub.server;

import static dev.forcelink.testkit.internal.pubsub.server.Fetching.ORDER_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.forcelink.pubsub.internal.proto.CommitReplayRequest;
import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.pubsub.internal.proto.ErrorCode;
import dev.forcelink.pubsub.internal.proto.ManagedFetchRequest;
import dev.forcelink.pubsub.internal.proto.ManagedFetchResponse;
import dev.forcelink.testkit.ManagedSubscriptions;
import dev.forcelink.testkit.SalesforceEmulator;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManagedSubscribeTest {

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
    void commitsAreAnsweredAndAReconnectResumesAfterTheLastCommit() throws Exception {
        String id = emulator.managedSubscriptions().create("Orders_Sync", ORDER_EVENTS,
                ManagedSubscriptions.Start.EARLIEST);
        Fetching.publish(emulator, 5, "e");

        Managed first = Managed.open(client, token, ManagedFetchRequest.newBuilder().setDeveloperName("Orders_Sync")
                .setNumRequested(3).build());
        List<ConsumerEvent> events = first.events(3);
        first.requests.onNext(commit("c-1", events.get(2).getReplayId()));
        ManagedFetchResponse committed = first.commitResponse();
        assertThat(committed.getCommitResponse().getCommitRequestId()).isEqualTo("c-1");
        assertThat(committed.getCommitResponse().getReplayId()).isEqualTo(events.get(2).getReplayId());
        assertThat(committed.getCommitResponse().hasError()).isFalse();
        assertThat(committed.getCommitResponse().getProcessTime()).isPositive();
        assertThat(emulator.managedSubscriptions().committedReplayId("Orders_Sync"))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(events.get(2).getReplayId().toByteArray()));
        first.requests.onError(new IllegalStateException("client goes away"));
        first.responses.awaitEnd();

        Managed second = Managed.reopen(client, token, ManagedFetchRequest.newBuilder().setSubscriptionId(id)
                .setNumRequested(10).build());
        assertThat(second.events(2)).extracting(Fetching::sequence)
                .containsExactly(Fetching.sequence(events.get(2)) + 1, Fetching.sequence(events.get(2)) + 2);
    }

    @Test
    void aCommitTakesEffectWhenAnsweredSoCancellingBeforeTheAnswerLosesIt() throws Exception {
        emulator.managedSubscriptions().create("Orders_Sync", ORDER_EVENTS, ManagedSubscriptions.Start.EARLIEST);
        Fetching.publish(emulator, 3, "e");
        Managed first = Managed.open(client, token, ManagedFetchRequest.newBuilder().setDeveloperName("Orders_Sync")
                .setNumRequested(3).build());
        List<ConsumerEvent> events = first.events(3);

        // The answer waits 1 s; the cancellation right behind the commit reaches the server long before.
        emulator.pubSubFaults().delayResponses(java.time.Duration.ofSeconds(1));
        first.requests.onNext(commit("c-1", events.get(2).getReplayId()));
        first.requests.onError(new IllegalStateException("client goes away"));
        first.responses.awaitEnd();

        // Reopening succeeds only once the server has ended the first stream, which can then answer nothing.
        Managed second = Managed.reopen(client, token, ManagedFetchRequest.newBuilder().setDeveloperName("Orders_Sync")
                .setNumRequested(3).build());
        assertThat(emulator.managedSubscriptions().committedReplayId("Orders_Sync")).isEmpty();
        emulator.pubSubFaults().clear();
        assertThat(second.events(3)).extracting(Fetching::sequence)
                .containsExactlyElementsOf(events.stream().map(Fetching::sequence).toList());
    }

    @Test
    void aFailedCommitIsReportedAndTheStreamGoesOn() throws Exception {
        emulator.managedSubscriptions().create("Orders_Sync", ORDER_EVENTS, ManagedSubscriptions.Start.LATEST);
        Managed stream = Managed.open(client, token, ManagedFetchRequest.newBuilder().setDeveloperName("Orders_Sync")
                .setNumRequested(1).build());

        stream.requests.onNext(commit("bad", ByteString.copyFromUtf8("nonsense")));
        ManagedFetchResponse failed = stream.commitResponse();
        assertThat(failed.getCommitResponse().getError().getCode()).isEqualTo(ErrorCode.COMMIT);
        assertThat(failed.getCommitResponse().getCommitRequestId()).isEqualTo("bad");

        Fetching.publish(emulator, 1, "after");
        assertThat(stream.events(1)).hasSize(1);
        assertThat(stream.responses.end).isNotDone();
        assertThat(emulator.managedSubscriptions().committedReplayId("Orders_Sync")).isEmpty();
    }

    @Test
    void firstRequestMustNameExactlyOneKnownSubscription() throws Exception {
        emulator.managedSubscriptions().create("Orders_Sync", ORDER_EVENTS, ManagedSubscriptions.Start.LATEST);

        assertFails(ManagedFetchRequest.newBuilder().setNumRequested(1).build(), Status.Code.INVALID_ARGUMENT,
                "managed.subscription.id.or.developer.name.empty");
        assertFails(ManagedFetchRequest.newBuilder().setDeveloperName("Orders_Sync").setSubscriptionId("x")
                .build(), Status.Code.INVALID_ARGUMENT, "managed.subscription.id.or.developer.name.empty");
        assertFails(ManagedFetchRequest.newBuilder().setDeveloperName("Nope").build(), Status.Code.NOT_FOUND,
                "managed.subscription.developer.name.not.found");
        assertFails(ManagedFetchRequest.newBuilder().setDeveloperName("Orders_Sync")
                .setCommitReplayIdRequest(CommitReplayRequest.newBuilder().setCommitRequestId("c")).build(),
                Status.Code.INVALID_ARGUMENT, "managed.subscription.fetch.request.commit.request.restricted");
    }

    @Test
    void onlyOneStreamPerSubscriptionAtATime() throws Exception {
        emulator.managedSubscriptions().create("Orders_Sync", ORDER_EVENTS, ManagedSubscriptions.Start.LATEST);
        Managed open = Managed.open(client, token, ManagedFetchRequest.newBuilder().setDeveloperName("Orders_Sync")
                .setNumRequested(0).build());
        open.requests.onNext(commit("c", ReplayIds.of(0)));
        open.commitResponse();

        assertFails(ManagedFetchRequest.newBuilder().setDeveloperName("Orders_Sync").build(),
                Status.Code.FAILED_PRECONDITION, "managed.subscription.already.active");
    }

    private void assertFails(ManagedFetchRequest request, Status.Code code, String suffix) throws Exception {
        Managed stream = Managed.open(client, token, request);
        assertThat(stream.responses.awaitEnd().getCode()).isEqualTo(code);
        assertThat(stream.responses.errorCode()).isEqualTo(PubSubErrors.PREFIX + suffix);
    }

    private static ManagedFetchRequest commit(String requestId, ByteString replayId) {
        return ManagedFetchRequest.newBuilder().setCommitReplayIdRequest(CommitReplayRequest.newBuilder()
                .setCommitRequestId(requestId).setReplayId(replayId)).build();
    }

    /** One ManagedSubscribe call. */
    private static final class Managed {
        final Recorder<ManagedFetchResponse> responses = new Recorder<>();
        StreamObserver<ManagedFetchRequest> requests;

        static Managed open(GrpcClient client, String token, ManagedFetchRequest first) {
            Managed managed = new Managed();
            managed.requests = client.async(token).managedSubscribe(managed.responses);
            managed.requests.onNext(first);
            return managed;
        }

        /** Opens a stream once the server has seen the previous one go (its cancellation arrives asynchronously). */
        static Managed reopen(GrpcClient client, String token, ManagedFetchRequest first) throws Exception {
            for (int attempt = 0; attempt < 50; attempt++) {
                Managed managed = open(client, token, first);
                ManagedFetchResponse response = managed.responses.messages.poll(100, TimeUnit.MILLISECONDS);
                if (response != null) {
                    managed.responses.messages.addFirst(response);
                    return managed;
                }
                if (!managed.responses.end.isDone()) {
                    return managed;
                }
                assertThat(managed.responses.awaitEnd().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            }
            throw new AssertionError("the previous stream was never released");
        }

        List<ConsumerEvent> events(int count) throws InterruptedException {
            List<ConsumerEvent> events = new ArrayList<>();
            while (events.size() < count) {
                events.addAll(responses.next().getEventsList());
            }
            return events;
        }

        ManagedFetchResponse commitResponse() throws InterruptedException {
            ManagedFetchResponse response;
            do {
                response = responses.next();
            } while (!response.hasCommitResponse());
            return response;
        }
    }
}
