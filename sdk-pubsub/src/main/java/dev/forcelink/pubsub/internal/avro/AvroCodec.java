package dev.forcelink.pubsub.internal.avro;

import dev.forcelink.core.exception.ResponseDecodeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Reads and writes Pub/Sub payloads: one raw Avro binary datum, with no container header. Decoders
 * and encoders are reused per thread (they are not thread-safe, and making one per event is a
 * measurable cost on the hot path).
 *
 * <p>Thread-safe.
 */
public final class AvroCodec {
  private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();
  private static final ThreadLocal<BinaryEncoder> ENCODER = new ThreadLocal<>();

  private AvroCodec() {}

  /**
   * Decodes a payload written with the entry's schema.
   *
   * @param entry the writer schema
   * @param payload the Avro binary datum
   * @return the record
   * @throws ResponseDecodeException if the payload does not match the schema
   */
  public static GenericRecord decode(SchemaEntry entry, byte[] payload) {
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload, DECODER.get());
    DECODER.set(decoder);
    try {
      GenericRecord record = entry.reader().read(null, decoder);
      if (!decoder.isEnd()) {
        throw new ResponseDecodeException("The event payload has bytes left over after the record of schema "
            + entry.schemaId() + ": it was not written with that schema", null, null);
      }
      return record;
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException e) {
      throw new ResponseDecodeException("Cannot decode an event payload of " + payload.length
          + " bytes with schema " + entry.schemaId() + ": " + e, e, null);
    }
  }

  /**
   * Returns the decoder this thread reuses, for tests that check reuse.
   *
   * @return the thread's decoder, or null before the first decode on this thread
   */
  public static BinaryDecoder threadDecoder() {
    return DECODER.get();
  }

  /**
   * Encodes a record with the entry's schema.
   *
   * @param entry the schema to write with
   * @param record a record that fits the schema
   * @return the Avro binary datum
   * @throws IllegalArgumentException if the record does not fit the schema
   */
  public static byte[] encode(SchemaEntry entry, GenericRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODER.get());
    ENCODER.set(encoder);
    try {
      entry.writer().write(record, encoder);
      encoder.flush();
    } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("The event does not fit the topic's schema " + entry.schemaId() + " ("
          + entry.schema().getFullName() + "): " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
