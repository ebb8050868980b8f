package dev.forcelink.pubsub;

import java.util.Objects;

/**
 * An event schema as the server returned it ({@code GetSchema}).
 *
 * @param schemaId the schema id (a fingerprint)
 * @param json the Avro schema in JSON form
 */
public record EventSchema(String schemaId, String json) {

  /**
   * Checks the components. Immutable and thread-safe.
   *
   * @throws NullPointerException if a component is null
   */
  public EventSchema {
    Objects.requireNonNull(schemaId, "schemaId");
    Objects.requireNonNull(json, "json");
  }

  /** Returns the id and the schema's length, not the whole JSON. */
  @Override
  public String toString() {
    return "EventSchema{schemaId=" + schemaId + ", json=" + json.length() + " chars}";
  }
}
