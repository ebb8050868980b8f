package dev.forcelink.bulk;

import dev.forcelink.bulk.internal.CsvCodec;
import dev.forcelink.bulk.internal.JobSpool;
import dev.forcelink.bulk.internal.PipelineGauge;
import dev.forcelink.bulk.internal.RowEncoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * One {@link BulkClient#loadAndWait} call. The caller's thread reads the source, formats and
 * encodes each row and appends it to the current job's spool file; when a job reaches the byte or
 * row limit it is handed to the client's executor and a new spool starts. A semaphore caps jobs in
 * flight (spooled or running), so disk use is at most that many jobs and memory holds one row plus
 * each job's index. Not thread-safe; used once.
 */
final class LoadRun implements RowConsumer {
  private final BulkHttp http;
  private final IngestRequest request;
  private final Semaphore slots;
  private final Instant deadline;
  private final PipelineGauge gauge;
  private final List<JobSummary> summaries = Collections.synchronizedList(new ArrayList<>());
  private final List<IngestJobRunner.PendingJob> pending = Collections.synchronizedList(new ArrayList<>());
  private final List<CompletableFuture<Void>> running = new ArrayList<>();
  private CsvCodec codec;
  private RowEncoder encoder;
  private List<String> columns;
  private int[] keys;
  private ResultStore store;
  private IngestJobRunner runner;
  private JobSpool current;
  private long rowNumber;

  LoadRun(BulkHttp http, IngestRequest request, Semaphore slots) {
    this.http = http;
    this.request = request;
    this.slots = slots;
    this.deadline = Instant.now().plus(request.deadline());
    this.gauge = http.settings.gauge;
  }

  LoadResult execute(RowSource source) {
    try {
      source.feed(this);
      if (current != null) {
        submit();
      }
    } catch (RuntimeException e) {
      if (current != null) {
        current.close();
        current = null;
        slots.release();
        gauge.release(PipelineGauge.Kind.JOBS_IN_FLIGHT);
      }
      awaitRunning();
      if (store != null) {
        store.close();
      }
      throw e;
    }
    awaitRunning();
    if (store == null) {
      store = new ResultStore(http.settings.tempDirectory, columns == null ? List.of() : columns);
    }
    store.finish();
    long pendingRows = 0;
    List<IngestJobHandle> handles = new ArrayList<>();
    for (IngestJobRunner.PendingJob p : pending) {
      pendingRows += p.rows;
      handles.add(p.handle);
    }
    LoadSummary summary = new LoadSummary(rowNumber, store.succeeded(), store.failed(), store.unprocessed(),
        pendingRows, store.unmatched(), store.reasons(), summaries);
    return new LoadResult(summary, handles, store);
  }

  @Override
  public void header(List<String> header) {
    columns = List.copyOf(header);
    if (columns.isEmpty()) {
      return;
    }
    keys = keyPositions(columns);
    codec = new CsvCodec(request.columnDelimiter().character(), request.lineEnding().characters());
    encoder = new RowEncoder(codec);
    store = new ResultStore(http.settings.tempDirectory, columns);
    runner = new IngestJobRunner(http, request, store, deadline, summaries::add, pending::add);
  }

  @Override
  public void row(String[] cells) {
    gauge.acquire(PipelineGauge.Kind.ROWS_IN_MEMORY);
    try {
      rowNumber++;
      if (cells.length != columns.size()) {
        throw new IllegalArgumentException("Row " + rowNumber + " has " + cells.length + " cells for "
            + columns.size() + " columns");
      }
      byte[] encoded = encoder.encode(cells);
      if (current == null) {
        current = newSpool();
      }
      if (!current.tryAppend(cells, encoded, rowNumber)) {
        submit();
        current = newSpool();
        current.tryAppend(cells, encoded, rowNumber);
      }
    } finally {
      gauge.release(PipelineGauge.Kind.ROWS_IN_MEMORY);
    }
  }

  private JobSpool newSpool() {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a free bulk job slot", e);
    }
    gauge.acquire(PipelineGauge.Kind.JOBS_IN_FLIGHT);
    try {
      return new JobSpool(http.settings.tempDirectory, codec, columns, keys, http.settings.maxJobBytes,
          http.settings.maxJobRows);
    } catch (RuntimeException e) {
      gauge.release(PipelineGauge.Kind.JOBS_IN_FLIGHT);
      slots.release();
      throw e;
    }
  }

  private void submit() {
    JobSpool spool = current;
    current = null;
    spool.finish();
    int rounds = request.transientRetryRounds();
    CompletableFuture<Void> f = CompletableFuture.runAsync(() -> runner.run(spool, null, rounds), http.settings.executor)
        .whenComplete((v, e) -> {
          gauge.release(PipelineGauge.Kind.JOBS_IN_FLIGHT);
          slots.release();
        });
    running.add(f);
  }

  private void awaitRunning() {
    for (CompletableFuture<Void> f : running) {
      try {
        f.join();
      } catch (RuntimeException e) {
        // A runner reports its rows itself; an escape here is a bug worth surfacing after the rest.
        throw new IllegalStateException("A bulk job runner failed unexpectedly: " + e.getMessage(), e);
      }
    }
  }

  /** The columns whose echoed values identify a row: Id, the external id, or every column for insert. */
  private int[] keyPositions(List<String> header) {
    String key;
    switch (request.operation()) {
      case INSERT:
        int[] all = new int[header.size()];
        for (int i = 0; i < all.length; i++) {
          all[i] = i;
        }
        return all;
      case UPSERT:
        key = request.externalIdFieldName().orElseThrow();
        break;
      default:
        key = "Id";
        break;
    }
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
        return new int[] {i};
      }
    }
    throw new IllegalArgumentException("A bulk " + request.operation().wireName() + " needs a " + key
        + " column to identify each record; the columns are " + header);
  }
}
