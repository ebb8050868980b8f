package dev.forcelink.testkit.internal.pubsub.server;

import com.google.protobuf.ByteString;
import dev.forcelink.pubsub.internal.proto.CommitReplayRequest;
import dev.forcelink.pubsub.internal.proto.CommitReplayResponse;
import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.pubsub.internal.proto.Error;
import dev.forcelink.pubsub.internal.proto.ErrorCode;
import dev.forcelink.pubsub.internal.proto.ManagedFetchRequest;
import dev.forcelink.pubsub.internal.proto.ManagedFetchResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One {@code ManagedSubscribe} call, as Salesforce's Pub/Sub API documents it: the first request names a managed
 * subscription by id or developer name; the stream starts after the subscription's last committed replay id (or at
 * its configured start); commits are answered in {@code commit_response}, and a failed commit is reported there
 * without closing the stream. Only one stream per subscription may be open at a time.
 *
 * <p>A commit takes effect when its answer is sent, not when it arrives. Salesforce does not document when it
 * applies a commit; this is the strictest reading, so that a client which cancels its stream before the answer (with
 * responses delayed by a fault, for instance) really may lose the commit, as it would risk with the service.
 *
 * <p>Thread-safe.
 */
final class ManagedSubscribeStream extends EventStream<ManagedFetchRequest, ManagedFetchResponse> {

    private final ArrayDeque<CommitReplayResponse> commitResponses = new ArrayDeque<>();
    private ManagedSubscription subscription;

    ManagedSubscribeStream(StreamServices services, CallContext call,
                           ServerCallStreamObserver<ManagedFetchResponse> out) {
        super(services, call, out);
    }

    @Override
    protected void handle(ManagedFetchRequest request) {
        if (topic() == null) {
            first(request);
        } else if (request.hasCommitReplayIdRequest()) {
            commitResponses.add(commit(request.getCommitReplayIdRequest()));
        }
        if (request.getNumRequested() < 0) {
            throw PubSubErrors.invalid("managed.subscription.fetch.request.events.invalid", "num_requested must not "
                    + "be negative, got " + request.getNumRequested() + ".", call.rpcId());
        }
        addRequested(request.getNumRequested());
    }

    private void first(ManagedFetchRequest request) {
        boolean byId = !request.getSubscriptionId().isEmpty();
        boolean byName = !request.getDeveloperName().isEmpty();
        if (byId == byName) {
            throw PubSubErrors.invalid("managed.subscription.id.or.developer.name.empty", "The first "
                    + "ManagedFetchRequest must carry exactly one of subscription_id and developer_name.", call.rpcId());
        }
        if (request.hasCommitReplayIdRequest()) {
            throw PubSubErrors.invalid("managed.subscription.fetch.request.commit.request.restricted", "The first "
                    + "ManagedFetchRequest must not carry commit_replay_id_request.", call.rpcId());
        }
        if (!request.getAuthRefresh().isEmpty()) {
            throw PubSubErrors.invalid("managed.subscription.fetch.request.auth.request.restricted", "The first "
                    + "ManagedFetchRequest must not carry auth_refresh.", call.rpcId());
        }
        ManagedSubscriptionRegistry registry = services.control().managedSubscriptions();
        ManagedSubscription found = byId ? registry.byId(request.getSubscriptionId())
                : registry.byDeveloperName(request.getDeveloperName());
        if (found == null) {
            // The gRPC status of managed-subscription errors is unverified; NOT_FOUND fits.
            throw byId
                    ? PubSubErrors.error(Status.Code.NOT_FOUND, "managed.subscription.subscription.id.not.found",
                            "No managed subscription has id " + request.getSubscriptionId() + ".", call.rpcId())
                    : PubSubErrors.error(Status.Code.NOT_FOUND, "managed.subscription.developer.name.not.found",
                            "No managed subscription has developer name " + request.getDeveloperName() + ".",
                            call.rpcId());
        }
        Topic topic = services.bus().topic(found.topicName());
        if (topic == null) {
            throw PubSubErrors.topicNotFound(services.orgId(), found.topicName(), call.rpcId());
        }
        if (!found.activate()) {
            throw PubSubErrors.error(Status.Code.FAILED_PRECONDITION, "managed.subscription.already.active",
                    "Managed subscription " + found.developerName() + " already has an open stream; close it "
                            + "before opening another.", call.rpcId());
        }
        subscription = found;
        start(topic, firstSequence(topic, found));
    }

    private long firstSequence(Topic topic, ManagedSubscription found) {
        long first = topic.log().firstSequence(services.bus().nowMillis());
        byte[] committed = found.committedReplayId();
        if (committed != null) {
            long sequence = ReplayIds.sequenceOf(ByteString.copyFrom(committed));
            // Events after the commit that passed the retention window are gone: resume at the oldest retained one.
            return Math.max(sequence + 1, first);
        }
        return found.startAtEarliest() ? first : topic.log().lastSequence() + 1;
    }

    private CommitReplayResponse commit(CommitReplayRequest request) {
        CommitReplayResponse.Builder response = CommitReplayResponse.newBuilder()
                .setCommitRequestId(request.getCommitRequestId())
                .setReplayId(request.getReplayId())
                .setProcessTime(System.currentTimeMillis());
        try {
            sequenceOf(topic(), request.getReplayId());
        } catch (StatusRuntimeException e) {
            response.setError(Error.newBuilder().setCode(ErrorCode.COMMIT).setMsg("The replay ID of commit "
                    + request.getCommitRequestId() + " is not a valid replay ID of " + topic().name()
                    + "; commit a latest_replay_id received on this stream.").build());
        }
        return response.build();
    }

    @Override
    protected Object pollControl() {
        return commitResponses.poll();
    }

    @Override
    protected ManagedFetchResponse response(List<ConsumerEvent> events, ByteString latestReplayId,
                                            int pendingRequested, Object control) {
        ManagedFetchResponse.Builder response = ManagedFetchResponse.newBuilder()
                .addAllEvents(events)
                .setLatestReplayId(latestReplayId)
                .setRpcId(call.rpcId())
                .setPendingNumRequested(pendingRequested);
        if (control != null) {
            CommitReplayResponse answer = (CommitReplayResponse) control;
            if (!answer.hasError()) {
                subscription.commit(answer.getReplayId().toByteArray());
            }
            response.setCommitResponse(answer);
        }
        return response.build();
    }

    @Override
    protected void released() {
        if (subscription != null) {
            subscription.release();
        }
    }
}
