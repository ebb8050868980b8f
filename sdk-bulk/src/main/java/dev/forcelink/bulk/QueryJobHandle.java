package dev.forcelink.bulk;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.forcelink.bulk.internal.CsvCodec;
import dev.forcelink.bulk.internal.PipelineGauge;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A query job known by its id: wait for it, then copy its results as CSV bytes (the header once,
 * pages concatenated in order) or read them as {@link BulkRecord}s, lazily, one page on disk at a
 * time (a few with parallel download). Downloads wait for the job first, polling with the client's
 * backoff for at most the client's result wait.
 *
 * <p>Immutable and thread-safe; each download is independent.
 */
public final class QueryJobHandle extends JobHandleBase {

  QueryJobHandle(BulkHttp http, String id) {
    super(http, id, JobKind.QUERY);
  }

  /**
   * Copies all results as CSV to a stream: the header once, then every page's rows in order. A page
   * is written only once it was downloaded completely, so the bytes equal a clean run's even when a
   * connection drops mid-page.
   *
   * @param out the destination; flushed, not closed
   * @return the number of records copied
   * @throws BulkJobException if the job failed, was aborted, or is still running after the wait
   * @throws dev.forcelink.core.exception.ForcelinkException if a download fails for good
   * @throws UncheckedIOException if writing fails
   */
  public long copyResultsTo(OutputStream out) {
    Objects.requireNonNull(out, "out");
    JobInfo info = completedInfo();
    long records = 0;
    boolean headerWritten = false;
    byte[] buffer = new byte[64 * 1024];
    try (ResultPager pager = new ResultPager(http, info, codecOf(info))) {
      for (PageFile page = pager.next(); page != null; page = pager.next()) {
        try (PageFile p = page; InputStream in = new BufferedInputStream(Files.newInputStream(p.file))) {
          if (headerWritten && skipLine(in) < 0) {
            continue;
          }
          int n;
          boolean any = false;
          while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            any = true;
          }
          headerWritten |= any;
          records += countRecords(p.file, info);
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy the results of bulk job " + id, e);
    }
    return records;
  }

  /**
   * Copies all results as CSV to a file, replacing it.
   *
   * @param file the destination
   * @return the number of records copied
   * @throws BulkJobException if the job failed, was aborted, or is still running after the wait
   * @throws UncheckedIOException if writing fails
   */
  public long copyResultsTo(Path file) {
    Objects.requireNonNull(file, "file");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      return copyResultsTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the results of bulk job " + id + " to " + file, e);
    }
  }

  /**
   * Streams the results as records, parsed lazily page by page. Close the stream to stop early
   * and delete the pages on disk.
   *
   * @return a lazy, sequential stream
   * @throws BulkJobException if the job failed, was aborted, or is still running after the wait
   */
  public Stream<BulkRecord> records() {
    JobInfo info = completedInfo();
    RecordIterator it = new RecordIterator(new ResultPager(http, info, codecOf(info)), codecOf(info), http.settings.gauge);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, 0), false).onClose(it::close);
  }

  /**
   * Streams the results converted to user objects.
   *
   * @param mapper converts a record
   * @param <T> the object type
   * @return a lazy, sequential stream; close it
   * @throws BulkJobException if the job failed, was aborted, or is still running after the wait
   */
  public <T> Stream<T> records(Function<? super BulkRecord, ? extends T> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return records().map(mapper);
  }

  private JobInfo completedInfo() {
    JobInfo info = info();
    if (!info.state().isTerminal()) {
      info = http.await(JobKind.QUERY, id, Instant.now().plus(http.settings.resultWait));
    }
    requireComplete(info);
    return info;
  }

  static void requireComplete(JobInfo info) {
    if (info.state() == JobState.JOB_COMPLETE) {
      return;
    }
    if (info.state().isTerminal()) {
      throw new BulkJobException("Bulk query job " + info.id() + " ended " + info.rawState().orElse("?")
          + info.errorMessage().map(m -> ": " + m).orElse("") + "; it has no results to download", info);
    }
    throw new BulkJobException("Bulk query job " + info.id() + " is still " + info.rawState().orElse("?")
        + " after the client's result wait; call the download again later (the job keeps running)", info);
  }

  static CsvCodec codecOf(JobInfo info) {
    ColumnDelimiter d = ColumnDelimiter.COMMA;
    for (ColumnDelimiter c : ColumnDelimiter.values()) {
      if (info.columnDelimiter().filter(c.wireName()::equals).isPresent()) {
        d = c;
      }
    }
    boolean crlf = info.lineEnding().filter("CRLF"::equals).isPresent();
    return new CsvCodec(d.character(), crlf ? "\r\n" : "\n");
  }

  /** Skips the header line; returns -1 if the page has nothing after it. */
  private static int skipLine(InputStream in) throws IOException {
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        return 0;
      }
    }
    return -1;
  }

  private static long countRecords(Path file, JobInfo info) throws IOException {
    long n = -1;
    try (CsvReader<CsvRecord> reader = codecOf(info).reader(new BufferedInputStream(Files.newInputStream(file)))) {
      for (CsvRecord ignored : reader) {
        n++;
      }
    }
    return Math.max(n, 0);
  }

  /** Parses pages one at a time; each page's first record is its header. */
  private static final class RecordIterator implements Iterator<BulkRecord>, AutoCloseable {
    private final ResultPager pager;
    private final CsvCodec codec;
    private final PipelineGauge gauge;
    private PageFile page;
    private CsvReader<CsvRecord> reader;
    private Iterator<CsvRecord> rows;
    private BulkRecord.Header header;
    private BulkRecord next;
    private boolean done;

    RecordIterator(ResultPager pager, CsvCodec codec, PipelineGauge gauge) {
      this.pager = pager;
      this.codec = codec;
      this.gauge = gauge;
    }

    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      if (done) {
        return false;
      }
      try {
        while (true) {
          if (rows != null && rows.hasNext()) {
            CsvRecord r = rows.next();
            next = new BulkRecord(header, r.getFields().toArray(new String[0]));
            gauge.acquire(PipelineGauge.Kind.RECORDS_IN_MEMORY);
            return true;
          }
          closePage();
          page = pager.next();
          if (page == null) {
            done = true;
            close();
            return false;
          }
          reader = codec.reader(new BufferedInputStream(Files.newInputStream(page.file)));
          rows = reader.iterator();
          if (rows.hasNext()) {
            BulkRecord.Header h = new BulkRecord.Header(rows.next().getFields());
            if (header == null || !header.columns.equals(h.columns)) {
              header = h;
            }
          }
        }
      } catch (IOException e) {
        close();
        throw new UncheckedIOException("Cannot read a downloaded result page", e);
      }
    }

    @Override
    public BulkRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      BulkRecord r = next;
      next = null;
      gauge.release(PipelineGauge.Kind.RECORDS_IN_MEMORY);
      return r;
    }

    private void closePage() throws IOException {
      if (reader != null) {
        reader.close();
        reader = null;
        rows = null;
      }
      if (page != null) {
        page.close();
        page = null;
      }
    }

    @Override
    public void close() {
      try {
        closePage();
      } catch (IOException e) {
        // The page file is deleted by closePage's PageFile.close either way.
      } finally {
        if (next != null) {
          next = null;
          gauge.release(PipelineGauge.Kind.RECORDS_IN_MEMORY);
        }
        pager.close();
      }
    }
  }
}
