package dev.forcelink.rest;

import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.core.retry.RetryPolicy;
import dev.forcelink.testkit.EmulatorExtension;
import dev.forcelink.testkit.EmulatorSchema;
import dev.forcelink.testkit.RecordedRequest;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.SchemaField;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A connection and a {@link RestClient} to an in-process emulator, with a fast retry policy, for
 * the end-to-end tests. The emulator's schema adds {@code Legacy_Code__c}, an external id that is
 * not unique, so that an upsert can match several records.
 */
final class EmulatorRest implements AutoCloseable {
  static final String DATA = ApiVersion.DEFAULT.dataPath();
  /** An external id field on Account that several records may share. */
  static final String LEGACY_CODE = "Legacy_Code__c";

  final SalesforceEmulator emulator;
  final SalesforceConnection connection;
  final RestClient rest;
  /** Every access token the auth provider fetched, in order. */
  final List<String> tokens = new CopyOnWriteArrayList<>();

  EmulatorRest(SalesforceEmulator emulator) {
    this(emulator, RestClient::builder);
  }

  EmulatorRest(SalesforceEmulator emulator, Function<SalesforceConnection, RestClient.Builder> client) {
    this.emulator = emulator;
    this.connection = connect(emulator, tokens);
    this.rest = client.apply(connection).build();
  }

  /** The extension every end-to-end test class registers: the default org plus the test schema. */
  static EmulatorExtension extension() {
    return EmulatorExtension.builder().configure(b -> b.schema(schema())).build();
  }

  static EmulatorSchema schema() {
    return EmulatorSchema.builder()
        .object("Account", SchemaField.builder(LEGACY_CODE, "string").length(80).externalId(true).build())
        .build();
  }

  /**
   * Connects to the emulator with a token source that asks it for a fresh token each time.
   *
   * @param tokens receives every token issued
   */
  static SalesforceConnection connect(SalesforceEmulator emulator, List<String> tokens) {
    CachingAuthProvider auth = CachingAuthProvider.of(() -> {
      String token = emulator.issueAccessToken();
      tokens.add(token);
      return AccessToken.builder()
          .value(Secret.of(token))
          .instanceUrl(URI.create(emulator.instanceUrl()))
          .build();
    });
    return SalesforceConnection.builder()
        .authProvider(auth)
        .retryPolicy(RetryPolicy.builder()
            .baseDelay(Duration.ofMillis(1)).throttledBaseDelay(Duration.ofMillis(2))
            .maxBackoff(Duration.ofMillis(10)).attemptTimeout(Duration.ofSeconds(10))
            .callTimeout(Duration.ofSeconds(30)).build())
        .build();
  }

  /** The journal's requests whose path starts with {@code prefix} (paths are recorded decoded). */
  List<RecordedRequest> requests(String method, String prefix) {
    return emulator.requests().list().stream()
        .filter(r -> r.method().equals(method) && r.path().startsWith(prefix))
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    rest.close();
    connection.close();
  }
}
