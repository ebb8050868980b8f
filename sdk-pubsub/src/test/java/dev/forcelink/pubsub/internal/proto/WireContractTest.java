package dev.forcelink.pubsub.internal.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The compiled contract is Salesforce's wire format: package, service, RPC kinds, and every
 * message's field names, numbers, types and repetition, as Salesforce's {@code pubsub_api.proto}
 * defines them.
 */
class WireContractTest {
  private static final FileDescriptor FILE = PubSubProto.getDescriptor();

  @Test
  void serviceIsEventbusV1PubSubWithItsSixRpcs() {
    assertThat(FILE.getPackage()).isEqualTo("eventbus.v1");
    ServiceDescriptor service = FILE.findServiceByName("PubSub");
    assertThat(service.getFullName()).isEqualTo("eventbus.v1.PubSub");
    assertThat(PubSubGrpc.SERVICE_NAME).isEqualTo("eventbus.v1.PubSub");

    Map<String, String> rpcs = service.getMethods().stream().collect(Collectors.toMap(
        MethodDescriptor::getName,
        m -> m.getInputType().getName() + (m.isClientStreaming() ? "*" : "") + " -> "
            + m.getOutputType().getName() + (m.isServerStreaming() ? "*" : "")));
    assertThat(rpcs).containsExactlyInAnyOrderEntriesOf(Map.of(
        "Subscribe", "FetchRequest* -> FetchResponse*",
        "GetSchema", "SchemaRequest -> SchemaInfo",
        "GetTopic", "TopicRequest -> TopicInfo",
        "Publish", "PublishRequest -> PublishResponse",
        "PublishStream", "PublishRequest* -> PublishResponse*",
        "ManagedSubscribe", "ManagedFetchRequest* -> ManagedFetchResponse*"));
  }

  @Test
  void messagesHaveTheDocumentedFieldsAndNoOneof() {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("TopicInfo", List.of("1 topic_name string", "2 tenant_guid string", "3 can_publish bool",
        "4 can_subscribe bool", "5 schema_id string", "6 rpc_id string"));
    expected.put("TopicRequest", List.of("1 topic_name string"));
    expected.put("EventHeader", List.of("1 key string", "2 value bytes"));
    expected.put("ProducerEvent", List.of("1 id string", "2 schema_id string", "3 payload bytes",
        "4 headers rep EventHeader"));
    expected.put("ConsumerEvent", List.of("1 event ProducerEvent", "2 replay_id bytes"));
    expected.put("PublishResult", List.of("1 replay_id bytes", "2 error Error", "3 correlation_key string"));
    expected.put("Error", List.of("1 code ErrorCode", "2 msg string"));
    expected.put("FetchRequest", List.of("1 topic_name string", "2 replay_preset ReplayPreset",
        "3 replay_id bytes", "4 num_requested int32", "5 auth_refresh string"));
    expected.put("FetchResponse", List.of("1 events rep ConsumerEvent", "2 latest_replay_id bytes",
        "3 rpc_id string", "4 pending_num_requested int32"));
    expected.put("SchemaRequest", List.of("1 schema_id string"));
    expected.put("SchemaInfo", List.of("1 schema_json string", "2 schema_id string", "3 rpc_id string"));
    expected.put("PublishRequest", List.of("1 topic_name string", "2 events rep ProducerEvent",
        "3 auth_refresh string"));
    expected.put("PublishResponse", List.of("1 results rep PublishResult", "2 schema_id string", "3 rpc_id string"));
    expected.put("ManagedFetchRequest", List.of("1 subscription_id string", "2 developer_name string",
        "3 num_requested int32", "4 auth_refresh string", "5 commit_replay_id_request CommitReplayRequest"));
    expected.put("ManagedFetchResponse", List.of("1 events rep ConsumerEvent", "2 latest_replay_id bytes",
        "3 rpc_id string", "4 pending_num_requested int32", "5 commit_response CommitReplayResponse"));
    expected.put("CommitReplayRequest", List.of("1 commit_request_id string", "2 replay_id bytes"));
    expected.put("CommitReplayResponse", List.of("1 commit_request_id string", "2 replay_id bytes",
        "3 error Error", "4 process_time int64"));

    assertThat(FILE.getMessageTypes().stream().map(Descriptor::getName))
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Map.Entry<String, List<String>> message : expected.entrySet()) {
      Descriptor descriptor = FILE.findMessageTypeByName(message.getKey());
      assertThat(descriptor.getFields().stream().map(WireContractTest::describe))
          .as(message.getKey()).containsExactlyElementsOf(message.getValue());
      assertThat(descriptor.getRealOneofs()).as(message.getKey()).isEmpty();
    }
  }

  @Test
  void enumsHaveTheDocumentedValues() {
    assertThat(values(FILE.findEnumTypeByName("ErrorCode"))).containsExactly("UNKNOWN=0", "PUBLISH=1", "COMMIT=2");
    assertThat(values(FILE.findEnumTypeByName("ReplayPreset"))).containsExactly("LATEST=0", "EARLIEST=1", "CUSTOM=2");
  }

  private static String describe(FieldDescriptor field) {
    String type = switch (field.getJavaType()) {
      case MESSAGE -> field.getMessageType().getName();
      case ENUM -> field.getEnumType().getName();
      default -> field.getType().name().toLowerCase(Locale.ROOT);
    };
    return field.getNumber() + " " + field.getName() + " " + (field.isRepeated() ? "rep " : "") + type;
  }

  private static List<String> values(EnumDescriptor type) {
    return type.getValues().stream().map(v -> v.getName() + "=" + v.getNumber()).toList();
  }
}
