package dev.forcelink.pubsub;

import com.google.protobuf.ByteString;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.pubsub.internal.grpc.CallMetadata;
import dev.forcelink.pubsub.internal.proto.FetchRequest;
import dev.forcelink.pubsub.internal.proto.FetchResponse;
import dev.forcelink.pubsub.internal.proto.PubSubGrpc;
import dev.forcelink.pubsub.internal.proto.ReplayPreset;

/** {@code Subscribe}: the client keeps the position and sends it as the replay preset and id. */
final class PlainStreamProtocol implements StreamProtocol {
  private final PubSubGrpc.PubSubStub stub;
  private final String topic;

  PlainStreamProtocol(PubSubGrpc.PubSubStub stub, String topic) {
    this.stub = stub;
    this.topic = topic;
  }

  @Override
  public String name() {
    return topic;
  }

  @Override
  public String method() {
    return "eventbus.v1.PubSub/Subscribe";
  }

  @Override
  public boolean managed() {
    return false;
  }

  @Override
  public Stream open(AccessToken token, String traceId, ReplayFrom from, int numRequested, Sink sink) {
    Observer observer = new Observer(sink);
    stub.withOption(CallMetadata.TOKEN, token).withOption(CallMetadata.TRACE_ID, traceId).subscribe(observer);
    FetchRequest.Builder first = FetchRequest.newBuilder().setTopicName(topic).setNumRequested(numRequested);
    switch (from.kind()) {
      case EARLIEST -> first.setReplayPreset(ReplayPreset.EARLIEST);
      case LATEST -> first.setReplayPreset(ReplayPreset.LATEST);
      case CUSTOM -> first.setReplayPreset(ReplayPreset.CUSTOM)
          .setReplayId(ByteString.copyFrom(from.replayId().orElseThrow().toBytes()));
    }
    observer.requests.onNext(first.build());
    return observer;
  }

  private final class Observer extends StreamCall<FetchRequest, FetchResponse> {
    Observer(Sink sink) {
      super(sink);
    }

    @Override
    public void onNext(FetchResponse r) {
      sink.onBatch(new Batch(r.getEventsList(), r.getLatestReplayId(), r.getRpcId(), r.getPendingNumRequested(), null));
    }

    @Override
    public void request(int numRequested) {
      // Later requests repeat the topic, which the server checks against the first one.
      requests.onNext(FetchRequest.newBuilder().setTopicName(topic).setNumRequested(numRequested).build());
    }

    @Override
    public void commit(String commitRequestId, ReplayId replayId) {
      throw new UnsupportedOperationException("Subscribe has no server-side commits");
    }
  }
}
