package dev.forcelink.testkit.internal.pubsub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.forcelink.pubsub.internal.proto.PubSubGrpc;
import dev.forcelink.pubsub.internal.proto.SchemaInfo;
import dev.forcelink.pubsub.internal.proto.SchemaRequest;
import dev.forcelink.pubsub.internal.proto.TopicInfo;
import dev.forcelink.pubsub.internal.proto.TopicRequest;
import dev.forcelink.testkit.EmulatorSchema;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.SchemaField;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicAndSchemaTest {

    private static SalesforceEmulator emulator;
    private static GrpcClient client;
    private static PubSubGrpc.PubSubBlockingStub stub;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().schema(EmulatorSchema.builder()
                .object("Employee__c", SchemaField.builder("Badge__c", "string").build())
                .object("Shipment_Event__e", SchemaField.builder("Tracking__c", "string").build())
                .build()).start();
        client = GrpcClient.plaintext(emulator);
        stub = client.blocking(emulator.issueAccessToken());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        client.close();
        emulator.close();
    }

    @Test
    void platformEventTopicIsPublishableWithItsSchema() {
        TopicInfo info = topic("/event/Order_Event__e");

        assertThat(info.getTopicName()).isEqualTo("/event/Order_Event__e");
        assertThat(info.getTenantGuid()).isEqualTo(emulator.orgId());
        assertThat(info.getCanPublish()).isTrue();
        assertThat(info.getCanSubscribe()).isTrue();
        assertThat(info.getRpcId()).hasSize(36);
        Schema schema = schema(info.getSchemaId());
        assertThat(schema.getFullName()).isEqualTo("com.sforce.eventbus.Order_Event__e");
        assertThat(schema.getFields()).extracting(Schema.Field::name)
                .containsExactly("CreatedDate", "CreatedById", "EventUuid", "Opportunity_Id__c", "Amount__c",
                        "Status__c");
    }

    @Test
    void declaredPlatformEventsHaveTopics() {
        assertThat(schema(topic("/event/Shipment_Event__e").getSchemaId()).getField("Tracking__c")).isNotNull();
    }

    @Test
    void changeEventTopicsAreSubscribeOnly() {
        TopicInfo account = topic("/data/AccountChangeEvent");
        assertThat(account.getCanPublish()).isFalse();
        assertThat(account.getCanSubscribe()).isTrue();
        assertThat(schema(account.getSchemaId()).getName()).isEqualTo("AccountChangeEvent");
        assertThat(schema(topic("/data/Employee__ChangeEvent").getSchemaId()).getName())
                .isEqualTo("Employee__ChangeEvent");
        assertThat(topic("/data/ChangeEvents").getCanSubscribe()).isTrue();
    }

    @Test
    void unknownTopicIsNotFoundWithTheTopicErrorCode() {
        for (String name : new String[] {"/event/Nope__e", "/event/order_event__e", "/data/NopeChangeEvent",
            "/data/Employee__cChangeEvent", "Order_Event__e", ""}) {
            StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, () -> topic(name));
            assertThat(error.getStatus().getCode()).as(name).isEqualTo(Status.Code.NOT_FOUND);
            assertThat(error.getTrailers().get(PubSubErrors.ERROR_CODE))
                    .isEqualTo("sfdc.platform.eventbus.grpc.topic.not.found");
            assertThat(error.getStatus().getDescription())
                    .startsWith("The topic information for org CORE/prod/" + emulator.orgId() + " and topic " + name
                            + " not found.")
                    .contains("rpcId: ");
        }
    }

    @Test
    void schemaInfoEchoesTheIdAndUnknownIdsAreNotFound() {
        String id = topic("/event/Order_Event__e").getSchemaId();
        SchemaInfo info = stub.getSchema(SchemaRequest.newBuilder().setSchemaId(id).build());
        assertThat(info.getSchemaId()).isEqualTo(id);
        assertThat(info.getRpcId()).isNotEmpty();

        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> stub.getSchema(SchemaRequest.newBuilder().setSchemaId("no-such-schema").build()));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void schemasAreKnownBeforeAnyTopicLookup() throws InterruptedException {
        try (SalesforceEmulator fresh = SalesforceEmulator.start(); GrpcClient other = GrpcClient.plaintext(fresh)) {
            String id = stub.getTopic(TopicRequest.newBuilder().setTopicName("/data/ContactChangeEvent").build())
                    .getSchemaId();
            SchemaInfo info = other.blocking(fresh.issueAccessToken())
                    .getSchema(SchemaRequest.newBuilder().setSchemaId(id).build());
            assertThat(new Schema.Parser().parse(info.getSchemaJson()).getName()).isEqualTo("ContactChangeEvent");
        }
    }

    private static TopicInfo topic(String name) {
        return stub.getTopic(TopicRequest.newBuilder().setTopicName(name).build());
    }

    private static Schema schema(String id) {
        return new Schema.Parser().parse(stub.getSchema(SchemaRequest.newBuilder().setSchemaId(id).build())
                .getSchemaJson());
    }
}
