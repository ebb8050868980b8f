package dev.forcelink.pubsub.internal.avro;

import dev.forcelink.core.exception.ResponseDecodeException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.apache.avro.SchemaParseException;

/**
 * Schemas by schema id (not by topic: topics may share a schema, and a topic's schema changes when
 * its fields change). A schema is fetched once per id, even when many threads ask at once; a failed
 * fetch is not cached.
 *
 * <p>Thread-safe.
 */
public final class SchemaRegistry {
  private final ConcurrentMap<String, SchemaEntry> entries = new ConcurrentHashMap<>();
  private final Function<String, String> fetchJson;

  /**
   * Creates a registry.
   *
   * @param fetchJson returns the schema JSON for a schema id (a {@code GetSchema} call)
   */
  public SchemaRegistry(Function<String, String> fetchJson) {
    this.fetchJson = Objects.requireNonNull(fetchJson, "fetchJson");
  }

  /**
   * Returns the schema with the given id, fetching it on first use.
   *
   * @param schemaId the schema id
   * @return the entry
   * @throws ResponseDecodeException if the server's schema is not valid Avro
   * @throws RuntimeException whatever the fetch throws
   */
  public SchemaEntry get(String schemaId) {
    Objects.requireNonNull(schemaId, "schemaId");
    SchemaEntry cached = entries.get(schemaId);
    if (cached != null) {
      return cached;
    }
    return entries.computeIfAbsent(schemaId, id -> {
      String json = fetchJson.apply(id);
      try {
        return SchemaEntry.parse(id, json);
      } catch (SchemaParseException e) {
        throw new ResponseDecodeException("The server returned an invalid Avro schema for schema id " + id
            + ": " + e.getMessage(), e, null);
      }
    });
  }

  /**
   * Returns the number of cached schemas.
   *
   * @return the size
   */
  public int size() {
    return entries.size();
  }
}
