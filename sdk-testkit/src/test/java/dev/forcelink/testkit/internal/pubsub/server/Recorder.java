package dev.forcelink.testkit.internal.pubsub.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/** Records what a server stream sends: messages in order, then how it ended. */
final class Recorder<T> implements StreamObserver<T> {

    static final Duration WAIT = Duration.ofSeconds(10);

    final BlockingDeque<T> messages = new LinkedBlockingDeque<>();
    final CompletableFuture<Status> end = new CompletableFuture<>();
    volatile Metadata trailers;

    @Override
    public void onNext(T value) {
        messages.add(value);
    }

    @Override
    public void onError(Throwable t) {
        trailers = Status.trailersFromThrowable(t);
        end.complete(Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {
        end.complete(Status.OK);
    }

    T next() throws InterruptedException {
        T message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a message within " + WAIT).isNotNull();
        return message;
    }

    Status awaitEnd() throws Exception {
        return end.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    String errorCode() {
        return trailers == null ? null : trailers.get(PubSubErrors.ERROR_CODE);
    }
}
