package dev.forcelink.pubsub;

import com.google.protobuf.ByteString;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.pubsub.internal.grpc.CallMetadata;
import dev.forcelink.pubsub.internal.proto.CommitReplayRequest;
import dev.forcelink.pubsub.internal.proto.ManagedFetchRequest;
import dev.forcelink.pubsub.internal.proto.ManagedFetchResponse;
import dev.forcelink.pubsub.internal.proto.PubSubGrpc;

/**
 * {@code ManagedSubscribe}: the server keeps the position, which the client advances with commits
 * sent after processing. The first request names the subscription and must not carry a commit.
 */
final class ManagedStreamProtocol implements StreamProtocol {
  private final PubSubGrpc.PubSubStub stub;
  private final ManagedSubscriptionRef ref;

  ManagedStreamProtocol(PubSubGrpc.PubSubStub stub, ManagedSubscriptionRef ref) {
    this.stub = stub;
    this.ref = ref;
  }

  @Override
  public String name() {
    return ref.toString();
  }

  @Override
  public String method() {
    return "eventbus.v1.PubSub/ManagedSubscribe";
  }

  @Override
  public boolean managed() {
    return true;
  }

  @Override
  public Stream open(AccessToken token, String traceId, ReplayFrom from, int numRequested, Sink sink) {
    Observer observer = new Observer(sink);
    stub.withOption(CallMetadata.TOKEN, token).withOption(CallMetadata.TRACE_ID, traceId).managedSubscribe(observer);
    ManagedFetchRequest.Builder first = ManagedFetchRequest.newBuilder().setNumRequested(numRequested);
    if (ref.developerNameOrNull() != null) {
      first.setDeveloperName(ref.developerNameOrNull());
    } else {
      first.setSubscriptionId(ref.subscriptionIdOrNull());
    }
    observer.requests.onNext(first.build());
    return observer;
  }

  private static final class Observer extends StreamCall<ManagedFetchRequest, ManagedFetchResponse> {
    Observer(Sink sink) {
      super(sink);
    }

    @Override
    public void onNext(ManagedFetchResponse r) {
      sink.onBatch(new Batch(r.getEventsList(), r.getLatestReplayId(), r.getRpcId(), r.getPendingNumRequested(),
          r.hasCommitResponse() ? r.getCommitResponse() : null));
    }

    @Override
    public void request(int numRequested) {
      requests.onNext(ManagedFetchRequest.newBuilder().setNumRequested(numRequested).build());
    }

    @Override
    public void commit(String commitRequestId, ReplayId replayId) {
      requests.onNext(ManagedFetchRequest.newBuilder()
          .setCommitReplayIdRequest(CommitReplayRequest.newBuilder()
              .setCommitRequestId(commitRequestId)
              .setReplayId(ByteString.copyFrom(replayId.toBytes())))
          .build());
    }
  }
}
