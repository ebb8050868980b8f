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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An emulated org for the Pub/Sub benchmarks, with one token shared by the client under test and
 * the raw baselines, so both pay the same (nothing) for authentication. The emulator runs in this
 * JVM ({@link #BenchOrg(int)}) or in a child JVM ({@link #inChildJvm(int)}), where it does not
 * compete with the consumer being measured.
 *
 * <p>Thread-safe.
 */
final class BenchOrg implements AutoCloseable {
  static final String ORDER_TOPIC = "/event/Order_Event__e";

  private final SalesforceEmulator emulator;
  private final Process child;
  private final BufferedReader childOut;
  private final PrintWriter childIn;
  private final String instanceUrl;
  private final String orgId;
  private final String token;
  private final SalesforceConnection connection;
  private final String host;
  private final int port;

  BenchOrg(int maxEventsPerTopic) {
    this(SalesforceEmulator.builder()
        .pubSub(PubSubOptions.builder().maxEventsPerTopic(maxEventsPerTopic).build())
        .start(), null, null, null, null);
  }

  private BenchOrg(SalesforceEmulator emulator, Process child, BufferedReader childOut, PrintWriter childIn,
      String[] ready) {
    this.emulator = emulator;
    this.child = child;
    this.childOut = childOut;
    this.childIn = childIn;
    this.instanceUrl = emulator != null ? emulator.instanceUrl() : ready[1];
    String address = emulator != null ? emulator.pubSubAddress() : ready[2];
    this.orgId = emulator != null ? emulator.orgId() : ready[3];
    this.token = emulator != null ? emulator.issueAccessToken() : ready[4];
    AccessToken accessToken = AccessToken.builder().value(Secret.of(token)).instanceUrl(URI.create(instanceUrl))
        .organizationId(orgId).build();
    this.connection = SalesforceConnection.builder().authProvider(CachingAuthProvider.of(() -> accessToken)).build();
    this.host = address.substring(0, address.lastIndexOf(':'));
    this.port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  /** Starts the emulator in a child JVM ({@link PubSubEmulatorHost}) on this JVM's class path. */
  static BenchOrg inChildJvm(int maxEventsPerTopic) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), PubSubEmulatorHost.class.getName(),
        Integer.toString(maxEventsPerTopic)));
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      Process process = pb.start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = out.readLine();
        if (line == null) {
          throw new IllegalStateException("The emulator process ended before it was ready");
        }
      } while (!line.startsWith("READY "));
      return new BenchOrg(null, process, out, new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8),
          line.split(" "));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the emulator process", e);
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
      command("delay " + delay.toMillis());
    }
  }

  /** Removes the response delay. */
  void clearFaults() {
    if (emulator != null) {
      emulator.pubSubFaults().clear();
    } else {
      command("clear");
    }
  }

  private void command(String line) {
    childIn.println(line);
    try {
      String answer = childOut.readLine();
      if (!"OK".equals(answer)) {
        throw new IllegalStateException("The emulator process answered '" + answer + "' to '" + line + "'");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SalesforceConnection connection() {
    return connection;
  }

  /** Publishes {@code count} order events in the emulator, each about as large as a small real one. */
  void publishOrders(int count) {
    if (emulator == null) {
      command("publish " + count);
    } else {
      publishOrders(emulator, count);
    }
  }

  static void publishOrders(SalesforceEmulator emulator, int count) {
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
    headers.put(Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER), instanceUrl);
    headers.put(Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER), orgId);
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  @Override
  public void close() {
    connection.close();
    if (emulator != null) {
      emulator.close();
      return;
    }
    childIn.close();
    try {
      if (!child.waitFor(10, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    } catch (InterruptedException e) {
      child.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
