package dev.forcelink.testkit.internal.pubsub.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.pubsub.internal.proto.PubSubGrpc;
import dev.forcelink.pubsub.internal.proto.ReplayPreset;
import dev.forcelink.pubsub.internal.proto.SchemaRequest;
import dev.forcelink.testkit.PubSubOptions;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.StoredRecord;
import dev.forcelink.testkit.internal.org.WriteContext;
import dev.forcelink.testkit.internal.pubsub.AvroDatumCodec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Change Data Capture events for writes made through the record store, as the REST, Composite and Bulk APIs do. */
class ChangeEventTest {

    private static final String ORIGIN = "com/salesforce/api/rest/60.0;client=change-event-test";
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private SalesforceEmulator emulator;
    private GrpcClient client;
    private String token;
    private PubSubGrpc.PubSubBlockingStub stub;
    private RecordStore store;
    private WriteContext writer;
    private final Map<String, Schema> schemas = new HashMap<>();

    @BeforeEach
    void start() {
        emulator = SalesforceEmulator.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).pubSub(PubSubOptions.builder().maxChangesPerTransaction(3).build())
                .start();
        client = GrpcClient.plaintext(emulator);
        token = emulator.issueAccessToken();
        stub = client.blocking(token);
        store = RuntimeCapture.of(emulator).store();
        writer = new WriteContext(emulator.userId(), ORIGIN);
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.close();
        emulator.close();
    }

    @Test
    void createUpdateDeleteAndUndeleteEachPublishOneEventWithTheHeaderOfTheCommit() throws Exception {
        StoredRecord account = store.insert(writer, "Account", Map.of("Name", "Acme", "BillingCity", "Paris",
                "Phone", "555-0100"));
        store.update(writer, account.id(), mapOf("Name", "Acme Corp", "BillingCity", "Lyon", "Phone", null));
        store.delete(writer, account.id());
        store.transaction(writer, tx -> tx.undelete(account.id()));

        List<GenericRecord> events = decode(subscribe("/data/AccountChangeEvent", 4));

        GenericRecord create = header(events.get(0));
        assertThat(create.get("entityName").toString()).isEqualTo("Account");
        assertThat(strings(create.get("recordIds"))).containsExactly(account.id());
        assertThat(create.get("changeType").toString()).isEqualTo("CREATE");
        assertThat(create.get("changeOrigin").toString()).isEqualTo(ORIGIN);
        assertThat(create.get("transactionKey").toString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"
                + "-[0-9a-f]{12}");
        assertThat(create.get("sequenceNumber")).isEqualTo(1);
        assertThat((Long) create.get("commitTimestamp")).isEqualTo(NOW.toEpochMilli());
        assertThat(create.get("commitUser").toString()).isEqualTo(emulator.userId());
        assertThat(strings(create.get("changedFields"))).isEmpty();
        assertThat(strings(create.get("nulledFields"))).isEmpty();
        assertThat(strings(create.get("diffFields"))).isEmpty();
        assertThat(events.get(0).get("Name").toString()).isEqualTo("Acme");
        assertThat(((GenericRecord) events.get(0).get("BillingAddress")).get("City").toString()).isEqualTo("Paris");
        assertThat(events.get(0).get("Phone").toString()).isEqualTo("555-0100");

        GenericRecord update = header(events.get(1));
        assertThat(update.get("changeType").toString()).isEqualTo("UPDATE");
        assertThat((Long) update.get("commitNumber")).isGreaterThan((Long) create.get("commitNumber"));
        Schema schema = events.get(1).getSchema();
        assertThat(BitmapDecoder.decode(schema, (List<?>) update.get("changedFields")))
                .containsExactlyInAnyOrder("Name", "BillingAddress.City", "LastModifiedDate");
        assertThat(BitmapDecoder.decode(schema, (List<?>) update.get("nulledFields"))).containsExactly("Phone");
        assertThat(events.get(1).get("Name").toString()).isEqualTo("Acme Corp");
        assertThat(((GenericRecord) events.get(1).get("BillingAddress")).get("City").toString()).isEqualTo("Lyon");
        assertThat(((GenericRecord) events.get(1).get("BillingAddress")).get("Street")).isNull();
        assertThat(events.get(1).get("Phone")).isNull();
        assertThat(events.get(1).get("LastModifiedDate")).isNotNull();

        assertThat(header(events.get(2)).get("changeType").toString()).isEqualTo("DELETE");
        assertThat(events.get(2).get("Name")).isNull();
        assertThat(header(events.get(3)).get("changeType").toString()).isEqualTo("UNDELETE");
        assertThat(events.get(3).get("Name").toString()).isEqualTo("Acme Corp");
    }

    @Test
    void personNamePartsAreACompoundField() throws Exception {
        StoredRecord contact = store.insert(writer, "Contact", Map.of("FirstName", "Ada", "LastName", "Lovelace"));
        store.update(writer, contact.id(), Map.of("FirstName", "Augusta"));

        List<GenericRecord> events = decode(subscribe("/data/ContactChangeEvent", 2));

        GenericRecord created = (GenericRecord) events.get(0).get("Name");
        assertThat(created.get("FirstName").toString()).isEqualTo("Ada");
        assertThat(created.get("LastName").toString()).isEqualTo("Lovelace");
        GenericRecord update = header(events.get(1));
        assertThat(BitmapDecoder.decode(events.get(1).getSchema(), (List<?>) update.get("changedFields")))
                .containsExactlyInAnyOrder("Name.FirstName", "LastModifiedDate");
        assertThat(((List<?>) update.get("changedFields")).get(1).toString()).matches("\\d+-0x[0-9A-F]+");
    }

    @Test
    void aTransactionPublishesItsChangesInCommitOrderToTheObjectAndAllChangesChannels() throws Exception {
        store.transaction(writer, tx -> {
            tx.insert("Account", Map.of("Name", "One"));
            tx.insert("Contact", Map.of("LastName", "Two"));
            return null;
        });

        List<GenericRecord> all = decode(subscribe("/data/ChangeEvents", 2));
        assertThat(all).extracting(e -> header(e).get("entityName").toString()).containsExactly("Account", "Contact");
        assertThat(all).extracting(e -> header(e).get("sequenceNumber")).containsExactly(1, 2);
        assertThat(header(all.get(0)).get("transactionKey")).isEqualTo(header(all.get(1)).get("transactionKey"));
        assertThat(decode(subscribe("/data/AccountChangeEvent", 1)).get(0).get("Name").toString()).isEqualTo("One");
    }

    @Test
    void gapFaultSendsHeaderOnlyEvents() throws Exception {
        StoredRecord account = store.insert(writer, "Account", Map.of("Name", "Acme"));
        emulator.pubSubFaults().gapEvents(1);
        store.update(writer, account.id(), Map.of("Name", "Gap"));
        store.update(writer, account.id(), Map.of("Name", "Normal"));

        List<GenericRecord> events = decode(subscribe("/data/AccountChangeEvent", 3));
        assertThat(header(events.get(1)).get("changeType").toString()).isEqualTo("GAP_UPDATE");
        assertThat(strings(header(events.get(1)).get("recordIds"))).containsExactly(account.id());
        assertThat(events.get(1).get("Name")).isNull();
        assertThat(header(events.get(2)).get("changeType").toString()).isEqualTo("UPDATE");
    }

    @Test
    void changesBeyondTheTransactionLimitBecomeOneOverflowEventPerObject() throws Exception {
        store.transaction(writer, tx -> {
            for (int i = 0; i < 5; i++) {
                tx.insert("Account", Map.of("Name", "A" + i));
            }
            tx.insert("Contact", Map.of("LastName", "C"));
            return null;
        });

        List<GenericRecord> events = decode(subscribe("/data/ChangeEvents", 5));
        assertThat(events).extracting(e -> header(e).get("changeType").toString())
                .containsExactly("CREATE", "CREATE", "CREATE", "GAP_OVERFLOW", "GAP_OVERFLOW");
        assertThat(events.subList(3, 5)).extracting(e -> header(e).get("entityName").toString())
                .containsExactly("Account", "Contact");
        assertThat(strings(header(events.get(3)).get("recordIds"))).isEmpty();
    }

    private List<ConsumerEvent> subscribe(String topic, int count) throws InterruptedException {
        return Fetching.subscribe(client, token, topic, ReplayPreset.EARLIEST, null, count).events(count);
    }

    private List<GenericRecord> decode(List<ConsumerEvent> events) {
        return events.stream().map(e -> {
            Schema schema = schemas.computeIfAbsent(e.getEvent().getSchemaId(), id -> new Schema.Parser().parse(
                    stub.getSchema(SchemaRequest.newBuilder().setSchemaId(id).build()).getSchemaJson()));
            return AvroDatumCodec.decode(schema, e.getEvent().getPayload().toByteArray());
        }).toList();
    }

    private static GenericRecord header(GenericRecord event) {
        return (GenericRecord) event.get("ChangeEventHeader");
    }

    private static List<String> strings(Object array) {
        return ((List<?>) array).stream().map(Object::toString).toList();
    }

    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
