package dev.forcelink.pubsub;

import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.pubsub.internal.grpc.CallMetadata;
import dev.forcelink.pubsub.internal.grpc.GrpcFailure;
import dev.forcelink.pubsub.internal.proto.ProducerEvent;
import dev.forcelink.pubsub.internal.proto.PubSubGrpc;
import dev.forcelink.pubsub.internal.proto.PublishRequest;
import dev.forcelink.pubsub.internal.proto.PublishResponse;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PublishStream} over one {@code PublishStream} call at a time. Requests are pipelined and
 * each response is matched to its request by the correlation keys of its results (falling back to
 * order, since the server answers each request once and in order). A stream quiet for the idle
 * timeout with nothing in flight is half-closed before the server's 70 s limit, and the next publish
 * opens a new one; a failed stream fails its in-flight batches and is replaced on the next publish.
 */
final class DefaultPublishStream implements PublishStream {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultPublishStream.class);

  private record Pending(PublishRequest request, CompletableFuture<List<PublishResult>> future) {}

  private final PubSubClient client;
  private final String topic;
  private final PubSubGrpc.PubSubStub stub;
  private final ClientContext ctx;
  private final Duration idleTimeout;
  private final Object lock = new Object();
  private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
  private final ScheduledFuture<?> idleCheck;
  private ClientCallStreamObserver<PublishRequest> requests;
  private int generation;
  private long lastActivityNanos;
  private boolean closed;
  private String traceId;
  private AccessToken token;
  private int streamsOpened;

  DefaultPublishStream(PubSubClient client, String topic, PubSubGrpc.PubSubStub stub, ClientContext ctx,
      Duration idleTimeout) {
    this.client = client;
    this.topic = topic;
    this.stub = stub;
    this.ctx = ctx;
    this.idleTimeout = idleTimeout;
    long period = Math.max(TimeUnit.MILLISECONDS.toNanos(5), idleTimeout.toNanos() / 4);
    this.idleCheck = ctx.scheduler().scheduleWithFixedDelay(this::closeIfIdle, period, period, TimeUnit.NANOSECONDS);
  }

  @Override
  public String topic() {
    return topic;
  }

  @Override
  public CompletableFuture<List<PublishResult>> publish(List<?> events) {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("This PublishStream on " + topic + " is closed; open a new one");
      }
    }
    List<ProducerEvent> encoded = PublishEncoding.encode(client.schemaForTopic(topic), events, client.mapper());
    List<PublishRequest> batch = PublishEncoding.split(topic, encoded);
    AccessToken current = ctx.auth().token();
    List<CompletableFuture<List<PublishResult>>> parts = new ArrayList<>(batch.size());
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("This PublishStream on " + topic + " is closed; open a new one");
      }
      if (requests == null) {
        open(current);
      }
      for (PublishRequest request : batch) {
        Pending pending = new Pending(request, new CompletableFuture<>());
        inFlight.add(pending);
        parts.add(pending.future);
        requests.onNext(request);
      }
      lastActivityNanos = ctx.nanoTime().getAsLong();
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
      List<PublishResult> all = new ArrayList<>(encoded.size());
      for (CompletableFuture<List<PublishResult>> part : parts) {
        all.addAll(part.join());
      }
      return all;
    });
  }

  private void open(AccessToken current) {
    generation++;
    streamsOpened++;
    token = current;
    traceId = UUID.randomUUID().toString();
    LOG.debug("Opening PublishStream on {} (x-client-trace-id {})", topic, traceId);
    stub.withOption(CallMetadata.TOKEN, current).withOption(CallMetadata.TRACE_ID, traceId)
        .publishStream(new Observer(generation));
  }

  private void closeIfIdle() {
    synchronized (lock) {
      if (requests == null || !inFlight.isEmpty()
          || ctx.nanoTime().getAsLong() - lastActivityNanos < idleTimeout.toNanos()) {
        return;
      }
      LOG.debug("PublishStream on {} idle for {}; closing it before the server's idle limit", topic, idleTimeout);
      generation++;
      requests.onCompleted();
      requests = null;
    }
  }

  int streamsOpened() {
    synchronized (lock) {
      return streamsOpened;
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      if (requests != null) {
        requests.onCompleted();
        requests = null;
      }
    }
    idleCheck.cancel(false);
  }

  private final class Observer implements ClientResponseObserver<PublishRequest, PublishResponse> {
    private final int gen;

    Observer(int gen) {
      this.gen = gen;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<PublishRequest> requestStream) {
      requests = requestStream;
    }

    @Override
    public void onNext(PublishResponse response) {
      Pending match;
      synchronized (lock) {
        match = take(response);
        lastActivityNanos = ctx.nanoTime().getAsLong();
      }
      if (match == null) {
        LOG.warn("PublishStream on {} got a response matching no pending batch (rpcId {})", topic, response.getRpcId());
        return;
      }
      match.future.complete(PublishEncoding.results(match.request, response));
    }

    private Pending take(PublishResponse response) {
      String key = response.getResultsCount() > 0 ? response.getResults(0).getCorrelationKey() : "";
      if (!key.isEmpty()) {
        for (Iterator<Pending> it = inFlight.iterator(); it.hasNext(); ) {
          Pending p = it.next();
          for (ProducerEvent e : p.request.getEventsList()) {
            if (e.getId().equals(key)) {
              it.remove();
              return p;
            }
          }
        }
      }
      return inFlight.poll();
    }

    @Override
    public void onError(Throwable t) {
      GrpcFailure failure = GrpcFailure.of(t);
      List<Pending> failed;
      AccessToken rejected;
      String trace;
      synchronized (lock) {
        if (gen != generation) {
          return;
        }
        requests = null;
        failed = new ArrayList<>(inFlight);
        inFlight.clear();
        rejected = token;
        trace = traceId;
      }
      LOG.info("PublishStream on {} ended ({}); {} batch(es) in flight fail and the next publish opens a new stream",
          topic, failure.describe(), failed.size());
      if (failure.action() == GrpcFailure.Action.REFRESH_AUTH) {
        ctx.scheduler().execute(() -> {
          try {
            ctx.auth().refresh(rejected);
            LOG.info("Refreshed the access token after {} on PublishStream {}", failure.describe(), topic);
          } catch (RuntimeException e) {
            LOG.warn("Token refresh after {} failed: {}", failure.describe(), e.toString());
          }
        });
      }
      PubSubException error = failure.toException("PublishStream to " + topic
          + " (the events in flight may or may not have been published)", trace);
      for (Pending p : failed) {
        p.future.completeExceptionally(error);
      }
    }

    @Override
    public void onCompleted() {
      List<Pending> failed;
      synchronized (lock) {
        if (gen != generation) {
          return;
        }
        requests = null;
        failed = new ArrayList<>(inFlight);
        inFlight.clear();
      }
      for (Pending p : failed) {
        p.future.completeExceptionally(new PubSubException("PublishStream to " + topic, "OK", null, null,
            "the server ended the stream before answering this batch; it may or may not have been published",
            null, false, null));
      }
    }
  }

  @Override
  public String toString() {
    return "PublishStream{" + topic + "}";
  }
}
