package dev.forcelink.testkit.internal.pubsub.server;

import static dev.forcelink.testkit.internal.pubsub.server.Fetching.ORDER_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.pubsub.internal.proto.ErrorCode;
import dev.forcelink.pubsub.internal.proto.ProducerEvent;
import dev.forcelink.pubsub.internal.proto.PubSubGrpc;
import dev.forcelink.pubsub.internal.proto.PublishRequest;
import dev.forcelink.pubsub.internal.proto.PublishResponse;
import dev.forcelink.pubsub.internal.proto.PublishResult;
import dev.forcelink.pubsub.internal.proto.ReplayPreset;
import dev.forcelink.pubsub.internal.proto.TopicRequest;
import dev.forcelink.testkit.PubSubOptions;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.pubsub.AvroDatumCodec;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PublishTest {

    private static SalesforceEmulator emulator;
    private static GrpcClient client;
    private static String token;
    private static PubSubGrpc.PubSubBlockingStub stub;
    private static String schemaId;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().pubSub(PubSubOptions.builder()
                .publishStreamIdleTimeout(Duration.ofMillis(300)).build()).start();
        client = GrpcClient.plaintext(emulator);
        token = emulator.issueAccessToken();
        stub = client.blocking(token);
        schemaId = stub.getTopic(TopicRequest.newBuilder().setTopicName(ORDER_EVENTS).build()).getSchemaId();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        client.close();
        emulator.close();
    }

    @Test
    void eachEventGetsAReplayIdAndItsIdAsCorrelationKeyInRequestOrder() throws Exception {
        PublishResponse response = stub.publish(PublishRequest.newBuilder().setTopicName(ORDER_EVENTS)
                .addEvents(event("evt-1", "first")).addEvents(event("", "second")).build());

        assertThat(response.getSchemaId()).isEqualTo(schemaId);
        assertThat(response.getRpcId()).isNotEmpty();
        List<PublishResult> results = response.getResultsList();
        assertThat(results).hasSize(2).allSatisfy(r -> {
            assertThat(r.hasError()).isFalse();
            assertThat(r.getReplayId().size()).isEqualTo(8);
        });
        assertThat(results.get(0).getCorrelationKey()).isEqualTo("evt-1");
        assertThat(results.get(1).getCorrelationKey()).hasSize(36);

        Fetching sub = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.CUSTOM,
                ReplayIds.of(ReplayIds.sequenceOf(results.get(0).getReplayId()) - 1), 2);
        List<ConsumerEvent> events = sub.events(2);
        assertThat(events).extracting(e -> e.getEvent().getId())
                .containsExactly("evt-1", results.get(1).getCorrelationKey());
        assertThat(events).extracting(ConsumerEvent::getReplayId)
                .containsExactly(results.get(0).getReplayId(), results.get(1).getReplayId());
        assertThat(OrderEvents.decode(OrderEvents.schema(), events.get(1)).get("Status__c").toString())
                .isEqualTo("second");
    }

    @Test
    void badEventsGetErrorResultsWhileTheOthersArePublished() {
        ProducerEvent tooBig = event("big", "x".repeat(PubSubSettings.MAX_EVENT_BYTES));
        ProducerEvent wrongSchema = event("schema", "s").toBuilder().setSchemaId("not-the-schema").build();
        ProducerEvent notAvro = event("garbage", "g").toBuilder()
                .setPayload(ByteString.copyFromUtf8("definitely not avro")).build();

        List<PublishResult> results = stub.publish(PublishRequest.newBuilder().setTopicName(ORDER_EVENTS)
                .addEvents(tooBig).addEvents(wrongSchema).addEvents(event("ok", "fine")).addEvents(notAvro).build())
                .getResultsList();

        assertThat(results).extracting(PublishResult::getCorrelationKey)
                .containsExactly("big", "schema", "ok", "garbage");
        assertThat(results.get(0).getError().getCode()).isEqualTo(ErrorCode.PUBLISH);
        assertThat(results.get(0).getError().getMsg()).contains("1 MB");
        assertThat(results.get(1).getError().getMsg()).contains("not-the-schema");
        assertThat(results.get(2).hasError()).isFalse();
        assertThat(results.get(2).getReplayId().isEmpty()).isFalse();
        assertThat(results.get(3).getError().getCode()).isEqualTo(ErrorCode.PUBLISH);
        assertThat(results.get(3).getReplayId().isEmpty()).isTrue();
    }

    @Test
    void requestOverFourMegabytesFailsTheCall() {
        PublishRequest.Builder request = PublishRequest.newBuilder().setTopicName(ORDER_EVENTS);
        for (int i = 0; i < 5; i++) {
            request.addEvents(event("e" + i, "x".repeat(900 * 1024)));
        }
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> stub.publish(request.build()));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(error.getStatus().getDescription()).contains("4 MB");
    }

    @Test
    void changeEventChannelsRefusePublishing() {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> stub.publish(PublishRequest.newBuilder().setTopicName("/data/AccountChangeEvent")
                        .addEvents(event("e", "x")).build()));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void unknownTopicIsNotFound() {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> stub.publish(PublishRequest.newBuilder().setTopicName("/event/Nope__e")
                        .addEvents(event("e", "x")).build()));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(error.getTrailers().get(PubSubErrors.ERROR_CODE)).endsWith("topic.not.found");
    }

    @Test
    void publishStreamAnswersEachRequestAndRefusesAnotherTopic() throws Exception {
        Recorder<PublishResponse> responses = new Recorder<>();
        StreamObserver<PublishRequest> requests = client.async(token).publishStream(responses);

        requests.onNext(PublishRequest.newBuilder().setTopicName(ORDER_EVENTS).addEvents(event("a", "1")).build());
        requests.onNext(PublishRequest.newBuilder().addEvents(event("b", "2")).addEvents(event("c", "3")).build());
        assertThat(responses.next().getResultsList()).extracting(PublishResult::getCorrelationKey)
                .containsExactly("a");
        assertThat(responses.next().getResultsList()).extracting(PublishResult::getCorrelationKey)
                .containsExactly("b", "c");

        requests.onNext(PublishRequest.newBuilder().setTopicName("/event/Other__e").addEvents(event("d", "4"))
                .build());
        Status status = responses.awaitEnd();
        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(responses.errorCode()).isEqualTo("sfdc.platform.eventbus.grpc.publish.topic.mismatch");
    }

    @Test
    void idlePublishStreamIsClosed() throws Exception {
        Recorder<PublishResponse> responses = new Recorder<>();
        StreamObserver<PublishRequest> requests = client.async(token).publishStream(responses);
        requests.onNext(PublishRequest.newBuilder().setTopicName(ORDER_EVENTS).addEvents(event("a", "1")).build());
        responses.next();

        assertThat(responses.awaitEnd()).isEqualTo(Status.OK);
    }

    private static ProducerEvent event(String id, String status) {
        GenericRecord record = new GenericData.Record(OrderEvents.schema());
        record.put("CreatedDate", System.currentTimeMillis());
        record.put("CreatedById", emulator.userId());
        record.put("Status__c", status);
        record.put("Amount__c", 12.5);
        return ProducerEvent.newBuilder().setId(id).setSchemaId(schemaId)
                .setPayload(ByteString.copyFrom(AvroDatumCodec.encode(record))).build();
    }
}
