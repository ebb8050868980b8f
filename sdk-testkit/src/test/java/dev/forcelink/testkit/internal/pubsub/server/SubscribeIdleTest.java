package dev.forcelink.testkit.internal.pubsub.server;

import static dev.forcelink.testkit.internal.pubsub.server.Fetching.ORDER_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.pubsub.internal.proto.ReplayPreset;
import dev.forcelink.testkit.PubSubOptions;
import dev.forcelink.testkit.SalesforceEmulator;
import io.grpc.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The idle close of a Subscribe stream with a 400 ms idle timeout (Salesforce: 60 s). */
class SubscribeIdleTest {

    @Test
    void closesWhenNothingIsOwedAndNoRequestCame() throws Exception {
        try (SalesforceEmulator emulator = SalesforceEmulator.builder().pubSub(PubSubOptions.builder()
                .keepaliveInterval(Duration.ofMillis(150)).idleTimeout(Duration.ofMillis(400)).build()).start();
             GrpcClient client = GrpcClient.plaintext(emulator)) {
            String token = emulator.issueAccessToken();
            Fetching owed = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.LATEST, null, 5);
            owed.keepalive();
            Fetching.publish(emulator, 1, "e");
            Fetching idle = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.EARLIEST, null, 1);
            idle.events(1);

            assertThat(idle.responses.awaitEnd()).isEqualTo(Status.OK);
            // Still owed events: kept open by keepalives, never closed for idleness.
            owed.events(1);
            for (int i = 0; i < 4; i++) {
                owed.keepalive();
            }
            assertThat(owed.responses.end).isNotDone();
        }
    }
}
