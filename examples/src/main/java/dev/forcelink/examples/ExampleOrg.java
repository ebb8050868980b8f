package dev.forcelink.examples;

import dev.forcelink.auth.JwtBearerAuth;
import dev.forcelink.auth.PrivateKeys;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.auth.AuthProvider;
import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.testkit.SalesforceEmulator;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The org an example talks to: a real org when {@code FORCELINK_LOGIN_URL},
 * {@code FORCELINK_CLIENT_ID}, {@code FORCELINK_USERNAME} and {@code FORCELINK_JWT_KEY_FILE} (a
 * PKCS#8 PEM private key whose certificate is registered on the connected app) are set, otherwise an
 * embedded emulator started on a free port. Both log in with the JWT bearer flow.
 *
 * <p>Not thread-safe to close twice concurrently; otherwise safe to share.
 */
public final class ExampleOrg implements AutoCloseable {
  private final SalesforceEmulator emulator;
  private final AuthProvider auth;
  private final SalesforceConnection connection;
  private final String description;
  private final URI loginUrl;

  private ExampleOrg(SalesforceEmulator emulator, AuthProvider auth, URI loginUrl, String description) {
    this.loginUrl = loginUrl;
    this.emulator = emulator;
    this.auth = auth;
    this.connection = SalesforceConnection.builder()
        .authProvider(auth)
        .userAgent("forcelink-examples")
        .build();
    this.description = description;
  }

  /**
   * Connects to the org named by the environment, or starts an embedded emulator.
   *
   * @return the org; close it to stop the emulator
   * @throws IllegalArgumentException if the environment names an org only partly
   */
  public static ExampleOrg connect() {
    return connect(System.getenv());
  }

  /**
   * Connects to the org named by {@code env}, or starts an embedded emulator.
   *
   * @param env environment variables
   * @return the org
   * @throws IllegalArgumentException if {@code env} names an org only partly
   */
  public static ExampleOrg connect(Map<String, String> env) {
    return connect(env, settings -> { });
  }

  /**
   * Connects to the org named by {@code env}, or starts an embedded emulator configured by {@code
   * emulatorSettings} (for example with the custom fields an example needs, which a real org must
   * already have).
   *
   * @param env environment variables
   * @param emulatorSettings applied to the emulator's builder; not called for a real org
   * @return the org
   * @throws IllegalArgumentException if {@code env} names an org only partly
   * @throws NullPointerException if an argument is null
   */
  public static ExampleOrg connect(Map<String, String> env, Consumer<SalesforceEmulator.Builder> emulatorSettings) {
    Objects.requireNonNull(emulatorSettings, "emulatorSettings");
    String loginUrl = env.get("FORCELINK_LOGIN_URL");
    if (loginUrl == null || loginUrl.isBlank()) {
      SalesforceEmulator.Builder builder = SalesforceEmulator.builder();
      emulatorSettings.accept(builder);
      SalesforceEmulator emulator = builder.start();
      AuthProvider auth = JwtBearerAuth.builder()
          .clientId(emulator.clientId())
          .username(emulator.username())
          .loginUrl(URI.create(emulator.loginUrl()))
          .privateKey(emulator.jwtPrivateKey())
          .build();
      return new ExampleOrg(emulator, auth, URI.create(emulator.loginUrl()), "the embedded emulator at " + emulator.instanceUrl());
    }
    AuthProvider auth = JwtBearerAuth.builder()
        .clientId(require(env, "FORCELINK_CLIENT_ID"))
        .username(require(env, "FORCELINK_USERNAME"))
        .loginUrl(URI.create(loginUrl))
        .privateKey(PrivateKeys.fromPemFile(Path.of(require(env, "FORCELINK_JWT_KEY_FILE"))))
        .build();
    return new ExampleOrg(null, auth, URI.create(loginUrl), "the org behind " + loginUrl);
  }

  private static String require(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("FORCELINK_LOGIN_URL is set, so " + name
          + " must be set too (see the examples section of the README)");
    }
    return value;
  }

  /**
   * Returns the auth provider.
   *
   * @return the JWT bearer provider
   */
  public AuthProvider auth() {
    return auth;
  }

  /**
   * Returns the login URL the JWT bearer flow uses.
   *
   * @return the login URL
   */
  public URI loginUrl() {
    return loginUrl;
  }

  /**
   * Returns the shared connection.
   *
   * @return the connection
   */
  public SalesforceConnection connection() {
    return connection;
  }

  /**
   * Returns the embedded emulator, when no real org is configured.
   *
   * @return the emulator, or null for a real org
   */
  public SalesforceEmulator emulator() {
    return emulator;
  }

  /**
   * Builds a Pub/Sub client for this org over the shared connection: the embedded emulator's
   * plaintext loopback endpoint, or Salesforce's {@code api.pubsub.salesforce.com:7443} with TLS.
   *
   * @return a new client; the caller closes it
   * @throws IllegalStateException if the org is closed
   */
  public PubSubClient pubSubClient() {
    PubSubClient.Builder builder = PubSubClient.builder(connection);
    if (emulator != null) {
      String address = emulator.pubSubAddress();
      int colon = address.lastIndexOf(':');
      builder.endpoint(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))).plaintext(true);
    }
    return builder.build();
  }

  /**
   * Describes the org for the examples' output.
   *
   * @return a short description
   */
  public String description() {
    return description;
  }

  /** Closes the connection and stops the embedded emulator, if any. */
  @Override
  public void close() {
    connection.close();
    if (emulator != null) {
      emulator.close();
    }
  }
}
