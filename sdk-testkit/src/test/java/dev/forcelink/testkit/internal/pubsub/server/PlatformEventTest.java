package dev.forcelink.testkit.internal.pubsub.server;

import static dev.forcelink.testkit.internal.pubsub.server.Fetching.ORDER_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.pubsub.internal.proto.ReplayPreset;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.PlatformEvents;
import dev.forcelink.testkit.internal.org.DmlException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Platform events published outside Pub/Sub, through the hook the REST resource calls. */
class PlatformEventTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private SalesforceEmulator emulator;
    private GrpcClient client;
    private PlatformEvents hook;

    @BeforeEach
    void start() {
        emulator = SalesforceEmulator.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
        client = GrpcClient.plaintext(emulator);
        hook = RuntimeCapture.of(emulator).platformEvents();
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.close();
        emulator.close();
    }

    @Test
    void restPublishedEventsReachSubscribersWithTheStandardFieldsFilled() throws Exception {
        String id = hook.publish("order_event__e", Map.of("Status__c", "Shipped", "amount__c", "12.50",
                "attributes", Map.of("type", "Order_Event__e")), "005000000000001AAA");

        ConsumerEvent event = Fetching.subscribe(client, emulator.issueAccessToken(), ORDER_EVENTS,
                ReplayPreset.EARLIEST, null, 1).events(1).get(0);
        GenericRecord record = OrderEvents.decode(OrderEvents.schema(), event);
        assertThat(id).hasSize(18);
        assertThat(record.get("Status__c").toString()).isEqualTo("Shipped");
        assertThat(record.get("Amount__c")).isEqualTo(12.5);
        assertThat(record.get("CreatedDate")).isEqualTo(NOW.toEpochMilli());
        assertThat(record.get("CreatedById").toString()).isEqualTo("005000000000001AAA");
        assertThat(record.get("EventUuid").toString()).hasSize(36);
        assertThat(event.getEvent().getId()).hasSize(36);
    }

    @Test
    void publishingAsTheOrgUserByDefault() throws Exception {
        emulator.publishPlatformEvent("Order_Event__e", Map.of("Status__c", "New"));
        ConsumerEvent event = Fetching.subscribe(client, emulator.issueAccessToken(), ORDER_EVENTS,
                ReplayPreset.EARLIEST, null, 1).events(1).get(0);
        assertThat(OrderEvents.decode(OrderEvents.schema(), event).get("CreatedById").toString())
                .isEqualTo(emulator.userId());
    }

    @Test
    void unknownEventsAndFieldsAreRefusedWithSalesforceErrorCodes() {
        assertThatThrownBy(() -> hook.publish("Nope__e", Map.of()))
                .isInstanceOfSatisfying(DmlException.class, e -> assertThat(e.statusCode()).isEqualTo("INVALID_TYPE"));
        assertThatThrownBy(() -> hook.publish("Account", Map.of()))
                .isInstanceOfSatisfying(DmlException.class, e -> assertThat(e.statusCode()).isEqualTo("INVALID_TYPE"));
        assertThatThrownBy(() -> hook.publish("Order_Event__e", Map.of("Nope__c", "x")))
                .isInstanceOfSatisfying(DmlException.class, e -> assertThat(e.statusCode()).isEqualTo("INVALID_FIELD"));
        assertThatThrownBy(() -> hook.publish("Order_Event__e", Map.of("ReplayId", "x")))
                .isInstanceOfSatisfying(DmlException.class,
                        e -> assertThat(e.statusCode()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE"));
        assertThatThrownBy(() -> emulator.publishPlatformEvent("Order_Event__e", Map.of("Amount__c", "lots")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
