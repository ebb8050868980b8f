package dev.forcelink.pubsub.emulator;

import static dev.forcelink.pubsub.emulator.EmulatorOrg.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.pubsub.EventSchema;
import dev.forcelink.pubsub.PubSubClient;
import dev.forcelink.pubsub.PubSubException;
import dev.forcelink.pubsub.TopicInfo;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GetTopic and GetSchema over a real channel to the emulator, with the messages, errors and topic names of
 * Salesforce's Pub/Sub API documentation.
 */
class TopicAndSchemaEmulatorTest {
  private EmulatorOrg org;
  private PubSubClient client;

  @BeforeEach
  void start() {
    org = EmulatorOrg.start();
    client = org.client();
  }

  @AfterEach
  void stop() {
    org.close();
  }

  @Test
  void aPlatformEventTopicNamesItsSchemaWhichDescribesTheEvent() {
    TopicInfo topic = client.getTopic(ORDERS);

    assertThat(topic.topicName()).isEqualTo(ORDERS);
    assertThat(topic.canPublish()).isTrue();
    assertThat(topic.canSubscribe()).isTrue();
    assertThat(topic.schemaId()).isNotBlank();
    assertThat(topic.rpcId()).isNotBlank();
    EventSchema schema = client.getSchema(topic.schemaId());
    assertThat(schema.schemaId()).isEqualTo(topic.schemaId());
    Schema avro = new Schema.Parser().parse(schema.json());
    assertThat(avro.getName()).isEqualTo("Order_Event__e");
    assertThat(avro.getField(EmulatorOrg.STATUS)).isNotNull();
    assertThat(avro.getField("CreatedDate")).isNotNull();
  }

  @Test
  void changeEventChannelsCanBeReadButNotPublishedTo() {
    TopicInfo account = client.getTopic("/data/AccountChangeEvent");
    TopicInfo all = client.getTopic("/data/ChangeEvents");

    assertThat(account.canPublish()).isFalse();
    assertThat(account.canSubscribe()).isTrue();
    assertThat(all.canSubscribe()).isTrue();
    Schema avro = new Schema.Parser().parse(client.getSchema(account.schemaId()).json());
    assertThat(avro.getFields().get(0).name()).isEqualTo("ChangeEventHeader");
  }

  @Test
  void anUnknownTopicIsNotFoundWithTheServersCodeAndRpcId() {
    assertThatThrownBy(() -> client.getTopic("/event/Missing__e"))
        .isInstanceOfSatisfying(PubSubException.class, e -> {
          assertThat(e.status()).isEqualTo("NOT_FOUND");
          assertThat(e.errorCode()).contains("sfdc.platform.eventbus.grpc.topic.not.found");
          assertThat(e.rpcId()).isPresent();
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.getMessage()).contains("/event/Missing__e").contains(e.rpcId().orElseThrow());
        });
  }

  @Test
  void topicNamesAreCaseSensitive() {
    assertThatThrownBy(() -> client.getTopic("/event/order_event__e"))
        .isInstanceOfSatisfying(PubSubException.class, e -> assertThat(e.status()).isEqualTo("NOT_FOUND"));
  }

  @Test
  void anUnknownSchemaIdIsRefused() {
    assertThatThrownBy(() -> client.getSchema("no-such-schema"))
        .isInstanceOfSatisfying(PubSubException.class, e -> {
          assertThat(e.errorCode()).isPresent();
          assertThat(e.isRetryable()).isFalse();
        });
  }
}
