package dev.forcelink.testkit.internal.pubsub;

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
 * Encodes and decodes event payloads as Pub/Sub carries them: one Avro binary datum, with no object
 * container header and no single-object-encoding marker.
 *
 * <p>Stateless and thread-safe.
 */
public final class AvroDatumCodec {
  private AvroDatumCodec() {}

  /**
   * Encodes a record with its own schema.
   *
   * @param record the record
   * @return the Avro binary datum
   * @throws IllegalArgumentException if the record does not match its schema (a required field is
   *     null, or a value has the wrong type)
   */
  public static byte[] encode(GenericRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Writing to memory cannot fail", e);
    } catch (AvroRuntimeException | ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException(
          "Record does not match schema " + record.getSchema().getFullName() + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * Decodes a datum written with {@code schema}.
   *
   * @param schema the writer's schema
   * @param datum the Avro binary datum
   * @return the record
   * @throws IllegalArgumentException if the bytes are not a datum of this schema
   */
  public static GenericRecord decode(Schema schema, byte[] datum) {
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(datum, null);
    try {
      GenericRecord record = new GenericDatumReader<GenericRecord>(schema).read(null, decoder);
      if (!decoder.isEnd()) {
        throw new IllegalArgumentException(
            "Datum has bytes left over after a " + schema.getFullName() + " record: wrong schema?");
      }
      return record;
    } catch (IOException | AvroRuntimeException e) {
      throw new IllegalArgumentException("Bytes are not a datum of schema " + schema.getFullName(), e);
    }
  }
}
