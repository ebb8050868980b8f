package dev.forcelink.pubsub;

import com.google.protobuf.ByteString;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.pubsub.internal.proto.CommitReplayResponse;
import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import java.util.List;

/**
 * The difference between {@code Subscribe} and {@code ManagedSubscribe}: how a stream is opened,
 * how more events are requested and how a position is committed. Everything else (flow control,
 * resume, dispatch) is shared by {@link SubscriptionEngine}.
 */
interface StreamProtocol {

  /** The topic or managed subscription name, for logs, events and exceptions. */
  String name();

  /** The gRPC method, for listener events. */
  String method();

  /** Whether the server keeps the position (commits) instead of a {@link ReplayStore}. */
  boolean managed();

  /**
   * Opens a stream and sends its first request.
   *
   * @param token the token to authenticate with
   * @param traceId the {@code x-client-trace-id}
   * @param from where to start (ignored by managed subscriptions)
   * @param numRequested the first {@code num_requested}, above 0
   * @param sink where responses go
   * @return the open stream
   */
  Stream open(AccessToken token, String traceId, ReplayFrom from, int numRequested, Sink sink);

  /** An open stream. Not thread-safe: callers serialise sends. */
  interface Stream {
    void request(int numRequested);

    void commit(String commitRequestId, ReplayId replayId);

    void cancel(String reason);
  }

  /** Receives a stream's responses, in order. */
  interface Sink {
    void onBatch(Batch batch);

    void onError(Throwable t);

    void onCompleted();
  }

  /** One response, in the shape both RPCs share. */
  record Batch(List<ConsumerEvent> events, ByteString latestReplayId, String rpcId, int pendingNumRequested,
      CommitReplayResponse commitResponse) {}
}
