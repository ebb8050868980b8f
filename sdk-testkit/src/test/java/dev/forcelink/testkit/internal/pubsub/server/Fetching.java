package dev.forcelink.testkit.internal.pubsub.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.pubsub.internal.proto.FetchRequest;
import dev.forcelink.pubsub.internal.proto.FetchResponse;
import dev.forcelink.pubsub.internal.proto.ReplayPreset;
import dev.forcelink.testkit.SalesforceEmulator;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Subscribe helpers shared by the stream tests. */
final class Fetching {

    static final String ORDER_EVENTS = "/event/Order_Event__e";

    final Recorder<FetchResponse> responses = new Recorder<>();
    final StreamObserver<FetchRequest> requests;
    FetchResponse last;

    private Fetching(GrpcClient client, String token) {
        requests = client.async(token).subscribe(responses);
    }

    static Fetching subscribe(GrpcClient client, String token, String topic, ReplayPreset preset, ByteString replayId,
                              int numRequested) {
        Fetching fetching = new Fetching(client, token);
        FetchRequest.Builder first = FetchRequest.newBuilder().setTopicName(topic).setReplayPreset(preset)
                .setNumRequested(numRequested);
        if (replayId != null) {
            first.setReplayId(replayId);
        }
        fetching.requests.onNext(first.build());
        return fetching;
    }

    void request(int numRequested) {
        requests.onNext(FetchRequest.newBuilder().setTopicName(ORDER_EVENTS).setNumRequested(numRequested).build());
    }

    /** Collects responses until {@code count} events came; empty keepalive responses are skipped. */
    List<ConsumerEvent> events(int count) throws InterruptedException {
        List<ConsumerEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + Recorder.WAIT.toNanos();
        while (events.size() < count) {
            assertThat(System.nanoTime()).as(count + " events within " + Recorder.WAIT).isLessThan(deadline);
            last = responses.next();
            events.addAll(last.getEventsList());
        }
        assertThat(events).hasSize(count);
        return events;
    }

    /** @return the next empty response (a keepalive), after checking no event came before it */
    FetchResponse keepalive() throws InterruptedException {
        FetchResponse response = responses.next();
        assertThat(response.getEventsList()).as("events before the keepalive").isEmpty();
        return response;
    }

    static void publish(SalesforceEmulator emulator, int count, String prefix) {
        for (int i = 0; i < count; i++) {
            emulator.publishPlatformEvent("Order_Event__e", Map.of("Status__c", prefix + i));
        }
    }

    static long sequence(ConsumerEvent event) {
        return ReplayIds.sequenceOf(event.getReplayId());
    }
}
