package dev.forcelink.testkit.internal.pubsub.server;

import com.google.protobuf.ByteString;
import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One subscription stream (Subscribe or ManagedSubscribe) with the flow control of Salesforce's Subscribe RPC:
 * requested events add up to at most 100 outstanding, each response says how many are still owed, an empty response
 * carries the position when nothing was sent for the keepalive interval, and the stream closes when nothing is owed
 * and no request came for the idle timeout.
 *
 * <p>Responses are written only while gRPC's outbound buffer is ready ({@code isReady}/{@code onReadyHandler}), so
 * a slow client never makes the server buffer without bound. All writes happen in one serialized drain loop on the
 * delivery executor; requests, event wake-ups and timers only change state and ask for a drain.
 *
 * <p>Thread-safe.
 *
 * @param <Q> the request message
 * @param <R> the response message
 */
abstract class EventStream<Q, R> implements StreamObserver<Q> {

    /** Payload bytes per response: below the 4 MB default inbound limit of gRPC clients. */
    static final int MAX_RESPONSE_BYTES = 3 * 1024 * 1024;

    protected final StreamServices services;
    protected final CallContext call;
    private final ServerCallStreamObserver<R> out;
    private final AtomicInteger drainRequests = new AtomicInteger();
    private final long keepaliveNanos;
    private final long idleNanos;
    private final long tickNanos;
    private final ScheduledFuture<?> ticker;

    // Guarded by this.
    private Topic topic;
    private long nextSequence;
    private int pending;
    private long delivered;
    private boolean keepaliveDue;
    /** When the delayed response may go out; 0 when none is being delayed. */
    private long delayedUntilNanos;
    private long lastSendNanos;
    private long idleSinceNanos;
    private StatusRuntimeException failure;
    private boolean completeRequested;
    private boolean closed;
    private Runnable removeWakeup;
    private Object pendingControl;

    EventStream(StreamServices services, CallContext call, ServerCallStreamObserver<R> out) {
        this.services = services;
        this.call = call;
        this.out = out;
        this.keepaliveNanos = services.settings().keepaliveInterval().toNanos();
        this.idleNanos = services.settings().idleTimeout().toNanos();
        this.tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(5),
                Math.min(TimeUnit.SECONDS.toNanos(1), Math.min(keepaliveNanos, idleNanos) / 10));
        long now = System.nanoTime();
        this.lastSendNanos = now;
        this.idleSinceNanos = now;
        out.setOnReadyHandler(this::requestDrain);
        out.setOnCancelHandler(this::cancelled);
        this.ticker = services.timers().scheduleWithFixedDelay(this::tick, tickNanos, tickNanos,
                TimeUnit.NANOSECONDS);
    }

    /**
     * Applies one client request. Called with this stream's lock held.
     *
     * @param request the request
     * @throws StatusRuntimeException to close the stream with that error
     */
    protected abstract void handle(Q request);

    /**
     * Builds a response. Called with this stream's lock held.
     *
     * @param events the events to send, possibly empty
     * @param latestReplayId the stream's position after these events
     * @param pendingRequested events still owed after this response
     * @param control a control message to piggyback (a commit response), or {@code null}
     * @return the response
     */
    protected abstract R response(List<ConsumerEvent> events, ByteString latestReplayId, int pendingRequested,
                                  Object control);

    /** @return a control message waiting to be sent, or {@code null}; called with this stream's lock held */
    protected Object pollControl() {
        return null;
    }

    /** Releases what the subclass holds when the stream ends. Called once, with this stream's lock held. */
    protected void released() {
    }

    @Override
    public void onNext(Q request) {
        synchronized (this) {
            if (closed || failure != null) {
                return;
            }
            idleSinceNanos = System.nanoTime();
            try {
                handle(request);
            } catch (StatusRuntimeException e) {
                failure = e;
            }
        }
        requestDrain();
    }

    @Override
    public void onError(Throwable t) {
        cancelled();
    }

    @Override
    public void onCompleted() {
        // The client stops requesting; what it is owed is still delivered until the idle timeout closes the stream.
    }

    /** Starts delivery; called from {@link #handle} on the first request. */
    protected final void start(Topic startTopic, long firstSequence) {
        topic = startTopic;
        nextSequence = firstSequence;
        removeWakeup = startTopic.log().addWakeup(this::requestDrain);
    }

    /** Adds requested events, capped at 100 outstanding; called from {@link #handle}. */
    protected final void addRequested(int count) {
        pending = (int) Math.min(PubSubSettings.MAX_PENDING, (long) pending + count);
    }

    /** @return the topic, or {@code null} before the first request */
    protected final Topic topic() {
        return topic;
    }

    /**
     * Finds the sequence after a replay id, as CUSTOM replay and commits need it.
     *
     * @param startTopic the topic
     * @param replayId the replay id
     * @return the sequence of the replay id
     * @throws StatusRuntimeException {@code replayid.corrupted} if the id is not one of the topic's, is older than
     *     what is retained, or a test made it corrupted
     */
    protected final long sequenceOf(Topic startTopic, ByteString replayId) {
        long sequence = ReplayIds.sequenceOf(replayId);
        EventLog log = startTopic.log();
        if (sequence < 0 || services.faults().isCorrupted(replayId.toByteArray())
                || sequence < log.firstSequence(services.bus().nowMillis()) - 1 || sequence > log.lastSequence()) {
            throw PubSubErrors.replayCorrupted(call.rpcId());
        }
        return sequence;
    }

    /** Asks for a drain; more events, control messages or the end of the stream may be waiting. */
    protected final void requestDrain() {
        if (drainRequests.getAndIncrement() == 0) {
            services.delivery().execute(this::drainLoop);
        }
    }

    private void drainLoop() {
        int missed = 1;
        while (true) {
            try {
                drain();
            } catch (RuntimeException e) {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    release();
                }
                out.onError(io.grpc.Status.INTERNAL.withDescription("Event delivery failed: " + e.getMessage()
                        + " rpcId: " + call.rpcId()).asRuntimeException());
            }
            missed = drainRequests.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }

    private void drain() {
        while (true) {
            R response;
            boolean resetAfter = false;
            StatusRuntimeException terminal = null;
            boolean complete = false;
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (failure != null || completeRequested) {
                    closed = true;
                    release();
                    terminal = failure;
                    complete = failure == null;
                    response = null;
                } else {
                    if (topic == null || !out.isReady()) {
                        return;
                    }
                    Object control = pollControlIfDue();
                    int resetEvery = services.faults().resetEvery();
                    List<ConsumerEvent> events = List.of();
                    if (pending > 0) {
                        int max = resetEvery > 0 ? (int) Math.min(pending, Math.max(1, resetEvery - delivered)) : pending;
                        events = topic.log().read(nextSequence, max, MAX_RESPONSE_BYTES, services.bus().nowMillis());
                    }
                    if (events.isEmpty() && control == null && !keepaliveDue) {
                        return;
                    }
                    Duration delay = services.faults().responseDelay();
                    if (!delay.isZero() && (delayedUntilNanos == 0 || System.nanoTime() < delayedUntilNanos)) {
                        // Other wake-ups (a request, the transport turning ready) may come meanwhile: only the
                        // deadline lets the response out, so every response waits the whole delay.
                        restoreControl(control);
                        if (delayedUntilNanos == 0) {
                            delayedUntilNanos = System.nanoTime() + delay.toNanos();
                            services.timers().schedule(this::requestDrain, delay.toNanos(), TimeUnit.NANOSECONDS);
                        }
                        return;
                    }
                    delayedUntilNanos = 0;
                    if (services.sessions().resolve(call.accessToken()) == null) {
                        closed = true;
                        release();
                        terminal = PubSubErrors.auth(call.rpcId());
                        response = null;
                    } else {
                        if (!events.isEmpty()) {
                            long last = ReplayIds.sequenceOf(events.get(events.size() - 1).getReplayId());
                            nextSequence = last + 1;
                            pending -= events.size();
                            delivered += events.size();
                        }
                        long now = System.nanoTime();
                        if (pending == 0 && !events.isEmpty()) {
                            idleSinceNanos = now;
                        }
                        lastSendNanos = now;
                        keepaliveDue = false;
                        response = response(events, ReplayIds.of(nextSequence - 1), pending, control);
                        if (resetEvery > 0 && delivered >= resetEvery) {
                            resetAfter = true;
                            closed = true;
                            release();
                        }
                    }
                }
            }
            if (response != null) {
                out.onNext(response);
            }
            if (terminal != null) {
                out.onError(terminal);
                return;
            }
            if (complete) {
                out.onCompleted();
                return;
            }
            if (resetAfter) {
                out.onError(PubSubErrors.streamReset());
                return;
            }
        }
    }

    private Object pollControlIfDue() {
        if (pendingControl != null) {
            Object control = pendingControl;
            pendingControl = null;
            return control;
        }
        return pollControl();
    }

    private void restoreControl(Object control) {
        pendingControl = control;
    }

    private void tick() {
        boolean kick = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            long now = System.nanoTime();
            if (topic != null && now - lastSendNanos >= keepaliveNanos - tickNanos) {
                keepaliveDue = true;
                kick = true;
            }
            if (pending == 0 && now - idleSinceNanos >= idleNanos) {
                completeRequested = true;
                kick = true;
            }
        }
        if (kick) {
            requestDrain();
        }
    }

    private void cancelled() {
        synchronized (this) {
            if (!closed) {
                closed = true;
                release();
            }
        }
    }

    private void release() {
        ticker.cancel(false);
        if (removeWakeup != null) {
            removeWakeup.run();
            removeWakeup = null;
        }
        released();
    }
}
