package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.pubsub.internal.proto.Error;
import dev.forcelink.pubsub.internal.proto.ErrorCode;
import dev.forcelink.pubsub.internal.proto.ProducerEvent;
import dev.forcelink.pubsub.internal.proto.PublishRequest;
import dev.forcelink.pubsub.internal.proto.PublishResponse;
import dev.forcelink.pubsub.internal.proto.PublishResult;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.UUID;

/**
 * Publishes the events of one {@code PublishRequest}, as Salesforce's Pub/Sub API documents Publish: one result per
 * event in request order, with the replay id on success or {@code error{code: PUBLISH}}; {@code correlation_key} is
 * the event's id (a generated UUID when the client sent none). Each event must be a datum of the topic's current
 * schema and at most 1 MB; a request over 4 MB fails the call.
 *
 * <p>Thread-safe.
 */
final class Publisher {

    private final EventBus bus;
    private final String orgId;

    Publisher(EventBus bus, String orgId) {
        this.bus = bus;
        this.orgId = orgId;
    }

    /**
     * Resolves the topic a request names.
     *
     * @param topicName the request's topic name
     * @param rpcId the call's rpc id
     * @return the topic
     * @throws StatusRuntimeException when the name is empty, unknown or not publishable
     */
    Topic topic(String topicName, String rpcId) {
        if (topicName.isEmpty()) {
            throw PubSubErrors.invalid("publish.topic.validation.empty", "A PublishRequest must name a topic in "
                    + "topic_name.", rpcId);
        }
        Topic topic = bus.topic(topicName);
        if (topic == null) {
            throw PubSubErrors.topicNotFound(orgId, topicName, rpcId);
        }
        if (!topic.canPublish()) {
            // The status for publishing to a change event channel is unverified; the org refuses it.
            throw PubSubErrors.error(Status.Code.PERMISSION_DENIED, "topic.meta.permission", "Events can't be "
                    + "published to " + topicName + ": change event channels are written by the org only.", rpcId);
        }
        return topic;
    }

    /**
     * Publishes a request's events.
     *
     * @param topic the request's topic
     * @param request the request
     * @param rpcId the call's rpc id
     * @return the response
     * @throws StatusRuntimeException when the request is over 4 MB or has no event
     */
    PublishResponse publish(Topic topic, PublishRequest request, String rpcId) {
        int size = request.getSerializedSize();
        if (size > PubSubSettings.MAX_REQUEST_BYTES) {
            // Salesforce's gRPC front resets the stream of a request over its 4 MB limit (clients see UNAVAILABLE).
            throw Status.UNAVAILABLE.withDescription("RST_STREAM closed stream: the PublishRequest of " + size
                    + " bytes exceeds the 4 MB limit; send at most 3 MB per request. rpcId: " + rpcId)
                    .asRuntimeException(PubSubErrors.trailers("service.unavailable", rpcId));
        }
        if (request.getEventsCount() == 0) {
            throw PubSubErrors.invalid("publish.event.count.invalid", "A PublishRequest must carry at least one "
                    + "event.", rpcId);
        }
        EventModel model = bus.schemaOf(topic);
        PublishResponse.Builder response = PublishResponse.newBuilder().setSchemaId(model.schemaId()).setRpcId(rpcId);
        for (ProducerEvent event : request.getEventsList()) {
            response.addResults(publishOne(topic, model, event));
        }
        return response.build();
    }

    private PublishResult publishOne(Topic topic, EventModel model, ProducerEvent event) {
        String id = event.getId().isEmpty() ? UUID.randomUUID().toString() : event.getId();
        PublishResult.Builder result = PublishResult.newBuilder().setCorrelationKey(id);
        String problem = null;
        if (event.getPayload().size() > PubSubSettings.MAX_EVENT_BYTES) {
            problem = "The event of " + event.getPayload().size() + " bytes exceeds the maximum event size of 1 MB.";
        } else if (!event.getSchemaId().equals(model.schemaId())) {
            problem = "The schema ID " + event.getSchemaId() + " isn't the schema of " + topic.name()
                    + "; use the schema_id of GetTopic (" + model.schemaId() + ").";
        } else if (!model.isDatum(event.getPayload())) {
            problem = "The payload isn't an Avro binary datum of schema " + model.schemaId() + " of "
                    + topic.name() + ".";
        }
        if (problem != null) {
            return result.setError(Error.newBuilder().setCode(ErrorCode.PUBLISH).setMsg(problem)).build();
        }
        ProducerEvent stored = event.getId().isEmpty() ? event.toBuilder().setId(id).build() : event;
        ConsumerEvent appended = topic.log().append(stored, bus.nowMillis());
        return result.setReplayId(appended.getReplayId()).build();
    }
}
