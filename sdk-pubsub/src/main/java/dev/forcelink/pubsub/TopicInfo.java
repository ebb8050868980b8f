package dev.forcelink.pubsub;

import java.util.Objects;

/**
 * What the server says about a topic ({@code GetTopic}).
 *
 * @param topicName the topic name, such as {@code /event/Order_Event__e}
 * @param tenantGuid the org's tenant id as the server knows it
 * @param canPublish whether the caller may publish to the topic
 * @param canSubscribe whether the caller may subscribe to the topic
 * @param schemaId the id of the topic's current Avro schema
 * @param rpcId the server's id for the call, for support cases
 */
public record TopicInfo(
    String topicName, String tenantGuid, boolean canPublish, boolean canSubscribe, String schemaId, String rpcId) {

  /**
   * Checks the components. Immutable and thread-safe.
   *
   * @throws NullPointerException if a text component is null
   */
  public TopicInfo {
    Objects.requireNonNull(topicName, "topicName");
    Objects.requireNonNull(tenantGuid, "tenantGuid");
    Objects.requireNonNull(schemaId, "schemaId");
    Objects.requireNonNull(rpcId, "rpcId");
  }
}
