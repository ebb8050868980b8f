package dev.forcelink.pubsub.internal.avro;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * One parsed schema with the reader and writer made for it once. Avro's generic reader and writer
 * keep no per-call state of their own (the reader caches its resolver per thread), so one instance
 * serves every thread.
 *
 * @param schemaId the schema id
 * @param json the schema as the server sent it
 * @param schema the parsed schema
 * @param reader the reader for payloads written with this schema
 * @param writer the writer for payloads to publish with this schema
 */
public record SchemaEntry(String schemaId, String json, Schema schema, GenericDatumReader<GenericRecord> reader,
    GenericDatumWriter<GenericRecord> writer) {

  /**
   * Parses a schema.
   *
   * @param schemaId the schema id
   * @param json the Avro schema JSON
   * @return the entry
   * @throws org.apache.avro.SchemaParseException if the JSON is not an Avro schema
   */
  public static SchemaEntry parse(String schemaId, String json) {
    Objects.requireNonNull(schemaId, "schemaId");
    Schema schema = new Schema.Parser().parse(json);
    return new SchemaEntry(schemaId, json, schema, new GenericDatumReader<>(schema), new GenericDatumWriter<>(schema));
  }
}
