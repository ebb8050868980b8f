package dev.forcelink.benchmarks.bulk;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.forcelink.bulk.internal.CsvCodec;
import dev.forcelink.bulk.internal.RowEncoder;
import dev.forcelink.bulk.internal.SalesforceValues;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CSV throughput of the Bulk client against raw FastCSV on the same 10-column rows, in records per
 * second (one operation is one record).
 * <ul>
 *   <li>{@code encodeRaw}: FastCSV writes each record to a UTF-8 stream that discards it.</li>
 *   <li>{@code encodeClient}: the client's ingest path per row: each value formatted as a
 *       Salesforce cell, then encoded alone by {@link RowEncoder} into UTF-8 bytes (the client needs
 *       each record's exact size to split jobs).</li>
 *   <li>{@code decodeRaw}: FastCSV reads the records from bytes.</li>
 *   <li>{@code decodeClient}: the client's page reader ({@link CsvCodec}) reads the same bytes and
 *       copies each record's fields into an array, as its record iterator does.</li>
 * </ul>
 * Targets: encode at least 0.4 of raw, decode at least 0.5 of raw.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class BulkCsvBenchmark {
  static final int ROWS = 10_000;

  private String[][] rows;
  private byte[] csv;
  private CsvCodec codec;

  /** Builds the rows and their CSV once. */
  @Setup
  public void setUp() {
    rows = new String[ROWS][];
    for (int i = 0; i < ROWS; i++) {
      Object[] values = BulkEndToEndBenchmark.row(i + 1);
      rows[i] = new String[values.length];
      for (int c = 0; c < values.length; c++) {
        rows[i][c] = values[c].toString();
      }
    }
    codec = new CsvCodec(',', "\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CsvWriter writer = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
      for (String[] row : rows) {
        writer.writeRecord(row);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    csv = out.toByteArray();
  }

  /**
   * Raw FastCSV writing.
   *
   * @throws IOException never, the sink discards
   */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void encodeRaw() throws IOException {
    Writer sink = new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
    try (CsvWriter writer = CsvWriter.builder().build(sink)) {
      for (String[] row : rows) {
        writer.writeRecord(row);
      }
    }
  }

  /**
   * The client's format-and-encode per row.
   *
   * @param hole keeps the bytes alive
   */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void encodeClient(Blackhole hole) {
    RowEncoder encoder = new RowEncoder(codec);
    String[] cells = new String[BulkEndToEndBenchmark.COLUMNS.size()];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        cells[c] = SalesforceValues.format(BulkEndToEndBenchmark.COLUMNS.get(c), row[c]);
      }
      hole.consume(encoder.encode(cells));
    }
  }

  /**
   * Raw FastCSV reading.
   *
   * @param hole keeps the fields alive
   * @throws IOException never, the source is in memory
   */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void decodeRaw(Blackhole hole) throws IOException {
    try (CsvReader<CsvRecord> reader = CsvReader.builder()
        .ofCsvRecord(new ByteArrayInputStream(csv), StandardCharsets.UTF_8)) {
      for (CsvRecord r : reader) {
        hole.consume(r.getField(0));
      }
    }
  }

  /**
   * The client's page reader.
   *
   * @param hole keeps the records alive
   * @throws IOException never, the source is in memory
   */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void decodeClient(Blackhole hole) throws IOException {
    try (CsvReader<CsvRecord> reader = codec.reader(new ByteArrayInputStream(csv))) {
      for (CsvRecord r : reader) {
        hole.consume(r.getFields().toArray(new String[0]));
      }
    }
  }
}
