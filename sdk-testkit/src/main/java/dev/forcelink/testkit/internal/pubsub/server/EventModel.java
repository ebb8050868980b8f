package dev.forcelink.testkit.internal.pubsub.server;

import com.google.protobuf.ByteString;
import dev.forcelink.testkit.internal.pubsub.SchemaIds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * One event schema with its id, JSON and a cached writer and reader, so that encoding an event does no schema work.
 *
 * <p>Immutable and thread-safe (Avro's generic reader and writer keep per-thread state only).
 */
class EventModel {

    private final Schema schema;
    private final String schemaId;
    private final String schemaJson;
    private final GenericDatumWriter<GenericRecord> writer;
    private final GenericDatumReader<GenericRecord> reader;

    EventModel(Schema schema) {
        this.schema = schema;
        this.schemaId = SchemaIds.of(schema);
        this.schemaJson = schema.toString();
        this.writer = new GenericDatumWriter<>(schema);
        this.reader = new GenericDatumReader<>(schema);
    }

    Schema schema() {
        return schema;
    }

    String schemaId() {
        return schemaId;
    }

    String schemaJson() {
        return schemaJson;
    }

    /**
     * @param record a record of this schema
     * @return its Avro binary datum
     * @throws IllegalArgumentException if the record does not match the schema
     */
    ByteString encode(GenericRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(record, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        } catch (AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("Event does not match schema " + schema.getFullName() + ": "
                    + e.getMessage(), e);
        }
        return ByteString.copyFrom(out.toByteArray());
    }

    /** @return whether the bytes are exactly one datum of this schema */
    boolean isDatum(ByteString payload) {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload.newInput(), null);
        try {
            reader.read(null, decoder);
            return decoder.isEnd();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
