package dev.forcelink.benchmarks.pubsub;

import dev.forcelink.benchmarks.emulator.EmulatorProcess;
import dev.forcelink.benchmarks.emulator.EmulatorSettings;
import dev.forcelink.benchmarks.emulator.OrderPublisher;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.pubsub.internal.proto.PubSubGrpc;
import dev.forcelink.testkit.PubSubOptions;
import dev.forcelink.testkit.SalesforceEmulator;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.URI;
import java.time.Duration;

/**
 * An emulated org for the Pub/Sub benchmarks, with one token shared by the client under test and
 * the raw baselines, so both pay the same (nothing) for authentication. The emulator runs in this
 * JVM ({@link #BenchOrg(int)}) or in a child JVM ({@link #inChildJvm(int)}), where it does not
 * compete with the consumer being measured.
 *
 * <p>Thread-safe.
 */
final class BenchOrg implements AutoCloseable {
  static final String ORDER_TOPIC = OrderPublisher.TOPIC;

  private final SalesforceEmulator emulator;
  private final EmulatorProcess child;
  private final String instanceUrl;
  private final String orgId;
  private final String token;
  private final SalesforceConnection connection;
  private final String host;
  private final int port;

  BenchOrg(int maxEventsPerTopic) {
    this(SalesforceEmulator.builder()
        .pubSub(PubSubOptions.builder().maxEventsPerTopic(maxEventsPerTopic).build())
        .start());
  }

  private BenchOrg(SalesforceEmulator emulator) {
    this(emulator, null, emulator.instanceUrl(), emulator.pubSubAddress(), emulator.orgId(),
        emulator.issueAccessToken());
  }

  private BenchOrg(EmulatorProcess child) {
    this(null, child, child.instanceUrl(), child.pubSubAddress(), child.orgId(), child.accessToken());
  }

  private BenchOrg(SalesforceEmulator emulator, EmulatorProcess child, String instanceUrl, String address,
      String orgId, String token) {
    this.emulator = emulator;
    this.child = child;
    this.instanceUrl = instanceUrl;
    this.orgId = orgId;
    this.token = token;
    AccessToken accessToken = AccessToken.builder().value(Secret.of(token)).instanceUrl(URI.create(instanceUrl))
        .organizationId(orgId).build();
    this.connection = SalesforceConnection.builder().authProvider(CachingAuthProvider.of(() -> accessToken)).build();
    this.host = address.substring(0, address.lastIndexOf(':'));
    this.port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  /** Starts the emulator in a child JVM ({@link EmulatorProcess}, 2 GiB heap) on this JVM's class path. */
  static BenchOrg inChildJvm(int maxEventsPerTopic) {
    EmulatorProcess child = EmulatorProcess.start(
        EmulatorSettings.builder("2g").maxEventsPerTopic(maxEventsPerTopic).build());
    try {
      return new BenchOrg(child);
    } catch (RuntimeException e) {
      child.close();
      throw e;
    }
  }

  /**
   * Returns the in-process emulator.
   *
   * @throws IllegalStateException when the emulator runs in a child JVM
   */
  SalesforceEmulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException("The emulator runs in a child JVM");
    }
    return emulator;
  }

  /** Delays every Pub/Sub response of the emulator by {@code delay}. */
  void delayResponses(Duration delay) {
    if (emulator != null) {
      emulator.pubSubFaults().delayResponses(delay);
    } else {
      child.delayPubSubResponses(delay);
    }
  }

  /** Removes the response delay. */
  void clearFaults() {
    if (emulator != null) {
      emulator.pubSubFaults().clear();
    } else {
      child.clearPubSubFaults();
    }
  }

  SalesforceConnection connection() {
    return connection;
  }

  /** Publishes {@code count} order events in the emulator, each about as large as a small real one. */
  void publishOrders(int count) {
    if (emulator != null) {
      OrderPublisher.publish(emulator, count);
    } else {
      child.publishOrders(count);
    }
  }

  PubSubClient newClient() {
    return PubSubClient.builder(connection).endpoint(host, port).plaintext(true).build();
  }

  /** A plaintext channel for the raw baselines, with the same message size limit as the client's. */
  ManagedChannel newRawChannel() {
    return NettyChannelBuilder.forAddress(host, port).usePlaintext().maxInboundMessageSize(64 * 1024 * 1024).build();
  }

  /** An async stub sending Salesforce's auth metadata on every call. */
  PubSubGrpc.PubSubStub rawStub(ManagedChannel channel) {
    return PubSubGrpc.newStub(channel).withInterceptors(authHeaders());
  }

  /** A blocking stub sending Salesforce's auth metadata on every call. */
  PubSubGrpc.PubSubBlockingStub rawBlockingStub(ManagedChannel channel) {
    return PubSubGrpc.newBlockingStub(channel).withInterceptors(authHeaders());
  }

  private ClientInterceptor authHeaders() {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER), token);
    headers.put(Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER), instanceUrl);
    headers.put(Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER), orgId);
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  @Override
  public void close() {
    connection.close();
    if (emulator != null) {
      emulator.close();
    } else {
      child.close();
    }
  }
}
