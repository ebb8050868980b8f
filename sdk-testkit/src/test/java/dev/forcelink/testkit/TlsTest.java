package dev.forcelink.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class TlsTest {

    @Test
    void servesHttpsTrustedThroughItsSslContext() throws Exception {
        try (SalesforceEmulator emulator = SalesforceEmulator.builder().tls(true).start()) {
            assertThat(emulator.instanceUrl()).startsWith("https://127.0.0.1:");
            HttpClient client = HttpClient.newBuilder().sslContext(emulator.sslContext()).build();
            Http http = new Http(client, emulator.instanceUrl());

            assertThat(http.get("/services/data/v60.0/limits", emulator.issueAccessToken()).statusCode())
                    .isEqualTo(200);
            assertThat(Files.readString(emulator.certificatePemPath())).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(emulator.certificatePemPath()).isEqualTo(emulator.certificatePemPath());
        }
    }

    @Test
    void plainEmulatorHasNoSslContext() {
        try (SalesforceEmulator emulator = SalesforceEmulator.start()) {
            assertThat(emulator.instanceUrl()).startsWith("http://127.0.0.1:");
            assertThatThrownBy(emulator::sslContext).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("tls(true)");
        }
    }
}
