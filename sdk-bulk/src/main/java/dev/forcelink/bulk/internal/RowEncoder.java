package dev.forcelink.bulk.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes one record at a time into UTF-8 bytes through FastCSV, so that the splitter knows each
 * record's exact size before it decides which job the record goes to. Not thread-safe.
 */
public final class RowEncoder {
  private final StringBuilder buffer = new StringBuilder(256);
  private final CsvWriter writer;

  /**
   * Creates an encoder.
   *
   * @param codec the CSV dialect
   */
  public RowEncoder(CsvCodec codec) {
    this.writer = codec.writer(new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) {
        buffer.append(cbuf, off, len);
      }

      @Override
      public void write(String str, int off, int len) {
        buffer.append(str, off, off + len);
      }

      @Override
      public void flush() {
        // The buffer is the destination.
      }

      @Override
      public void close() {
        // Nothing to release.
      }
    });
  }

  /**
   * Encodes one record, line ending included.
   *
   * @param fields the field values; null is not allowed (use the {@code #N/A} marker or empty)
   * @return the UTF-8 bytes
   */
  public byte[] encode(String[] fields) {
    buffer.setLength(0);
    writer.writeRecord(fields);
    return buffer.toString().getBytes(StandardCharsets.UTF_8);
  }
}
