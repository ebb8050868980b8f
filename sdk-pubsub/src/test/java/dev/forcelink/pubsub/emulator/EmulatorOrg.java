package dev.forcelink.pubsub.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.core.event.ForcelinkListener;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import dev.forcelink.core.retry.RetryPolicy;
import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.testkit.PubSubOptions;
import dev.forcelink.testkit.SalesforceEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * An emulated org for end-to-end tests: the emulator, a {@link SalesforceConnection} whose {@link
 * CachingAuthProvider} gets its tokens from the emulator (so a rejected token can really be
 * refreshed), and {@link PubSubClient}s on a real plaintext loopback channel to the emulator's gRPC
 * port. Records every access token it handed out, for the secret checks.
 */
final class EmulatorOrg implements AutoCloseable {
  static final String ORDERS = "/event/Order_Event__e";
  static final String ORDER_EVENT = "Order_Event__e";
  static final String STATUS = "Status__c";
  /** Resumes within milliseconds, so that fault scenarios take well under a second each. */
  static final RetryPolicy FAST_RESUME = RetryPolicy.builder().maxAttempts(10)
      .baseDelay(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(50)).build();
  private static final Duration AWAIT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  final SalesforceEmulator emulator;
  final SalesforceConnection connection;
  final List<String> issuedTokens = new CopyOnWriteArrayList<>();
  private final List<PubSubClient> clients = new ArrayList<>();

  private EmulatorOrg(PubSubOptions options, List<ForcelinkListener> listeners) {
    this.emulator = SalesforceEmulator.builder().pubSub(options).start();
    this.connection = SalesforceConnection.builder()
        .authProvider(CachingAuthProvider.of(this::issueToken))
        .listeners(listeners)
        .build();
  }

  static EmulatorOrg start() {
    return start(PubSubOptions.defaults());
  }

  static EmulatorOrg start(PubSubOptions options, ForcelinkListener... listeners) {
    return new EmulatorOrg(options, List.of(listeners));
  }

  private AccessToken issueToken() {
    String value = emulator.issueAccessToken();
    issuedTokens.add(value);
    return AccessToken.builder()
        .value(Secret.of(value))
        .instanceUrl(URI.create(emulator.instanceUrl()))
        .organizationId(emulator.orgId())
        .userId(emulator.userId())
        .build();
  }

  /** A new client on its own channel to the emulator; closed with the org. */
  PubSubClient client() {
    String address = emulator.pubSubAddress();
    int colon = address.lastIndexOf(':');
    PubSubClient client = PubSubClient.builder(connection)
        .endpoint(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)))
        .plaintext(true)
        .build();
    synchronized (clients) {
      clients.add(client);
    }
    return client;
  }

  /** Publishes {@code Order_Event__e} events whose {@code Status__c} is "from" … "to", as REST writes would. */
  void publishOrders(int from, int to) {
    for (int i = from; i <= to; i++) {
      emulator.publishPlatformEvent(ORDER_EVENT, Map.of(STATUS, Integer.toString(i)));
    }
  }

  /**
   * An {@code Order_Event__e} payload numbered {@code n}. A publisher fills the schema's required
   * {@code CreatedDate} (epoch ms) and {@code CreatedById} (a user of the org) itself.
   */
  Map<String, Object> order(Object status) {
    return Map.of("CreatedDate", System.currentTimeMillis(), "CreatedById", emulator.userId(),
        STATUS, String.valueOf(status));
  }

  /** Creates a record through the REST API and returns its id. */
  String create(String object, String json) {
    SalesforceResponse<String> response = send(SalesforceRequest.builder().post()
        .path(connection.apiVersion().dataPath() + "/sobjects/" + object)
        .body(json.getBytes(StandardCharsets.UTF_8), "application/json").build());
    assertThat(response.statusCode()).isEqualTo(201);
    return read(response.body()).get("id").asText();
  }

  /** Updates a record through the REST API. */
  void update(String object, String id, String json) {
    SalesforceResponse<String> response = send(SalesforceRequest.builder().patch()
        .path(connection.apiVersion().dataPath() + "/sobjects/" + object + "/" + id)
        .body(json.getBytes(StandardCharsets.UTF_8), "application/json").build());
    assertThat(response.statusCode()).isEqualTo(204);
  }

  /** Deletes a record through the REST API. */
  void delete(String object, String id) {
    SalesforceResponse<String> response = send(SalesforceRequest.builder().delete()
        .path(connection.apiVersion().dataPath() + "/sobjects/" + object + "/" + id).build());
    assertThat(response.statusCode()).isEqualTo(204);
  }

  private SalesforceResponse<String> send(SalesforceRequest request) {
    return connection.sendForString(request);
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits up to 15 s for a condition, polling; fails the test with {@code what} if it never holds. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + AWAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + AWAIT.toSeconds() + " s waiting for " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  @Override
  public void close() {
    synchronized (clients) {
      clients.forEach(PubSubClient::close);
    }
    connection.close();
    emulator.close();
  }
}
