package dev.forcelink.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

    private static final List<String> NAMES = List.of("FORCELINK_INSTANCE_URL", "FORCELINK_LOGIN_URL",
            "FORCELINK_PUBSUB_ADDRESS", "FORCELINK_ORG_ID", "FORCELINK_USER_ID", "FORCELINK_USERNAME",
            "FORCELINK_PASSWORD", "FORCELINK_CLIENT_ID", "FORCELINK_CLIENT_SECRET", "FORCELINK_ACCESS_TOKEN");

    @Test
    void printsOneLinePerSettingAndServes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (SalesforceEmulator emulator = Main.start(new String[] {"--http-port", "0", "--grpc-port", "0"},
                new PrintStream(buffer, true, StandardCharsets.UTF_8))) {
            Map<String, String> lines = parse(buffer.toString(StandardCharsets.UTF_8));

            assertThat(lines.keySet()).containsExactlyElementsOf(NAMES);
            assertThat(lines.get("FORCELINK_INSTANCE_URL")).isEqualTo(emulator.instanceUrl());
            assertThat(lines.get("FORCELINK_PUBSUB_ADDRESS")).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(lines.get("FORCELINK_ORG_ID")).startsWith("00D").hasSize(18);
            assertThat(new Http(emulator).get("/services/data/v60.0/limits", lines.get("FORCELINK_ACCESS_TOKEN"))
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void tlsAddsTheCertificatePath() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (SalesforceEmulator emulator = Main.start(new String[] {"--tls"},
                new PrintStream(buffer, true, StandardCharsets.UTF_8))) {
            Map<String, String> lines = parse(buffer.toString(StandardCharsets.UTF_8));
            assertThat(lines).containsKey("FORCELINK_TLS_CERT").hasSize(NAMES.size() + 1);
            assertThat(Files.readString(Path.of(lines.get("FORCELINK_TLS_CERT")))).contains("BEGIN CERTIFICATE");
            assertThat(lines.get("FORCELINK_INSTANCE_URL")).isEqualTo(emulator.instanceUrl()).startsWith("https://");
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--nope"})).isInstanceOf(Main.UsageException.class)
                .hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> Main.parse(new String[] {"--http-port"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Main.parse(new String[] {"--http-port", "x"})).hasMessageContaining("number");
        assertThatThrownBy(() -> Main.parse(new String[] {"--grpc-port", "70000"})).hasMessageContaining("65535");
        assertThatThrownBy(() -> Main.parse(new String[] {"--schema", "/no/such/file.json"}))
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> Main.parse(new String[] {"--help"})).isInstanceOf(Main.UsageException.class)
                .hasMessage(null);
        assertThat(Main.USAGE).contains("--http-port", "--grpc-port", "--tls", "--schema", "--help");
    }

    private static Map<String, String> parse(String output) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int eq = line.indexOf('=');
            assertThat(eq).as(line).isPositive();
            assertThat(lines.put(line.substring(0, eq), line.substring(eq + 1))).as("duplicate " + line).isNull();
        }
        return lines;
    }
}
