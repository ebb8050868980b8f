package dev.forcelink.rest.composite;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.CachingAuthProvider;
import dev.forcelink.core.retry.RetryPolicy;
import dev.forcelink.rest.RestClient;
import dev.forcelink.rest.SObject;
import dev.forcelink.testkit.RecordedRequest;
import dev.forcelink.testkit.SalesforceEmulator;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Clients pointed at an embedded emulator, for the end-to-end tests of the Composite and
 * Collections clients. The token comes straight from the emulator, so these tests need no auth
 * module; retries are fast so that fault tests stay quick.
 */
public final class EmulatorClients {
  private EmulatorClients() {}

  /**
   * A fresh connection to {@code emulator}; close it after the tests.
   *
   * @param emulator the running emulator
   * @return the connection
   */
  public static SalesforceConnection connect(SalesforceEmulator emulator) {
    String token = emulator.issueAccessToken();
    AccessToken access = AccessToken.builder()
        .value(Secret.of(token))
        .instanceUrl(URI.create(emulator.instanceUrl()))
        .build();
    return SalesforceConnection.builder()
        .authProvider(CachingAuthProvider.of(() -> access))
        .retryPolicy(RetryPolicy.builder()
            .baseDelay(Duration.ofMillis(1))
            .throttledBaseDelay(Duration.ofMillis(2))
            .maxBackoff(Duration.ofMillis(10))
            .attemptTimeout(Duration.ofSeconds(10))
            .callTimeout(Duration.ofSeconds(30))
            .build())
        .build();
  }

  /**
   * The requests the emulator received under a data API path, such as {@code /composite/sobjects}.
   *
   * @param emulator the emulator
   * @param client the client whose API version names the path
   * @param resource the path after the version, starting with {@code /}
   * @return the matching requests, oldest first
   */
  public static List<RecordedRequest> requestsTo(SalesforceEmulator emulator, RestClient client, String resource) {
    String prefix = client.dataPath() + resource;
    return emulator.requests().list().stream().filter(r -> r.path().startsWith(prefix)).toList();
  }

  /**
   * Counts records with a SOQL {@code COUNT()} query.
   *
   * @param client the client
   * @param objectAndWhere such as {@code Contact WHERE LastName = 'X'}
   * @return the count the server reports
   */
  public static long count(RestClient client, String objectAndWhere) {
    return client.query("SELECT COUNT() FROM " + objectAndWhere).totalSize();
  }

  /**
   * Builds a record.
   *
   * @param type the sObject type
   * @param keysAndValues field names and values, alternating
   * @return the record
   */
  public static SObject record(String type, Object... keysAndValues) {
    SObject.Builder b = SObject.builder(type);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      b.set((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return b.build();
  }
}
