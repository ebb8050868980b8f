package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.pubsub.internal.proto.FetchRequest;
import dev.forcelink.pubsub.internal.proto.FetchResponse;
import dev.forcelink.pubsub.internal.proto.ManagedFetchRequest;
import dev.forcelink.pubsub.internal.proto.ManagedFetchResponse;
import dev.forcelink.pubsub.internal.proto.PubSubGrpc;
import dev.forcelink.pubsub.internal.proto.PublishRequest;
import dev.forcelink.pubsub.internal.proto.PublishResponse;
import dev.forcelink.pubsub.internal.proto.SchemaInfo;
import dev.forcelink.pubsub.internal.proto.SchemaRequest;
import dev.forcelink.pubsub.internal.proto.TopicInfo;
import dev.forcelink.pubsub.internal.proto.TopicRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * The six RPCs of {@code eventbus.v1.PubSub} (Salesforce's {@code pubsub_api.proto}). Calls reach it through
 * {@link AuthInterceptor}.
 *
 * <p>Thread-safe.
 */
final class PubSubService extends PubSubGrpc.PubSubImplBase {

    private final StreamServices services;
    private final Publisher publisher;

    PubSubService(StreamServices services) {
        this.services = services;
        this.publisher = new Publisher(services.bus(), services.orgId());
    }

    @Override
    public void getTopic(TopicRequest request, StreamObserver<TopicInfo> responses) {
        CallContext call = CallContext.current();
        Topic topic = request.getTopicName().isEmpty() ? null : services.bus().topic(request.getTopicName());
        if (topic == null) {
            responses.onError(PubSubErrors.topicNotFound(services.orgId(), request.getTopicName(), call.rpcId()));
            return;
        }
        responses.onNext(TopicInfo.newBuilder()
                .setTopicName(topic.name())
                .setTenantGuid(services.orgId())
                .setCanPublish(topic.canPublish())
                .setCanSubscribe(true)
                .setSchemaId(services.bus().schemaOf(topic).schemaId())
                .setRpcId(call.rpcId())
                .build());
        responses.onCompleted();
    }

    @Override
    public void getSchema(SchemaRequest request, StreamObserver<SchemaInfo> responses) {
        CallContext call = CallContext.current();
        String json = request.getSchemaId().isEmpty() ? null : services.bus().schemaJson(request.getSchemaId());
        if (json == null) {
            // The status and code for an unknown schema id are unverified.
            responses.onError(PubSubErrors.error(Status.Code.NOT_FOUND, "schema.validation.failed", "No schema has "
                    + "id " + request.getSchemaId() + "; use the schema_id of GetTopic or of an event.", call.rpcId()));
            return;
        }
        responses.onNext(SchemaInfo.newBuilder().setSchemaJson(json).setSchemaId(request.getSchemaId())
                .setRpcId(call.rpcId()).build());
        responses.onCompleted();
    }

    @Override
    public void publish(PublishRequest request, StreamObserver<PublishResponse> responses) {
        CallContext call = CallContext.current();
        try {
            Topic topic = publisher.topic(request.getTopicName(), call.rpcId());
            responses.onNext(publisher.publish(topic, request, call.rpcId()));
            responses.onCompleted();
        } catch (StatusRuntimeException e) {
            responses.onError(e);
        }
    }

    @Override
    public StreamObserver<PublishRequest> publishStream(StreamObserver<PublishResponse> responses) {
        return new PublishStreamCall(publisher, services, CallContext.current(), responses);
    }

    @Override
    public StreamObserver<FetchRequest> subscribe(StreamObserver<FetchResponse> responses) {
        return new SubscribeStream(services, CallContext.current(),
                (ServerCallStreamObserver<FetchResponse>) responses);
    }

    @Override
    public StreamObserver<ManagedFetchRequest> managedSubscribe(StreamObserver<ManagedFetchResponse> responses) {
        return new ManagedSubscribeStream(services, CallContext.current(),
                (ServerCallStreamObserver<ManagedFetchResponse>) responses);
    }
}
