package dev.forcelink.testkit.internal.pubsub.server;

import com.google.protobuf.ByteString;
import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.pubsub.internal.proto.FetchRequest;
import dev.forcelink.pubsub.internal.proto.FetchResponse;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;

/**
 * One {@code Subscribe} call, as Salesforce's Pub/Sub API documents it: the first request names the topic and where
 * to start, later ones only add requested events and must not change the topic.
 *
 * <p>Thread-safe.
 */
final class SubscribeStream extends EventStream<FetchRequest, FetchResponse> {

    SubscribeStream(StreamServices services, CallContext call, ServerCallStreamObserver<FetchResponse> out) {
        super(services, call, out);
    }

    @Override
    protected void handle(FetchRequest request) {
        Topic topic = topic();
        if (topic == null) {
            if (request.getTopicName().isEmpty()) {
                throw PubSubErrors.invalid("topic.validation.empty",
                        "The first FetchRequest must name a topic in topic_name.", call.rpcId());
            }
            topic = services.bus().topic(request.getTopicName());
            if (topic == null) {
                throw PubSubErrors.topicNotFound(services.orgId(), request.getTopicName(), call.rpcId());
            }
            checkRequested(request.getNumRequested());
            start(topic, firstSequence(topic, request));
        } else {
            if (!request.getTopicName().isEmpty() && !request.getTopicName().equals(topic.name())) {
                throw PubSubErrors.invalid("subscription.fetch.topic.mismatch", "The topic " + request.getTopicName()
                        + " differs from " + topic.name() + ", the topic of this subscription. Subscribe again to "
                        + "change topics.", call.rpcId());
            }
            checkRequested(request.getNumRequested());
        }
        addRequested(request.getNumRequested());
    }

    @Override
    protected FetchResponse response(List<ConsumerEvent> events, ByteString latestReplayId, int pendingRequested,
                                     Object control) {
        return FetchResponse.newBuilder()
                .addAllEvents(events)
                .setLatestReplayId(latestReplayId)
                .setRpcId(call.rpcId())
                .setPendingNumRequested(pendingRequested)
                .build();
    }

    private void checkRequested(int numRequested) {
        if (numRequested <= 0) {
            throw PubSubErrors.invalid("subscription.fetch.requested.events.invalid", "num_requested must be "
                    + "greater than 0, got " + numRequested + ".", call.rpcId());
        }
    }

    private long firstSequence(Topic topic, FetchRequest request) {
        switch (request.getReplayPreset()) {
            case LATEST:
                return topic.log().lastSequence() + 1;
            case EARLIEST:
                return topic.log().firstSequence(services.bus().nowMillis());
            case CUSTOM:
                if (request.getReplayId().isEmpty()) {
                    throw PubSubErrors.invalid("subscription.fetch.replayid.validation.failed", "A CUSTOM replay "
                            + "preset needs a replay_id; subscribe with EARLIEST or LATEST otherwise.", call.rpcId());
                }
                return sequenceOf(topic, request.getReplayId()) + 1;
            default:
                throw PubSubErrors.invalid("subscription.fetch.request.invalid", "Unknown replay_preset "
                        + request.getReplayPresetValue() + "; use LATEST, EARLIEST or CUSTOM.", call.rpcId());
        }
    }
}
