package dev.forcelink.bulk;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.forcelink.bulk.internal.CsvCodec;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The outcome of {@link BulkClient#loadAndWait}: the {@link LoadSummary}, every row's
 * {@link RowResult} (kept in a temporary file, streamed on demand), and handles to jobs still
 * running at the deadline. Close it to delete the temporary file.
 *
 * <p>Results are in the order jobs reported them, not input order: sort by
 * {@link RowResult#rowNumber()} if you need that. Thread-safe; each call to {@link #results()}
 * opens its own reader.
 */
public final class LoadResult implements AutoCloseable {
  /** Position of {@code sf__Status} in {@link ResultStore#META}. */
  private static final int STATUS_COLUMN = ResultStore.META.indexOf("sf__Status");

  private final LoadSummary summary;
  private final List<IngestJobHandle> pendingJobs;
  private final ResultStore store;

  LoadResult(LoadSummary summary, List<IngestJobHandle> pendingJobs, ResultStore store) {
    this.summary = summary;
    this.pendingJobs = List.copyOf(pendingJobs);
    this.store = store;
  }

  /** @return the totals and per-job summaries */
  public LoadSummary summary() {
    return summary;
  }

  /** @return handles to jobs still running at the deadline; resume them with {@link IngestJobHandle#awaitCompletion} */
  public List<IngestJobHandle> pendingJobs() {
    return pendingJobs;
  }

  /**
   * Streams every row result. Close the stream (try-with-resources) to release the file.
   *
   * @return a lazy stream
   * @throws UncheckedIOException if the results file cannot be read (for instance after {@link #close()})
   */
  public Stream<RowResult> results() {
    CsvReader<CsvRecord> reader;
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(store.file()));
      reader = new CsvCodec(',', "\n").reader(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the load's results file", e);
    }
    Iterator<CsvRecord> it = reader.iterator();
    if (it.hasNext()) {
      it.next();
    }
    List<String> columns = store.columns();
    int meta = ResultStore.META.size();
    Iterator<RowResult> rows = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public RowResult next() {
        CsvRecord r = it.next();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          values.put(columns.get(i), r.getField(meta + i));
        }
        String row = r.getField(0);
        String job = r.getField(1);
        return new RowResult(row.isEmpty() ? 0 : Long.parseLong(row), job.isEmpty() ? null : job,
            RowStatus.valueOf(r.getField(2)), r.getField(3), "true".equals(r.getField(4)), r.getField(5), values);
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, 0), false)
        .onClose(() -> {
          try {
            reader.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * Writes every row result as UTF-8 CSV: {@code sf__Row,sf__Job,sf__Status,sf__Id,sf__Created,sf__Error}
   * then the input columns; bytes as stored, no spreadsheet escaping.
   *
   * @param out the destination; flushed, not closed
   * @throws UncheckedIOException if writing fails
   */
  public void writeResultsCsv(OutputStream out) {
    writeResultsCsv(out, false);
  }

  /**
   * Writes every row result as CSV, optionally spreadsheet-safe: a cell starting with {@code =},
   * {@code +}, {@code -}, {@code @}, tab, CR or NUL gets a leading {@code '} so a spreadsheet does
   * not run it as a formula (OWASP ASVS 1.2.10). Use the safe form only for files meant for people:
   * it changes the data.
   *
   * @param out the destination; flushed, not closed
   * @param spreadsheetSafe whether to neutralise formula-like cells
   * @throws UncheckedIOException if writing fails
   */
  public void writeResultsCsv(OutputStream out, boolean spreadsheetSafe) {
    writeResultsCsv(out, EnumSet.allOf(RowStatus.class), spreadsheetSafe);
  }

  /**
   * Writes the row results with the given statuses as CSV, in the same columns as
   * {@link #writeResultsCsv(OutputStream)}; for instance only {@link RowStatus#FAILED} and
   * {@link RowStatus#UNPROCESSED} rows, with their reasons, for someone to fix. The header is always
   * written.
   *
   * @param out the destination; flushed, not closed
   * @param statuses the statuses to keep
   * @param spreadsheetSafe whether to neutralise formula-like cells (see
   *     {@link #writeResultsCsv(OutputStream, boolean)})
   * @throws UncheckedIOException if writing fails
   * @throws IllegalArgumentException if {@code statuses} is empty
   */
  public void writeResultsCsv(OutputStream out, Set<RowStatus> statuses, boolean spreadsheetSafe) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(statuses, "statuses");
    if (statuses.isEmpty()) {
      throw new IllegalArgumentException("Name at least one RowStatus to write");
    }
    Set<String> keep = new HashSet<>();
    statuses.forEach(st -> keep.add(st.name()));
    try {
      if (!spreadsheetSafe && keep.size() == RowStatus.values().length) {
        Files.copy(store.file(), out);
        out.flush();
        return;
      }
      CsvCodec codec = new CsvCodec(',', "\n");
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8));
      try (CsvReader<CsvRecord> reader = codec.reader(new BufferedInputStream(Files.newInputStream(store.file())));
           CsvWriter writer = codec.writer(w)) {
        boolean header = true;
        for (CsvRecord r : reader) {
          if (!header && !keep.contains(r.getField(STATUS_COLUMN))) {
            continue;
          }
          header = false;
          String[] cells = r.getFields().toArray(new String[0]);
          if (spreadsheetSafe) {
            for (int i = 0; i < cells.length; i++) {
              cells[i] = SpreadsheetSafety.neutralise(cells[i]);
            }
          }
          writer.writeRecord(cells);
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the load's results", e);
    }
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  /** Deletes the results file. Idempotent. */
  @Override
  public void close() {
    store.close();
  }

  @Override
  public String toString() {
    return "LoadResult{" + summary + ", pendingJobs=" + pendingJobs.size() + "}";
  }
}
