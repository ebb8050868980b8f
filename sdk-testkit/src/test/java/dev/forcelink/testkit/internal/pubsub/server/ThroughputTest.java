package dev.forcelink.testkit.internal.pubsub.server;

import static dev.forcelink.testkit.internal.pubsub.server.Fetching.ORDER_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.pubsub.internal.proto.FetchResponse;
import dev.forcelink.pubsub.internal.proto.ReplayPreset;
import dev.forcelink.testkit.SalesforceEmulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Consumes 100,000 events over a real channel, refilling at half the 100-event window, and checks that every event
 * arrives once and in order. It runs for about two seconds on a laptop: the volume is the point, as benchmarks rely
 * on the emulator serving that many without falling behind or growing its buffers.
 */
class ThroughputTest {

    private static final int EVENTS = 100_000;

    @Test
    void deliversOneHundredThousandEventsInOrder() throws Exception {
        try (SalesforceEmulator emulator = SalesforceEmulator.start();
             GrpcClient client = GrpcClient.plaintext(emulator)) {
            for (int i = 0; i < EVENTS; i++) {
                emulator.publishPlatformEvent("Order_Event__e", Map.of("Status__c", "s" + i));
            }
            Fetching sub = Fetching.subscribe(client, emulator.issueAccessToken(), ORDER_EVENTS,
                    ReplayPreset.EARLIEST, null, 100);
            long expected = -1;
            int received = 0;
            int owed = 100;
            while (received < EVENTS) {
                FetchResponse response = sub.responses.next();
                for (var event : response.getEventsList()) {
                    long sequence = Fetching.sequence(event);
                    assertThat(expected == -1 || sequence == expected).as("event %d in order", sequence).isTrue();
                    expected = sequence + 1;
                }
                received += response.getEventsCount();
                owed -= response.getEventsCount();
                assertThat(response.getPendingNumRequested()).isEqualTo(owed);
                if (owed <= 50 && received + owed < EVENTS) {
                    int more = 100 - owed;
                    sub.request(more);
                    owed += more;
                }
            }
            assertThat(received).isEqualTo(EVENTS);
        }
    }
}
