package dev.forcelink.testkit.internal.pubsub.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.pubsub.internal.proto.TopicRequest;
import dev.forcelink.testkit.SalesforceEmulator;
import org.junit.jupiter.api.Test;

class PubSubTlsTest {

    @Test
    void servesTheServiceOverTlsWithTheEmulatorsCertificate() throws Exception {
        try (SalesforceEmulator emulator = SalesforceEmulator.builder().tls(true).start();
             GrpcClient client = GrpcClient.tls(emulator)) {
            assertThat(client.blocking(emulator.issueAccessToken())
                    .getTopic(TopicRequest.newBuilder().setTopicName("/data/ChangeEvents").build()).getTopicName())
                    .isEqualTo("/data/ChangeEvents");
        }
    }
}
