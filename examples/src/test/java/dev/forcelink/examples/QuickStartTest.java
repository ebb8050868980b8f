package dev.forcelink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.examples.quickstart.QuickStart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void printsIdentityVersionsAndLimitsFromTheEmbeddedEmulator() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ExampleOrg org = ExampleOrg.connect(Map.of());
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      QuickStart.run(org, out);
      String text = bytes.toString(StandardCharsets.UTF_8);

      assertThat(text)
          .contains("Logged in to the embedded emulator")
          .contains("User:      " + org.emulator().username())
          .contains("Org:       " + org.emulator().orgId())
          .contains("Versions:  31.0 to 65.0 offered; using 65.0")
          .containsPattern("DailyApiRequests:\\s+[\\d,]+ of 100,000 remaining")
          .contains("API usage:");
    }
  }

  @Test
  void aPartlyConfiguredRealOrgIsRefusedWithTheMissingVariable() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ExampleOrg.connect(Map.of("FORCELINK_LOGIN_URL", "https://login.salesforce.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FORCELINK_CLIENT_ID");
  }
}
