package dev.forcelink.testkit.internal.pubsub.server;

import static dev.forcelink.testkit.internal.pubsub.server.Fetching.ORDER_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.pubsub.internal.proto.ReplayPreset;
import dev.forcelink.testkit.SalesforceEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Platform events published outside Pub/Sub: through the REST API and through the emulator's own method. */
class PlatformEventTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private SalesforceEmulator emulator;
    private GrpcClient client;
    private String token;

    @BeforeEach
    void start() {
        emulator = SalesforceEmulator.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
        client = GrpcClient.plaintext(emulator);
        token = emulator.issueAccessToken();
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void restPublishedEventsReachSubscribersWithTheStandardFieldsFilled() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulator.instanceUrl() + "/services/data/v60.0/sobjects/Order_Event__e"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Status__c\":\"Shipped\",\"Amount__c\":12.5}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);

        ConsumerEvent event = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.EARLIEST, null, 1)
                .events(1).get(0);
        GenericRecord record = OrderEvents.decode(OrderEvents.schema(), event);
        assertThat(record.get("Status__c").toString()).isEqualTo("Shipped");
        assertThat(record.get("Amount__c")).isEqualTo(12.5);
        assertThat(record.get("CreatedDate")).isEqualTo(NOW.toEpochMilli());
        assertThat(record.get("CreatedById").toString()).isEqualTo(emulator.userId());
        assertThat(record.get("EventUuid").toString()).hasSize(36);
        assertThat(event.getEvent().getId()).hasSize(36);
    }

    @Test
    void theEmulatorPublishesAsTheOrgUser() throws Exception {
        String id = emulator.publishPlatformEvent("order_event__e", Map.of("status__c", "New", "Amount__c", "3.25"));

        ConsumerEvent event = Fetching.subscribe(client, token, ORDER_EVENTS, ReplayPreset.EARLIEST, null, 1)
                .events(1).get(0);
        GenericRecord record = OrderEvents.decode(OrderEvents.schema(), event);
        assertThat(id).hasSize(18);
        assertThat(record.get("Status__c").toString()).isEqualTo("New");
        assertThat(record.get("Amount__c")).isEqualTo(3.25);
        assertThat(record.get("CreatedById").toString()).isEqualTo(emulator.userId());
    }

    @Test
    void unknownEventsAndFieldsAreRefusedWithSalesforceErrorCodes() {
        assertThatThrownBy(() -> emulator.publishPlatformEvent("Nope__e", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("INVALID_TYPE");
        assertThatThrownBy(() -> emulator.publishPlatformEvent("Account", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("INVALID_TYPE");
        assertThatThrownBy(() -> emulator.publishPlatformEvent("Order_Event__e", Map.of("Nope__c", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("INVALID_FIELD");
        assertThatThrownBy(() -> emulator.publishPlatformEvent("Order_Event__e", Map.of("ReplayId", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("INVALID_FIELD_FOR_INSERT_UPDATE");
        assertThatThrownBy(() -> emulator.publishPlatformEvent("Order_Event__e", Map.of("Amount__c", "lots")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
