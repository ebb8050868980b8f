package dev.forcelink.pubsub;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.event.ForcelinkListener;
import dev.forcelink.core.event.TokenRefreshed;
import dev.forcelink.core.exception.ResponseDecodeException;
import dev.forcelink.core.internal.json.Json;
import dev.forcelink.core.internal.retry.Jitter;
import dev.forcelink.core.retry.RetryPolicy;
import dev.forcelink.pubsub.internal.avro.AvroCodec;
import dev.forcelink.pubsub.internal.avro.AvroValues;
import dev.forcelink.pubsub.internal.avro.SchemaEntry;
import dev.forcelink.pubsub.internal.avro.SchemaRegistry;
import dev.forcelink.pubsub.internal.grpc.CallMetadata;
import dev.forcelink.pubsub.internal.grpc.Channels;
import dev.forcelink.pubsub.internal.grpc.GrpcFailure;
import dev.forcelink.pubsub.internal.proto.ProducerEvent;
import dev.forcelink.pubsub.internal.proto.PubSubGrpc;
import dev.forcelink.pubsub.internal.proto.PublishRequest;
import dev.forcelink.pubsub.internal.proto.PublishResponse;
import dev.forcelink.pubsub.internal.proto.SchemaRequest;
import dev.forcelink.pubsub.internal.proto.TopicRequest;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.generic.GenericRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Salesforce Pub/Sub API client: topics and schemas, subscriptions with flow control and
 * automatic resume, managed subscriptions, and publishing, over one gRPC channel.
 *
 * <pre>{@code
 * try (PubSubClient pubsub = PubSubClient.builder(connection).build()) {
 *   Subscription s = pubsub.subscribe("/event/Order_Event__e",
 *       SubscribeOptions.builder().replayStore(FileReplayStore.create(dir)).build(),
 *       event -> process(event.asMap()));
 *   s.termination().join();
 * }
 * }</pre>
 *
 * <p>Authentication comes from the connection's {@link dev.forcelink.core.auth.AuthProvider}: every
 * call carries {@code accesstoken}, {@code instanceurl}, {@code tenantid} and a fresh {@code
 * x-client-trace-id}; a rejected token is refreshed once and the call or stream is retried.
 *
 * <p>Immutable and thread-safe. {@link #close()} ends every subscription and publish stream it
 * started and, if the client created the channel, shuts the channel down.
 */
public final class PubSubClient implements AutoCloseable {
  /** Salesforce's Pub/Sub endpoint host. */
  public static final String DEFAULT_HOST = "api.pubsub.salesforce.com";
  /** Salesforce's Pub/Sub endpoint port. */
  public static final int DEFAULT_PORT = 7443;

  private static final Logger LOG = LoggerFactory.getLogger(PubSubClient.class);
  private static final Duration TOPIC_CACHE_TTL = Duration.ofMinutes(5);

  private final SalesforceConnection connection;
  private final ManagedChannel channel;
  private final boolean ownsChannel;
  private final String target;
  private final PubSubGrpc.PubSubStub asyncStub;
  private final PubSubGrpc.PubSubBlockingStub blockingStub;
  private final CallMetadata metadata;
  private final SchemaRegistry schemas;
  private final ConcurrentHashMap<String, CachedTopic> topics = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor scheduler;
  private final ObjectMapper mapper;
  private final ClientContext context;
  private final Duration publishStreamIdleTimeout;
  private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private record CachedTopic(TopicInfo info, long fetchedNanos) {}

  private PubSubClient(Builder b) {
    this.connection = b.connection;
    this.metadata = new CallMetadata(() -> connection.authProvider().token(), b.tenantId);
    if (b.channel != null) {
      this.channel = b.channel;
      this.ownsChannel = b.ownsSuppliedChannel;
      this.target = b.channel.authority();
    } else {
      boolean plaintext = b.allowPlaintext || Channels.isLoopback(b.host);
      if (!b.allowPlaintext && b.plaintextRequested && !plaintext) {
        throw new IllegalArgumentException("Plaintext is allowed only for a loopback endpoint; " + b.host
            + " is not one. Call allowPlaintext(true) to send tokens unencrypted anyway");
      }
      this.channel = Channels.build(new Channels.Settings(b.host, b.port, plaintext && b.plaintextRequested,
          b.trustCertificates, b.trustManagerFactory, b.keepAliveTime, b.keepAliveTimeout, b.maxInboundMessageBytes));
      this.ownsChannel = true;
      this.target = b.host + ":" + b.port;
    }
    Channel intercepted = ClientInterceptors.intercept(channel, metadata);
    this.asyncStub = PubSubGrpc.newStub(intercepted);
    this.blockingStub = PubSubGrpc.newBlockingStub(intercepted);
    this.schemas = new SchemaRegistry(this::fetchSchemaJson);
    this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "forcelink-pubsub-timer");
      t.setDaemon(true);
      return t;
    });
    this.scheduler.setRemoveOnCancelPolicy(true);
    this.mapper = bindingMapper();
    this.publishStreamIdleTimeout = b.publishStreamIdleTimeout;
    Jitter jitter = b.jitter != null ? b.jitter : Jitter.FULL;
    this.context = new ClientContext(connection.authProvider(), connection.listeners(), scheduler, new Decoder(),
        connection.executor(), jitter::pick, System::nanoTime);
  }

  /**
   * Starts a builder for a client that authenticates through the connection's auth provider and
   * runs handlers on its executor by default.
   *
   * @param connection the shared connection
   * @return a builder; not thread-safe
   * @throws NullPointerException if {@code connection} is null
   */
  public static Builder builder(SalesforceConnection connection) {
    return new Builder(Objects.requireNonNull(connection, "connection"));
  }

  // ---------------------------------------------------------------- topics and schemas

  /**
   * Reads a topic's metadata ({@code GetTopic}), including its current schema id.
   *
   * @param topicName such as {@code /event/Order_Event__e} or {@code /data/AccountChangeEvent}
   * @return the topic
   * @throws IllegalArgumentException if the name is blank
   * @throws PubSubException if the server refuses (for example {@code topic.not.found}) or cannot be
   *     reached after the connection's retry policy
   * @throws IllegalStateException if the client is closed
   */
  public TopicInfo getTopic(String topicName) {
    requireName(topicName, "topicName");
    ensureOpen();
    var r = unary("GetTopic " + topicName, true,
        stub -> stub.getTopic(TopicRequest.newBuilder().setTopicName(topicName).build()));
    TopicInfo info = new TopicInfo(r.getTopicName(), r.getTenantGuid(), r.getCanPublish(), r.getCanSubscribe(),
        r.getSchemaId(), r.getRpcId());
    topics.put(topicName, new CachedTopic(info, System.nanoTime()));
    return info;
  }

  /**
   * Returns a schema by id, from the cache or with one {@code GetSchema} call. The cache is keyed by
   * schema id, so topics sharing a schema share the entry.
   *
   * @param schemaId the schema id, from a topic or an event
   * @return the schema
   * @throws IllegalArgumentException if the id is blank
   * @throws PubSubException if the server refuses or cannot be reached
   * @throws ResponseDecodeException if the server's schema is not valid Avro
   * @throws IllegalStateException if the client is closed
   */
  public EventSchema getSchema(String schemaId) {
    requireName(schemaId, "schemaId");
    ensureOpen();
    SchemaEntry entry = schemas.get(schemaId);
    return new EventSchema(entry.schemaId(), entry.json());
  }

  private String fetchSchemaJson(String schemaId) {
    return unary("GetSchema " + schemaId, true,
        stub -> stub.getSchema(SchemaRequest.newBuilder().setSchemaId(schemaId).build())).getSchemaJson();
  }

  SchemaEntry schemaForTopic(String topic) {
    CachedTopic cached = topics.get(topic);
    TopicInfo info = cached != null && System.nanoTime() - cached.fetchedNanos < TOPIC_CACHE_TTL.toNanos()
        ? cached.info : getTopic(topic);
    return schemas.get(info.schemaId());
  }

  int cachedSchemaCount() {
    return schemas.size();
  }

  ObjectMapper mapper() {
    return mapper;
  }

  // ---------------------------------------------------------------- subscribe

  /**
   * Subscribes to a topic and runs {@code handler} for each event, off the gRPC threads, with the
   * options' flow control, concurrency and replay store. The subscription resumes by itself from the
   * last processed replay id after stream errors, token expiry and stalls.
   *
   * @param topic such as {@code /event/Order_Event__e}
   * @param options how to start, store, flow and recover
   * @param handler what to do with each event
   * @return the running subscription
   * @throws IllegalArgumentException if the topic is blank
   * @throws NullPointerException if an argument is null
   * @throws ReplayStoreException if the stored position cannot be read
   * @throws dev.forcelink.core.exception.AuthenticationException if no token can be obtained
   * @throws IllegalStateException if the client is closed
   */
  public Subscription subscribe(String topic, SubscribeOptions options, EventHandler handler) {
    requireName(topic, "topic");
    return startHandlerSubscription(new PlainStreamProtocol(asyncStub, topic), options, handler);
  }

  /**
   * Subscribes to a managed subscription ({@code ManagedSubscribe}, beta): the server keeps the
   * position, and each processed event's replay id is committed after the handler returns. Commit
   * failures are reported to {@link SubscriptionListener#onCommitFailure(CommitFailure)} and do not
   * stop the subscription. {@link Subscription#close()} keeps the stream open until the server has
   * answered the final commit (bounded), so that the next subscription resumes after every
   * processed event. The options' replay settings and store are not used.
   *
   * @param subscription the managed subscription, by developer name or id
   * @param options flow control, concurrency and recovery
   * @param handler what to do with each event
   * @return the running subscription
   * @throws NullPointerException if an argument is null
   * @throws dev.forcelink.core.exception.AuthenticationException if no token can be obtained
   * @throws IllegalStateException if the client is closed
   */
  public Subscription managedSubscribe(ManagedSubscriptionRef subscription, SubscribeOptions options,
      EventHandler handler) {
    Objects.requireNonNull(subscription, "subscription");
    return startHandlerSubscription(new ManagedStreamProtocol(asyncStub, subscription), options, handler);
  }

  private Subscription startHandlerSubscription(StreamProtocol protocol, SubscribeOptions options, EventHandler handler) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(handler, "handler");
    ensureOpen();
    // Fail now, not on every resubscription, when the org id cannot be known.
    metadata.tenantIdFor(connection.authProvider().token());
    Executor executor = options.executor().orElse(context.executor());
    SubscriptionEngine[] engine = new SubscriptionEngine[1];
    HandlerDispatcher dispatcher = new HandlerDispatcher(handler, executor, options.concurrency(),
        options.queueCapacity(), (event, failure) -> engine[0].fail(
            failure instanceof java.util.concurrent.RejectedExecutionException
                ? new IllegalStateException("The subscription's executor rejected work", failure)
                : new EventHandlerException(protocol.name(), event.replayId(), failure)));
    engine[0] = new SubscriptionEngine(protocol, dispatcher, options, context);
    track(engine[0]);
    try {
      engine[0].start();
    } catch (RuntimeException e) {
      engine[0].fail(e);
      throw e;
    }
    return engine[0];
  }

  /**
   * Returns a publisher of a topic's events for {@link java.util.concurrent.Flow} consumers. Each
   * {@code subscribe} starts its own subscription; the stream opens on the first {@code
   * request(n)}, and only requested events are fetched. Call {@link PubSubEvent#ack()} on each
   * processed event to advance the stored position. Recoverable errors are resumed as with {@link
   * #subscribe(String, SubscribeOptions, EventHandler)}; others end in {@code onError}.
   *
   * @param topic the topic
   * @param options how to start, store, flow and recover
   * @return the publisher
   * @throws IllegalArgumentException if the topic is blank
   * @throws NullPointerException if {@code options} is null
   */
  public Flow.Publisher<PubSubEvent> publisher(String topic, SubscribeOptions options) {
    requireName(topic, "topic");
    Objects.requireNonNull(options, "options");
    return subscriber -> startFlow(new PlainStreamProtocol(asyncStub, topic), options, subscriber);
  }

  /**
   * Returns a publisher of a managed subscription's events; acknowledged events are committed.
   *
   * @param subscription the managed subscription
   * @param options flow control and recovery
   * @return the publisher
   * @throws NullPointerException if an argument is null
   */
  public Flow.Publisher<PubSubEvent> managedPublisher(ManagedSubscriptionRef subscription, SubscribeOptions options) {
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(options, "options");
    return subscriber -> startFlow(new ManagedStreamProtocol(asyncStub, subscription), options, subscriber);
  }

  private void startFlow(StreamProtocol protocol, SubscribeOptions options, Flow.Subscriber<? super PubSubEvent> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    FlowDispatcher dispatcher = new FlowDispatcher(subscriber, options.executor().orElse(context.executor()),
        options.queueCapacity());
    SubscriptionEngine engine = new SubscriptionEngine(protocol, dispatcher, options, context);
    dispatcher.attach(engine);
    subscriber.onSubscribe(dispatcher);
    try {
      ensureOpen();
      track(engine);
      engine.start();
    } catch (RuntimeException e) {
      engine.fail(e);
    }
  }

  // ---------------------------------------------------------------- publish

  /**
   * Publishes events to a topic and returns one result per event, in the given order, matched by
   * correlation key. Events are encoded with the topic's current schema; more than 200 events or 3 MB
   * go out as several requests, in order. Every check happens before anything is sent.
   *
   * @param topic the topic
   * @param events payloads ({@code GenericRecord}, {@code Map} of field values, or objects Jackson
   *     maps to one) or {@link OutgoingEvent}s carrying their own ids
   * @return the results
   * @throws IllegalArgumentException if the topic is blank, an event is null, over 1 MB or does not
   *     fit the schema (nothing is sent then)
   * @throws PubSubException if a request fails; results of earlier requests are in its message
   * @throws IllegalStateException if the client is closed
   */
  public List<PublishResult> publish(String topic, List<?> events) {
    requireName(topic, "topic");
    Objects.requireNonNull(events, "events");
    ensureOpen();
    if (events.isEmpty()) {
      return List.of();
    }
    List<ProducerEvent> encoded = PublishEncoding.encode(schemaForTopic(topic), events, mapper);
    List<PublishRequest> requests = PublishEncoding.split(topic, encoded);
    List<PublishResult> results = new ArrayList<>(encoded.size());
    for (int i = 0; i < requests.size(); i++) {
      PublishRequest request = requests.get(i);
      PublishResponse response;
      try {
        // Publishing is not idempotent: only an auth rejection (nothing was accepted) is retried.
        response = unary("Publish to " + topic, false, stub -> stub.publish(request));
      } catch (PubSubException e) {
        if (i == 0) {
          throw e;
        }
        throw new PubSubException("Publish to " + topic + " (request " + (i + 1) + " of " + requests.size()
            + "; the first " + results.size() + " events were sent, " + successes(results) + " accepted)",
            e.status(), e.errorCode().orElse(null), e.rpcId().orElse(null), null,
            e.correlationId().orElse(null), false, e);
      }
      results.addAll(PublishEncoding.results(request, response));
    }
    return results;
  }

  private static long successes(List<PublishResult> results) {
    return results.stream().filter(PublishResult::isSuccess).count();
  }

  /**
   * Opens a long-lived, pipelined publisher on a topic ({@code PublishStream}).
   *
   * @param topic the topic
   * @return the stream; close it when done
   * @throws IllegalArgumentException if the topic is blank
   * @throws IllegalStateException if the client is closed
   */
  public PublishStream openPublishStream(String topic) {
    requireName(topic, "topic");
    ensureOpen();
    DefaultPublishStream stream = new DefaultPublishStream(this, topic, asyncStub, context, publishStreamIdleTimeout);
    track(stream);
    return stream;
  }

  // ---------------------------------------------------------------- plumbing

  private <T> T unary(String what, boolean idempotent,
      Function<PubSubGrpc.PubSubBlockingStub, T> call) {
    RetryPolicy policy = connection.retryPolicy();
    AccessToken token = connection.authProvider().token();
    boolean refreshed = false;
    int attempt = 0;
    while (true) {
      attempt++;
      String traceId = UUID.randomUUID().toString();
      try {
        return call.apply(blockingStub.withOption(CallMetadata.TOKEN, token).withOption(CallMetadata.TRACE_ID, traceId)
            .withDeadlineAfter(policy.attemptTimeout().toNanos(), TimeUnit.NANOSECONDS));
      } catch (StatusRuntimeException e) {
        GrpcFailure failure = GrpcFailure.of(e);
        GrpcFailure.Action action = failure.action();
        if (action == GrpcFailure.Action.REFRESH_AUTH && !refreshed) {
          refreshed = true;
          token = connection.authProvider().refresh(token);
          LOG.info("Refreshed the access token after {} on {}", failure.describe(), what);
          notifyTokenRefresh(token, failure, traceId);
          continue;
        }
        if (action == GrpcFailure.Action.RETRY && idempotent && attempt < policy.maxAttempts()) {
          Duration delay = context.jitter().apply(policy.backoffCeiling(attempt, false));
          LOG.info("{} failed ({}); retrying in {} ms (attempt {} of {})", what, failure.describe(), delay.toMillis(),
              attempt, policy.maxAttempts());
          sleep(delay);
          continue;
        }
        throw failure.toException(what, traceId);
      }
    }
  }

  private void notifyTokenRefresh(AccessToken token, GrpcFailure failure, String traceId) {
    TokenRefreshed event = new TokenRefreshed(token.instanceUrl(), "Pub/Sub " + failure.describe(), traceId, Instant.now());
    for (ForcelinkListener l : connection.listeners()) {
      try {
        l.onTokenRefresh(event);
      } catch (RuntimeException e) {
        LOG.warn("A listener failed on a token refresh event; ignored", e);
      }
    }
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to retry a Pub/Sub call", e);
    }
  }

  private void track(AutoCloseable resource) {
    open.add(resource);
    if (closed) {
      closeQuietly(resource);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("This PubSubClient is closed; build a new one");
    }
  }

  private static void requireName(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      LOG.debug("Closing {} failed: {}", resource, e.toString());
    }
  }

  /**
   * Ends every subscription and publish stream this client started (each as its own {@code
   * close()} does, waiting for running handlers and for managed subscriptions' final commits, the
   * subscriptions' waits overlapping rather than adding up), stops
   * its timer and, if the client created the channel, shuts it down (waiting up to 5 seconds).
   * Idempotent; never throws.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<AutoCloseable> resources = List.copyOf(open);
    // Start every subscription's close before waiting for any: managed subscriptions then wait for
    // their final commits' answers at the same time, not one after another.
    for (AutoCloseable resource : resources) {
      if (resource instanceof SubscriptionEngine) {
        try {
          ((SubscriptionEngine) resource).closeWithoutWaiting();
        } catch (RuntimeException e) {
          LOG.debug("Closing {} failed: {}", resource, e.toString());
        }
      }
    }
    for (AutoCloseable resource : resources) {
      closeQuietly(resource);
    }
    scheduler.shutdownNow();
    if (ownsChannel) {
      channel.shutdown();
      try {
        if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
          channel.shutdownNow();
        }
      } catch (InterruptedException e) {
        channel.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Returns the endpoint; never a token. */
  @Override
  public String toString() {
    return "PubSubClient{target=" + target + ", closed=" + closed + "}";
  }

  private static ObjectMapper bindingMapper() {
    ObjectMapper m = Json.newMapper();
    SimpleModule numbers = new SimpleModule("forcelink-pubsub-avro-time");
    // On the wire Salesforce sends date-times as epoch milliseconds and dates as epoch days.
    numbers.addDeserializer(Instant.class, new JsonDeserializer<>() {
      @Override
      public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NUMBER_INT ? Instant.ofEpochMilli(p.getLongValue())
            : Json.parseInstant(p.getValueAsString());
      }
    });
    numbers.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
      @Override
      public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NUMBER_INT ? LocalDate.ofEpochDay(p.getLongValue())
            : LocalDate.parse(p.getValueAsString());
      }
    });
    m.registerModule(numbers);
    return m;
  }

  /** Decodes payloads with cached schemas and binds maps through Jackson. */
  private final class Decoder implements PubSubEvent.Decoder {
    @Override
    public GenericRecord decode(String schemaId, byte[] payload) {
      return AvroCodec.decode(schemas.get(schemaId), payload);
    }

    @Override
    public <T> T convert(Map<String, Object> plain, Class<T> type) {
      try {
        return mapper.convertValue(plain, type);
      } catch (IllegalArgumentException e) {
        throw new ResponseDecodeException("Cannot bind the event to " + type.getName() + ": " + e.getMessage(), e, null);
      }
    }

    @Override
    public Map<String, Object> toPlain(GenericRecord record) {
      return AvroValues.toPlainMap(record);
    }
  }

  /** Builds a {@link PubSubClient}. Not thread-safe. */
  public static final class Builder {
    private final SalesforceConnection connection;
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private boolean plaintextRequested;
    private boolean allowPlaintext;
    private Path trustCertificates;
    private TrustManagerFactory trustManagerFactory;
    private String tenantId;
    private Duration keepAliveTime = Duration.ofMinutes(5);
    private Duration keepAliveTimeout = Duration.ofSeconds(20);
    private int maxInboundMessageBytes = 64 * 1024 * 1024;
    private Duration publishStreamIdleTimeout = Duration.ofSeconds(60);
    private ManagedChannel channel;
    private boolean ownsSuppliedChannel;
    private Jitter jitter;

    private Builder(SalesforceConnection connection) {
      this.connection = connection;
    }

    /**
     * Sets the endpoint; default {@code api.pubsub.salesforce.com:7443}.
     *
     * @param host the host
     * @param port the port
     * @return this builder
     * @throws IllegalArgumentException if the host is blank or the port out of range
     */
    public Builder endpoint(String host, int port) {
      requireName(host, "host");
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1 to 65535, got " + port);
      }
      this.host = host;
      this.port = port;
      return this;
    }

    /**
     * Uses plaintext (no TLS), as a local emulator needs. Allowed for loopback endpoints; any other
     * host also needs {@link #allowPlaintext(boolean)}, since the token would travel unencrypted.
     *
     * @param plaintext true for plaintext
     * @return this builder
     */
    public Builder plaintext(boolean plaintext) {
      this.plaintextRequested = plaintext;
      return this;
    }

    /**
     * Allows plaintext to a non-loopback host, and turns plaintext on.
     *
     * @param allow true to allow and use plaintext
     * @return this builder
     */
    public Builder allowPlaintext(boolean allow) {
      this.allowPlaintext = allow;
      this.plaintextRequested = allow || plaintextRequested;
      return this;
    }

    /**
     * Trusts the certificates in a PEM file instead of the JDK's default trust store, for a test
     * server with its own certificate authority.
     *
     * @param pemFile the PEM file of trusted certificates
     * @return this builder
     * @throws IllegalArgumentException if the file is not readable
     */
    public Builder trustCertificates(Path pemFile) {
      Objects.requireNonNull(pemFile, "pemFile");
      if (!Files.isReadable(pemFile)) {
        throw new IllegalArgumentException("The trusted certificate file " + pemFile + " is not readable");
      }
      this.trustCertificates = pemFile;
      return this;
    }

    /**
     * Trusts what the given trust manager factory trusts.
     *
     * @param factory an initialised trust manager factory
     * @return this builder
     */
    public Builder trustManagerFactory(TrustManagerFactory factory) {
      this.trustManagerFactory = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /**
     * Sets the org id sent as {@code tenantid}, for tokens that do not carry it. A 15-character id
     * is converted to its 18-character form.
     *
     * @param orgId the org id
     * @return this builder
     * @throws IllegalArgumentException if it is not a valid Salesforce id
     */
    public Builder tenantId(String orgId) {
      this.tenantId = CallMetadata.tenantId(Objects.requireNonNull(orgId, "orgId"));
      return this;
    }

    /**
     * Sets how often an idle connection with calls in progress is pinged; default 5 minutes, the
     * gRPC server default minimum. No pings are sent without calls.
     *
     * @param keepAliveTime at least 5 minutes
     * @return this builder
     * @throws IllegalArgumentException if below 5 minutes: servers answer more frequent pings with
     *     {@code GOAWAY ENHANCE_YOUR_CALM too_many_pings}
     */
    public Builder keepAliveTime(Duration keepAliveTime) {
      Objects.requireNonNull(keepAliveTime, "keepAliveTime");
      if (keepAliveTime.compareTo(Duration.ofMinutes(5)) < 0) {
        throw new IllegalArgumentException("keepAliveTime must be at least 5 minutes (the gRPC server default "
            + "minimum ping interval; more frequent pings get GOAWAY too_many_pings), got " + keepAliveTime);
      }
      this.keepAliveTime = keepAliveTime;
      return this;
    }

    /**
     * Sets the largest response accepted; default 64 MiB (a response may carry up to 100 events of
     * up to 1 MB each).
     *
     * @param bytes at least 4 MiB
     * @return this builder
     * @throws IllegalArgumentException if below 4 MiB
     */
    public Builder maxInboundMessageBytes(int bytes) {
      if (bytes < 4 * 1024 * 1024) {
        throw new IllegalArgumentException("maxInboundMessageBytes must be at least 4 MiB, got " + bytes);
      }
      this.maxInboundMessageBytes = bytes;
      return this;
    }

    /**
     * Sets how long a {@link PublishStream} may stay quiet before it is closed (and reopened by the
     * next publish); default 60 s, below the server's 70 s idle limit.
     *
     * @param idleTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder publishStreamIdleTimeout(Duration idleTimeout) {
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
      }
      this.publishStreamIdleTimeout = idleTimeout;
      return this;
    }

    /** Uses an existing channel (tests: an in-process one). */
    Builder channel(ManagedChannel channel, boolean closeWithClient) {
      this.channel = Objects.requireNonNull(channel, "channel");
      this.ownsSuppliedChannel = closeWithClient;
      return this;
    }

    /** Replaces the backoff jitter (tests). */
    Builder jitter(Jitter jitter) {
      this.jitter = jitter;
      return this;
    }

    /**
     * Builds the client and its channel (connections open lazily, on the first call).
     *
     * @return the client
     * @throws IllegalArgumentException if plaintext is requested for a non-loopback host without
     *     {@link #allowPlaintext(boolean)}, or the TLS settings cannot be used
     * @throws IllegalStateException if the connection is closed
     */
    public PubSubClient build() {
      if (connection.isClosed()) {
        throw new IllegalStateException("The SalesforceConnection is closed");
      }
      return new PubSubClient(this);
    }
  }
}
