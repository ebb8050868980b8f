package dev.forcelink.benchmarks.pubsub;

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
import java.util.Map;

/**
 * An emulated org for the Pub/Sub benchmarks, with one token shared by the client under test and
 * the raw baselines, so both pay the same (nothing) for authentication.
 *
 * <p>Thread-safe.
 */
final class BenchOrg implements AutoCloseable {
  static final String ORDER_TOPIC = "/event/Order_Event__e";

  private final SalesforceEmulator emulator;
  private final String token;
  private final SalesforceConnection connection;
  private final String host;
  private final int port;

  BenchOrg(int maxEventsPerTopic) {
    this.emulator = SalesforceEmulator.builder()
        .pubSub(PubSubOptions.builder().maxEventsPerTopic(maxEventsPerTopic).build())
        .start();
    this.token = emulator.issueAccessToken();
    URI instance = URI.create(emulator.instanceUrl());
    AccessToken accessToken = AccessToken.builder().value(Secret.of(token)).instanceUrl(instance)
        .organizationId(emulator.orgId()).build();
    this.connection = SalesforceConnection.builder().authProvider(CachingAuthProvider.of(() -> accessToken)).build();
    String address = emulator.pubSubAddress();
    this.host = address.substring(0, address.lastIndexOf(':'));
    this.port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  SalesforceEmulator emulator() {
    return emulator;
  }

  SalesforceConnection connection() {
    return connection;
  }

  /** Publishes {@code count} order events in the emulator, each about as large as a small real one. */
  void publishOrders(int count) {
    for (int i = 0; i < count; i++) {
      emulator.publishPlatformEvent("Order_Event__e", Map.of(
          "Opportunity_Id__c", "006000000000001AAA",
          "Amount__c", 1_000.0 + i,
          "Status__c", "Closed Won"));
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
    headers.put(Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER), emulator.instanceUrl());
    headers.put(Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER), emulator.orgId());
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  @Override
  public void close() {
    connection.close();
    emulator.close();
  }
}
