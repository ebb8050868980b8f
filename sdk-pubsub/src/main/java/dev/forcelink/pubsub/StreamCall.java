package dev.forcelink.pubsub;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

/**
 * The part of an open subscription stream both RPCs share: it keeps the request side of the call,
 * passes errors and the end of the call to the {@link StreamProtocol.Sink}, and cancels. Each
 * protocol adds how a response becomes a batch and how requests and commits are written.
 *
 * <p>Not thread-safe: the engine serialises sends; gRPC calls the observer methods serially.
 *
 * @param <Q> the request message
 * @param <R> the response message
 */
abstract class StreamCall<Q, R> implements ClientResponseObserver<Q, R>, StreamProtocol.Stream {
  /** Where responses go. */
  protected final StreamProtocol.Sink sink;
  /** The request side of the call, set before it starts. */
  protected ClientCallStreamObserver<Q> requests;

  StreamCall(StreamProtocol.Sink sink) {
    this.sink = sink;
  }

  @Override
  public final void beforeStart(ClientCallStreamObserver<Q> requestStream) {
    this.requests = requestStream;
  }

  @Override
  public final void onError(Throwable t) {
    sink.onError(t);
  }

  @Override
  public final void onCompleted() {
    sink.onCompleted();
  }

  @Override
  public final void cancel(String reason) {
    requests.cancel(reason, null);
  }
}
