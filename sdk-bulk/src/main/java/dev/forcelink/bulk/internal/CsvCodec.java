package dev.forcelink.bulk.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Builds FastCSV readers and writers for one delimiter and line ending, so that every CSV the
 * module writes is quoted by RFC 4180 (a field holding the delimiter, a quote, CR or LF is quoted;
 * quotes are doubled) and every CSV it reads is parsed by the same rules. Immutable and
 * thread-safe; the readers and writers it makes are not.
 */
public final class CsvCodec {
  /**
   * FastCSV quotes a first field that starts with its comment character ({@code #} by default),
   * which would turn Salesforce's {@code #N/A} null marker into {@code "#N/A"}. This module never
   * writes comments, so the comment character is set to NUL, which no quoting decision can hinge on
   * for real data.
   */
  private static final char NO_COMMENT = '\u0000';

  private final char delimiter;
  private final String lineEnding;

  /**
   * Creates a codec.
   *
   * @param delimiter the field separator
   * @param lineEnding {@code "\n"} or {@code "\r\n"}
   */
  public CsvCodec(char delimiter, String lineEnding) {
    if (!"\n".equals(lineEnding) && !"\r\n".equals(lineEnding)) {
      throw new IllegalArgumentException("line ending must be LF or CRLF");
    }
    this.delimiter = delimiter;
    this.lineEnding = lineEnding;
  }

  /**
   * Returns the delimiter.
   *
   * @return the field separator
   */
  public char delimiter() {
    return delimiter;
  }

  /**
   * Returns the line ending.
   *
   * @return {@code "\n"} or {@code "\r\n"}
   */
  public String lineEnding() {
    return lineEnding;
  }

  /**
   * Creates a writer over a character sink, flushing after every record so that a caller can
   * measure each record.
   *
   * @param out the sink
   * @return the writer; not thread-safe
   */
  public CsvWriter writer(Writer out) {
    return CsvWriter.builder()
        .fieldSeparator(delimiter)
        .quoteCharacter('"')
        .commentCharacter(NO_COMMENT)
        .quoteStrategy(QuoteStrategies.REQUIRED)
        .lineDelimiter("\r\n".equals(lineEnding) ? LineDelimiter.CRLF : LineDelimiter.LF)
        .autoFlush(true)
        .build(out);
  }

  /**
   * Creates a reader of UTF-8 CSV records (a CRLF, LF or CR line ending is accepted).
   *
   * @param in the bytes; closed with the reader
   * @return the reader; not thread-safe
   */
  public CsvReader<CsvRecord> reader(InputStream in) {
    return CsvReader.builder()
        .fieldSeparator(delimiter)
        .quoteCharacter('"')
        .skipEmptyLines(true)
        .allowMissingFields(false)
        .allowExtraFields(false)
        .detectBomHeader(true)
        .ofCsvRecord(in, StandardCharsets.UTF_8);
  }
}
