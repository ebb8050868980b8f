package dev.forcelink.testkit.internal.pubsub.server;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Pub/Sub errors as Salesforce sends them (see its Pub/Sub API error handling docs): a gRPC status, the trailer
 * {@code error-code} holding {@code sfdc.platform.eventbus.grpc.<suffix>}, and a description ending in
 * {@code rpcId: <uuid>}. The rpc id is also sent in the trailer {@code rpc-id}; the key Salesforce uses for it is
 * unverified. Stateless.
 */
final class PubSubErrors {

    static final String PREFIX = "sfdc.platform.eventbus.grpc.";
    static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("error-code", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> RPC_ID = Metadata.Key.of("rpc-id", Metadata.ASCII_STRING_MARSHALLER);

    static final String AUTH_MESSAGE =
            "An authentication exception occurred. Provide valid authentication via metadata headers.";
    static final String REPLAY_CORRUPTED_MESSAGE = "The Replay ID validation failed. Ensure that the Replay ID is "
            + "valid and within the retention window, or subscribe with EARLIEST or LATEST.";

    private PubSubErrors() {
    }

    /**
     * @param code the gRPC status code
     * @param suffix the error code after {@value #PREFIX}, e.g. {@code topic.not.found}
     * @param message what went wrong and what to do
     * @param rpcId the call's rpc id
     * @return the exception to close the call with
     */
    static StatusRuntimeException error(Status.Code code, String suffix, String message, String rpcId) {
        return Status.fromCode(code).withDescription(message + " rpcId: " + rpcId).asRuntimeException(trailers(suffix,
                rpcId));
    }

    static Metadata trailers(String suffix, String rpcId) {
        Metadata trailers = new Metadata();
        trailers.put(ERROR_CODE, PREFIX + suffix);
        trailers.put(RPC_ID, rpcId);
        return trailers;
    }

    static StatusRuntimeException auth(String rpcId) {
        return error(Status.Code.UNAUTHENTICATED, "service.auth.error", AUTH_MESSAGE, rpcId);
    }

    static StatusRuntimeException topicNotFound(String orgId, String topicName, String rpcId) {
        return error(Status.Code.NOT_FOUND, "topic.not.found", "The topic information for org CORE/prod/" + orgId
                + " and topic " + topicName + " not found. Ensure the topic name is correct and that you have "
                + "access to it.", rpcId);
    }

    static StatusRuntimeException replayCorrupted(String rpcId) {
        return error(Status.Code.INVALID_ARGUMENT, "subscription.fetch.replayid.corrupted", REPLAY_CORRUPTED_MESSAGE,
                rpcId);
    }

    static StatusRuntimeException invalid(String suffix, String message, String rpcId) {
        return error(Status.Code.INVALID_ARGUMENT, suffix, message, rpcId);
    }

    /** The transient stream reset of the Pub/Sub API error handling docs, which clients retry. */
    static StatusRuntimeException streamReset() {
        return Status.UNAVAILABLE.withDescription("RST_STREAM closed stream. HTTP/2 error code: CANCEL")
                .asRuntimeException();
    }
}
