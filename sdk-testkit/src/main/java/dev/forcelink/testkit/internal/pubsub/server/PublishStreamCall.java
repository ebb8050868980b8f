package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.pubsub.internal.proto.PublishRequest;
import dev.forcelink.pubsub.internal.proto.PublishResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One {@code PublishStream} call, as Salesforce's Pub/Sub API documents it: the first request names the topic and
 * later ones must name the same one (or none); each request gets one response; the stream closes when no request
 * came for the idle timeout.
 *
 * <p>Thread-safe.
 */
final class PublishStreamCall implements StreamObserver<PublishRequest> {

    private final Publisher publisher;
    private final CallContext call;
    private final StreamObserver<PublishResponse> out;
    private final long idleNanos;
    private final ScheduledFuture<?> ticker;
    private Topic topic;
    private long lastRequestNanos = System.nanoTime();
    private boolean closed;

    PublishStreamCall(Publisher publisher, StreamServices services, CallContext call,
                      StreamObserver<PublishResponse> out) {
        this.publisher = publisher;
        this.call = call;
        this.out = out;
        this.idleNanos = services.settings().publishStreamIdleTimeout().toNanos();
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(5), Math.min(TimeUnit.SECONDS.toNanos(1), idleNanos / 10));
        this.ticker = services.timers().scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void onNext(PublishRequest request) {
        if (closed) {
            return;
        }
        lastRequestNanos = System.nanoTime();
        try {
            if (topic == null) {
                topic = publisher.topic(request.getTopicName(), call.rpcId());
            } else if (!request.getTopicName().isEmpty() && !request.getTopicName().equals(topic.name())) {
                throw PubSubErrors.invalid("publish.topic.mismatch", "The topic " + request.getTopicName()
                        + " differs from " + topic.name() + ", the topic of this stream. Open another stream to "
                        + "publish to another topic.", call.rpcId());
            }
            out.onNext(publisher.publish(topic, request, call.rpcId()));
        } catch (StatusRuntimeException e) {
            close();
            out.onError(e);
        }
    }

    @Override
    public synchronized void onError(Throwable t) {
        close();
    }

    @Override
    public synchronized void onCompleted() {
        if (!closed) {
            close();
            out.onCompleted();
        }
    }

    private synchronized void tick() {
        if (!closed && System.nanoTime() - lastRequestNanos >= idleNanos) {
            // Salesforce's proto says only that the server closes an idle stream; it ends without an error here.
            close();
            out.onCompleted();
        }
    }

    private void close() {
        closed = true;
        ticker.cancel(false);
    }
}
