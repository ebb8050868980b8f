package dev.forcelink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.auth.StaticTokenAuth;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.http.SalesforceRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the shaded {@code forcelink-emulator.jar} as its own process, the way a user of another
 * language would, reads the {@code NAME=value} lines it prints and uses them.
 */
class StandaloneEmulatorJarTest {
  private static final List<String> EXPECTED = List.of(
      "FORCELINK_INSTANCE_URL", "FORCELINK_LOGIN_URL", "FORCELINK_PUBSUB_ADDRESS", "FORCELINK_ORG_ID",
      "FORCELINK_USER_ID", "FORCELINK_USERNAME", "FORCELINK_PASSWORD", "FORCELINK_CLIENT_ID",
      "FORCELINK_CLIENT_SECRET", "FORCELINK_ACCESS_TOKEN");

  @Test
  void printsItsSettingsAndServesTheDataApi() throws Exception {
    Path jar = Path.of("..", "sdk-testkit", "target", "forcelink-emulator.jar").toAbsolutePath().normalize();
    assertThat(jar).as("the build's package phase makes %s", jar).exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--http-port", "0")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      Map<String, String> settings = new LinkedHashMap<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (settings.size() < EXPECTED.size() && System.nanoTime() < deadline) {
        String line = out.readLine();
        if (line == null) {
          break;
        }
        int eq = line.indexOf('=');
        if (line.startsWith("FORCELINK_") && eq > 0) {
          settings.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      assertThat(settings).containsOnlyKeys(EXPECTED);
      assertThat(settings.get("FORCELINK_PUBSUB_ADDRESS")).matches("[\\w.\\-]+:\\d+");

      StaticTokenAuth auth = StaticTokenAuth.of(Secret.of(settings.get("FORCELINK_ACCESS_TOKEN")),
          URI.create(settings.get("FORCELINK_INSTANCE_URL")));
      try (SalesforceConnection connection = SalesforceConnection.builder().authProvider(auth).build()) {
        String limits = connection.sendForString(SalesforceRequest.builder()
            .get().path("/services/data/v65.0/limits").build()).body();
        assertThat(limits).contains("DailyApiRequests");
      }
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
