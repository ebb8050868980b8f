package dev.forcelink.pubsub;

import com.google.protobuf.ByteString;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.pubsub.internal.proto.CommitReplayResponse;
import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.pubsub.internal.proto.Error;
import dev.forcelink.pubsub.internal.proto.ErrorCode;
import dev.forcelink.pubsub.internal.proto.FetchRequest;
import dev.forcelink.pubsub.internal.proto.FetchResponse;
import dev.forcelink.pubsub.internal.proto.ManagedFetchRequest;
import dev.forcelink.pubsub.internal.proto.ManagedFetchResponse;
import dev.forcelink.pubsub.internal.proto.ProducerEvent;
import dev.forcelink.pubsub.internal.proto.PubSubGrpc;
import dev.forcelink.pubsub.internal.proto.PublishRequest;
import dev.forcelink.pubsub.internal.proto.PublishResponse;
import dev.forcelink.pubsub.internal.proto.PublishResult;
import dev.forcelink.pubsub.internal.proto.ReplayPreset;
import dev.forcelink.pubsub.internal.proto.SchemaInfo;
import dev.forcelink.pubsub.internal.proto.SchemaRequest;
import dev.forcelink.pubsub.internal.proto.TopicInfo;
import dev.forcelink.pubsub.internal.proto.TopicRequest;
import dev.forcelink.pubsub.internal.avro.SchemaEntry;
import dev.forcelink.pubsub.internal.avro.AvroCodec;
import dev.forcelink.core.retry.RetryPolicy;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.avro.generic.GenericRecord;

/**
 * An in-process fake of Salesforce's Pub/Sub service, following its documentation: accumulating flow
 * control capped at 100, replay presets, 8-byte big-endian replay ids, auth metadata checks, error
 * codes in the {@code error-code} trailer with {@code rpcId} in the description, and scriptable
 * faults (stream resets every N events, token expiry, stalls, idle close, latency). All stream logic
 * runs on one thread, so the fake needs no locks of its own beyond the recorded lists.
 */
final class FakePubSub extends PubSubGrpc.PubSubImplBase implements AutoCloseable {
  static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("error-code", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> ACCESS_TOKEN = Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<Metadata> HEADERS = Context.key("headers");

  /** One FetchRequest as the server saw it. */
  record SeenFetch(int stream, int numRequested, int pendingBefore, ReplayPreset preset, ByteString replayId,
      boolean first, String token) {}

  /** One commit as the server saw it. */
  record SeenCommit(String commitId, long replay) {}

  private final String name = "fake-pubsub-" + UUID.randomUUID();
  private final Server server;
  final ScheduledExecutorService serial = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "fake-pubsub");
    t.setDaemon(true);
    return t;
  });

  // Configuration (set before subscribing).
  final Map<String, String> topicSchemas = new ConcurrentHashMap<>();
  final Map<String, String> schemaJson = new ConcurrentHashMap<>();
  final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  volatile int maxPerResponse = 10;
  volatile Duration latency = Duration.ZERO;
  volatile int resetEvery;
  volatile int expireTokenAfter = -1;
  volatile int stallAfter = -1;
  volatile Duration idleClose;
  volatile Set<Long> corruptedReplayIds = Set.of();
  volatile boolean reverseResults;
  volatile int holdPublishStreamResponsesUntil;
  volatile Predicate<String> commitFails = id -> false;
  volatile Consumer<SeenCommit> onCommit = c -> {};
  /** While set, commit answers wait for {@link #releaseCommitAnswers()}; the commits themselves apply at once. */
  volatile boolean holdCommitAnswers;

  // Recordings.
  final List<Metadata> headers = new CopyOnWriteArrayList<>();
  final List<SeenFetch> fetches = new CopyOnWriteArrayList<>();
  final List<PublishRequest> publishRequests = new CopyOnWriteArrayList<>();
  final List<SeenCommit> commits = new CopyOnWriteArrayList<>();
  final AtomicInteger getSchemaCalls = new AtomicInteger();
  final AtomicInteger streams = new AtomicInteger();
  final AtomicInteger publishStreams = new AtomicInteger();
  final AtomicInteger publishStreamHalfCloses = new AtomicInteger();
  final AtomicInteger idleCloses = new AtomicInteger();
  final AtomicInteger starvedResponses = new AtomicInteger();
  final AtomicInteger maxOutstanding = new AtomicInteger();
  final AtomicInteger delivered = new AtomicInteger();
  final AtomicInteger totalRequested = new AtomicInteger();
  /** What happened on ManagedSubscribe streams, in order: "commit N", "answer N", "cancel", "half-close". */
  final List<String> managedLog = new CopyOnWriteArrayList<>();

  private final Map<String, List<ProducerEvent>> logs = new ConcurrentHashMap<>();
  private final Map<String, Integer> managedPositions = new HashMap<>();
  private final List<Runnable> wakeups = new CopyOnWriteArrayList<>();
  /** Commit answers held back, sent by {@link #releaseCommitAnswers()}; touched on the serial thread only. */
  private final List<Runnable> heldAnswers = new ArrayList<>();

  FakePubSub() {
    ServerInterceptor capture = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata md, ServerCallHandler<Q, R> next) {
        headers.add(md);
        return Contexts.interceptCall(Context.current().withValue(HEADERS, md), call, md, next);
      }
    };
    try {
      server = InProcessServerBuilder.forName(name).addService(io.grpc.ServerInterceptors.intercept(this, capture))
          .build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  PubSubClient client(TestAuth auth) {
    return client(auth, b -> {});
  }

  PubSubClient client(TestAuth auth, Consumer<PubSubClient.Builder> customise) {
    SalesforceConnection connection = SalesforceConnection.builder().authProvider(auth).instanceUrl(TestAuth.INSTANCE)
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build())
        .build();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
    PubSubClient.Builder b = PubSubClient.builder(connection).channel(channel, true).jitter(d -> d);
    customise.accept(b);
    return b.build();
  }

  // ---------------------------------------------------------------- data

  void addTopic(String topic, String schemaId, String json) {
    topicSchemas.put(topic, schemaId);
    schemaJson.put(schemaId, json);
    logs.putIfAbsent(topic, Collections.synchronizedList(new ArrayList<>()));
  }

  /** Appends an event and returns its replay id as a number. */
  long append(String topic, String id, byte[] payload) {
    List<ProducerEvent> log = logs.get(topic);
    long replay;
    synchronized (log) {
      log.add(ProducerEvent.newBuilder().setId(id).setSchemaId(topicSchemas.get(topic))
          .setPayload(ByteString.copyFrom(payload)).build());
      replay = log.size();
    }
    serial.execute(() -> wakeups.forEach(Runnable::run));
    return replay;
  }

  long append(String topic, GenericRecord record) {
    SchemaEntry entry = SchemaEntry.parse(topicSchemas.get(topic), schemaJson.get(topicSchemas.get(topic)));
    return append(topic, UUID.randomUUID().toString(), AvroCodec.encode(entry, record));
  }

  static ByteString replayId(long n) {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(n).array());
  }

  static long replayNumber(ByteString id) {
    return id.size() == 8 ? ByteBuffer.wrap(id.toByteArray()).getLong() : -1;
  }

  List<SeenFetch> firstFetches() {
    return fetches.stream().filter(SeenFetch::first).toList();
  }

  // ---------------------------------------------------------------- unary

  @Override
  public void getTopic(TopicRequest request, StreamObserver<TopicInfo> out) {
    if (!authorised(out)) {
      return;
    }
    String schemaId = topicSchemas.get(request.getTopicName());
    if (schemaId == null) {
      out.onError(error(Status.NOT_FOUND, "topic.not.found", "The topic information for topic "
          + request.getTopicName() + " not found."));
      return;
    }
    out.onNext(TopicInfo.newBuilder().setTopicName(request.getTopicName()).setTenantGuid(TestAuth.ORG_15)
        .setCanPublish(true).setCanSubscribe(true).setSchemaId(schemaId).setRpcId(UUID.randomUUID().toString()).build());
    out.onCompleted();
  }

  @Override
  public void getSchema(SchemaRequest request, StreamObserver<SchemaInfo> out) {
    if (!authorised(out)) {
      return;
    }
    getSchemaCalls.incrementAndGet();
    String json = schemaJson.get(request.getSchemaId());
    if (json == null) {
      out.onError(error(Status.NOT_FOUND, "schema.validation.failed", "no schema " + request.getSchemaId()));
      return;
    }
    out.onNext(SchemaInfo.newBuilder().setSchemaId(request.getSchemaId()).setSchemaJson(json).build());
    out.onCompleted();
  }

  @Override
  public void publish(PublishRequest request, StreamObserver<PublishResponse> out) {
    if (!authorised(out)) {
      return;
    }
    publishRequests.add(request);
    out.onNext(publishOne(request));
    out.onCompleted();
  }

  private PublishResponse publishOne(PublishRequest request) {
    List<PublishResult> results = new ArrayList<>();
    for (ProducerEvent e : request.getEventsList()) {
      if (e.getId().startsWith("reject-")) {
        results.add(PublishResult.newBuilder().setCorrelationKey(e.getId())
            .setError(Error.newBuilder().setCode(ErrorCode.PUBLISH).setMsg("rejected by the fake")).build());
        continue;
      }
      long replay = append(request.getTopicName(), e.getId(), e.getPayload().toByteArray());
      results.add(PublishResult.newBuilder().setCorrelationKey(e.getId()).setReplayId(replayId(replay)).build());
    }
    if (reverseResults) {
      Collections.reverse(results);
    }
    return PublishResponse.newBuilder().addAllResults(results).setSchemaId(topicSchemas.get(request.getTopicName()))
        .setRpcId(UUID.randomUUID().toString()).build();
  }

  @Override
  public StreamObserver<PublishRequest> publishStream(StreamObserver<PublishResponse> out) {
    publishStreams.incrementAndGet();
    List<PublishRequest> held = new ArrayList<>();
    return new StreamObserver<>() {
      @Override
      public void onNext(PublishRequest request) {
        serial.execute(() -> {
          publishRequests.add(request);
          held.add(request);
          if (held.size() < holdPublishStreamResponsesUntil) {
            return;
          }
          List<PublishRequest> answer = new ArrayList<>(held);
          held.clear();
          if (reverseResults) {
            Collections.reverse(answer);
          }
          for (PublishRequest r : answer) {
            out.onNext(publishOne(r));
          }
        });
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {
        serial.execute(() -> {
          publishStreamHalfCloses.incrementAndGet();
          out.onCompleted();
        });
      }
    };
  }

  // ---------------------------------------------------------------- subscribe

  @Override
  public StreamObserver<FetchRequest> subscribe(StreamObserver<FetchResponse> out) {
    String token = tokenOf();
    int streamNo = streams.incrementAndGet();
    SubscribeState s = new SubscribeState(streamNo, out, token);
    return new StreamObserver<>() {
      @Override
      public void onNext(FetchRequest request) {
        serial.execute(() -> s.onRequest(request));
      }

      @Override
      public void onError(Throwable t) {
        serial.execute(s::end);
      }

      @Override
      public void onCompleted() {
        serial.execute(s::end);
      }
    };
  }

  /** One Subscribe stream, driven on the serial thread. */
  private final class SubscribeState {
    final int streamNo;
    final StreamObserver<FetchResponse> out;
    final String token;
    String topic;
    int cursor;
    int pending;
    int deliveredHere;
    boolean ended;
    boolean stalled;
    boolean sending;
    ScheduledFuture<?> idleTimer;
    final Runnable wake = this::deliver;

    SubscribeState(int streamNo, StreamObserver<FetchResponse> out, String token) {
      this.streamNo = streamNo;
      this.out = out;
      this.token = token;
    }

    void onRequest(FetchRequest r) {
      if (ended) {
        return;
      }
      boolean first = topic == null;
      fetches.add(new SeenFetch(streamNo, r.getNumRequested(), pending, r.getReplayPreset(), r.getReplayId(), first, token));
      if (first) {
        if (!validTokens.contains(token)) {
          fail(error(Status.UNAUTHENTICATED, "service.auth.error",
              "An authentication exception occurred. Provide valid authentication via metadata headers."));
          return;
        }
        topic = r.getTopicName();
        List<ProducerEvent> log = logs.get(topic);
        if (log == null) {
          fail(error(Status.NOT_FOUND, "topic.not.found", "The topic information for topic " + topic + " not found."));
          return;
        }
        switch (r.getReplayPreset()) {
          case EARLIEST -> cursor = 0;
          case CUSTOM -> {
            long n = replayNumber(r.getReplayId());
            if (r.getReplayId().isEmpty()) {
              fail(error(Status.INVALID_ARGUMENT, "subscription.fetch.replayid.validation.failed",
                  "Replay ID validation failed."));
              return;
            }
            if (n < 1 || n > log.size() || corruptedReplayIds.contains(n)) {
              fail(error(Status.INVALID_ARGUMENT, "subscription.fetch.replayid.corrupted",
                  "The Replay ID validation failed. Ensure that the Replay ID is valid."));
              return;
            }
            cursor = (int) n;
          }
          default -> cursor = log.size();
        }
        wakeups.add(wake);
      } else if (!r.getTopicName().isEmpty() && !r.getTopicName().equals(topic)) {
        fail(error(Status.INVALID_ARGUMENT, "subscription.fetch.topic.mismatch", "topic mismatch"));
        return;
      }
      if (r.getNumRequested() <= 0) {
        fail(error(Status.INVALID_ARGUMENT, "subscription.fetch.requested.events.invalid", "num_requested must be > 0"));
        return;
      }
      totalRequested.addAndGet(r.getNumRequested());
      pending += r.getNumRequested();
      maxOutstanding.accumulateAndGet(pending, Math::max);
      pending = Math.min(pending, 100);
      if (idleTimer != null) {
        idleTimer.cancel(false);
        idleTimer = null;
      }
      deliver();
    }

    void deliver() {
      if (ended || stalled || sending || topic == null) {
        return;
      }
      List<ProducerEvent> log = logs.get(topic);
      int available = log.size() - cursor;
      if (pending == 0 || available <= 0) {
        armIdleClose();
        return;
      }
      int n = Math.min(Math.min(pending, maxPerResponse), available);
      if (resetEvery > 0) {
        n = Math.min(n, resetEvery - deliveredHere % resetEvery);
      }
      if (stallAfter >= 0) {
        int room = stallAfter - delivered.get();
        if (room <= 0) {
          stalled = true;
          stallAfter = -1;
          return;
        }
        n = Math.min(n, room);
      }
      if (expireTokenAfter >= 0 && delivered.get() >= expireTokenAfter) {
        expireTokenAfter = -1;
        validTokens.remove(token);
        fail(error(Status.UNAUTHENTICATED, "service.auth.error",
            "An authentication exception occurred. Provide valid authentication via metadata headers."));
        return;
      }
      FetchResponse.Builder response = FetchResponse.newBuilder().setRpcId(UUID.randomUUID().toString());
      for (int i = 0; i < n; i++) {
        response.addEvents(ConsumerEvent.newBuilder().setEvent(log.get(cursor)).setReplayId(replayId(cursor + 1)));
        cursor++;
      }
      pending -= n;
      deliveredHere += n;
      delivered.addAndGet(n);
      if (pending == 0 && cursor < log.size()) {
        starvedResponses.incrementAndGet();
      }
      response.setLatestReplayId(replayId(cursor)).setPendingNumRequested(pending);
      FetchResponse built = response.build();
      if (latency.isZero()) {
        send(built);
      } else {
        sending = true;
        serial.schedule(() -> {
          sending = false;
          send(built);
        }, latency.toNanos(), TimeUnit.NANOSECONDS);
      }
    }

    void send(FetchResponse response) {
      if (ended) {
        return;
      }
      out.onNext(response);
      if (resetEvery > 0 && deliveredHere > 0 && deliveredHere % resetEvery == 0) {
        fail(Status.UNAVAILABLE.withDescription("RST_STREAM closed stream. HTTP/2 error code: CANCEL").asRuntimeException());
        return;
      }
      deliver();
    }

    void armIdleClose() {
      if (idleClose == null || pending != 0 || idleTimer != null) {
        return;
      }
      idleTimer = serial.schedule(() -> {
        if (!ended && pending == 0) {
          idleCloses.incrementAndGet();
          end();
          out.onCompleted();
        }
      }, idleClose.toNanos(), TimeUnit.NANOSECONDS);
    }

    void fail(Throwable t) {
      if (ended) {
        return;
      }
      end();
      out.onError(t);
    }

    void end() {
      ended = true;
      wakeups.remove(wake);
    }
  }

  // ---------------------------------------------------------------- managed subscribe

  @Override
  public StreamObserver<ManagedFetchRequest> managedSubscribe(StreamObserver<ManagedFetchResponse> out) {
    String token = tokenOf();
    int streamNo = streams.incrementAndGet();
    ManagedState s = new ManagedState(streamNo, out, token);
    return new StreamObserver<>() {
      @Override
      public void onNext(ManagedFetchRequest request) {
        serial.execute(() -> s.onRequest(request));
      }

      @Override
      public void onError(Throwable t) {
        serial.execute(() -> {
          managedLog.add("cancel");
          s.ended = true;
        });
      }

      @Override
      public void onCompleted() {
        serial.execute(() -> {
          managedLog.add("half-close");
          s.ended = true;
        });
      }
    };
  }

  /** Sends the commit answers held back so far, in order, on streams still open, and stops holding them. */
  void releaseCommitAnswers() {
    serial.execute(() -> {
      holdCommitAnswers = false;
      heldAnswers.forEach(Runnable::run);
      heldAnswers.clear();
    });
  }

  private final class ManagedState {
    final int streamNo;
    final StreamObserver<ManagedFetchResponse> out;
    final String token;
    String subscription;
    String topic;
    int cursor;
    int pending;
    boolean ended;
    final Runnable wake = this::deliver;

    ManagedState(int streamNo, StreamObserver<ManagedFetchResponse> out, String token) {
      this.streamNo = streamNo;
      this.out = out;
      this.token = token;
    }

    void onRequest(ManagedFetchRequest r) {
      if (ended) {
        return;
      }
      boolean first = subscription == null;
      fetches.add(new SeenFetch(streamNo, r.getNumRequested(), pending, ReplayPreset.CUSTOM, ByteString.EMPTY, first, token));
      if (first) {
        if (r.hasCommitReplayIdRequest()) {
          fail(error(Status.INVALID_ARGUMENT, "managed.subscription.fetch.request.commit.request.restricted", "no commit first"));
          return;
        }
        subscription = r.getDeveloperName().isEmpty() ? r.getSubscriptionId() : r.getDeveloperName();
        topic = topicSchemas.keySet().stream().sorted().findFirst().orElseThrow();
        synchronized (managedPositions) {
          cursor = managedPositions.getOrDefault(subscription, 0);
        }
        wakeups.add(wake);
      }
      if (r.hasCommitReplayIdRequest()) {
        String id = r.getCommitReplayIdRequest().getCommitRequestId();
        long replay = replayNumber(r.getCommitReplayIdRequest().getReplayId());
        SeenCommit commit = new SeenCommit(id, replay);
        managedLog.add("commit " + replay);
        commits.add(commit);
        onCommit.accept(commit);
        CommitReplayResponse.Builder response = CommitReplayResponse.newBuilder().setCommitRequestId(id)
            .setReplayId(r.getCommitReplayIdRequest().getReplayId()).setProcessTime(System.currentTimeMillis());
        if (commitFails.test(id)) {
          response.setError(Error.newBuilder().setCode(ErrorCode.COMMIT).setMsg("commit refused by the fake"));
        } else {
          synchronized (managedPositions) {
            managedPositions.put(subscription, (int) replay);
          }
        }
        Runnable answer = () -> {
          if (!ended) {
            managedLog.add("answer " + replay);
            out.onNext(ManagedFetchResponse.newBuilder().setCommitResponse(response).setPendingNumRequested(pending)
                .setRpcId(UUID.randomUUID().toString()).build());
          }
        };
        if (holdCommitAnswers) {
          heldAnswers.add(answer);
        } else {
          answer.run();
        }
      }
      if (r.getNumRequested() > 0) {
        pending = Math.min(100, pending + r.getNumRequested());
        totalRequested.addAndGet(r.getNumRequested());
      }
      deliver();
    }

    void deliver() {
      if (ended || subscription == null) {
        return;
      }
      List<ProducerEvent> log = logs.get(topic);
      while (pending > 0 && cursor < log.size()) {
        int n = Math.min(Math.min(pending, maxPerResponse), log.size() - cursor);
        ManagedFetchResponse.Builder response = ManagedFetchResponse.newBuilder().setRpcId(UUID.randomUUID().toString());
        for (int i = 0; i < n; i++) {
          response.addEvents(ConsumerEvent.newBuilder().setEvent(log.get(cursor)).setReplayId(replayId(cursor + 1)));
          cursor++;
        }
        pending -= n;
        delivered.addAndGet(n);
        out.onNext(response.setLatestReplayId(replayId(cursor)).setPendingNumRequested(pending).build());
      }
    }

    void fail(Throwable t) {
      ended = true;
      wakeups.remove(wake);
      out.onError(t);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String tokenOf() {
    Metadata md = HEADERS.get();
    return md == null ? null : md.get(ACCESS_TOKEN);
  }

  private boolean authorised(StreamObserver<?> out) {
    String token = tokenOf();
    if (token == null || !validTokens.contains(token)) {
      out.onError(error(Status.UNAUTHENTICATED, "service.auth.error",
          "An authentication exception occurred. Provide valid authentication via metadata headers."));
      return false;
    }
    return true;
  }

  static io.grpc.StatusRuntimeException error(Status status, String codeSuffix, String message) {
    Metadata trailers = new Metadata();
    trailers.put(ERROR_CODE, "sfdc.platform.eventbus.grpc." + codeSuffix);
    return status.withDescription(message + " rpcId: " + UUID.randomUUID()).asRuntimeException(trailers);
  }

  @Override
  public void close() {
    server.shutdownNow();
    serial.shutdownNow();
  }
}
