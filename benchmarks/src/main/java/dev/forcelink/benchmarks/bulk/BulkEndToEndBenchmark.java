package dev.forcelink.benchmarks.bulk;

import dev.forcelink.benchmarks.emulator.EmulatorProcess;
import dev.forcelink.benchmarks.emulator.EmulatorSettings;
import dev.forcelink.bulk.BulkClient;
import dev.forcelink.bulk.IngestOperation;
import dev.forcelink.bulk.IngestRequest;
import dev.forcelink.bulk.JobInfo;
import dev.forcelink.bulk.JobState;
import dev.forcelink.bulk.JobSummary;
import dev.forcelink.bulk.LoadResult;
import dev.forcelink.bulk.LoadSummary;
import dev.forcelink.bulk.PollBackoff;
import dev.forcelink.bulk.QueryJobHandle;
import dev.forcelink.bulk.RowSource;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.CachingAuthProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Bulk API 2.0 end to end against the emulator: ingest of N rows of 10 columns (default 1,000,000),
 * then a query of them downloaded serially and with 4 pages in flight while the emulator adds
 * latency to every result page. Reports rows per second, the client-only share of the ingest (read,
 * format, encode and spool every row), the emulator's processing time, and the peak heap of each
 * phase above the idle baseline measured first in the same run.
 *
 * <p>The emulator runs in a child JVM with its own heap (it keeps every record), so this JVM's heap
 * is the client's: run it with a small heap to show that it stays flat.
 *
 * <pre>
 * java -Xmx96m -cp benchmarks/target/benchmarks.jar dev.forcelink.benchmarks.bulk.BulkEndToEndBenchmark [rows] [pageLatencyMillis]
 * </pre>
 */
public final class BulkEndToEndBenchmark {
  static final List<String> COLUMNS = List.of("External_ERP_Id__c", "FirstName", "LastName", "Email", "Phone",
      "Title", "Department", "MailingCity", "MailingPostalCode", "Description");
  private static final int PAGE_RECORDS = 50_000;
  private static final double MB = 1024.0 * 1024.0;

  private BulkEndToEndBenchmark() {}

  /**
   * Runs the benchmark and prints its figures.
   *
   * @param args optional row count and per-page latency in milliseconds (default 250)
   * @throws Exception if a phase fails
   */
  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long latency = args.length > 1 ? Long.parseLong(args[1]) : 250;
    Path temp = Files.createTempDirectory("forcelink-bulk-bench-");
    try (EmulatorProcess emulator = EmulatorProcess.start(EmulatorSettings.builder("4g")
             .maxRecords(rows + 10_000).bulkResultPageSize(PAGE_RECORDS).journalCapacity(1_000).build());
         HeapSampler heap = new HeapSampler();
         SalesforceConnection connection = connect(emulator)) {
      long baseline = heap.idleBaseline();
      System.out.printf("max heap %.0f MB, idle baseline %.1f MB%n", Runtime.getRuntime().maxMemory() / MB, baseline / MB);

      // Ingest
      heap.resetPeak();
      long[] fedAt = new long[1];
      long start = System.nanoTime();
      LoadSummary summary;
      long processingMillis = 0;
      try (BulkClient bulk = client(connection, temp, 4).build();
           LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT).build(),
               RowSource.fromWriter(COLUMNS, sink -> {
                 for (int i = 1; i <= rows; i++) {
                   sink.row(row(i));
                 }
                 fedAt[0] = System.nanoTime();
               }))) {
        summary = load.summary();
        for (JobSummary job : summary.jobs()) {
          processingMillis = Math.max(processingMillis,
              bulk.ingestJob(job.jobId().orElseThrow()).info().totalProcessingTime());
        }
      }
      long ingestNanos = System.nanoTime() - start;
      long ingestPeak = heap.peak();
      long ingestLive = heap.peakAfterGc();
      if (summary.succeeded() != rows) {
        throw new IllegalStateException("The ingest did not load every row: " + summary);
      }
      System.out.printf("ingest: %d rows in %d jobs, %.1f s, %.0f rows/s end to end%n", rows, summary.jobs().size(),
          ingestNanos / 1e9, rows / (ingestNanos / 1e9));
      System.out.printf("ingest client share (generate, format, encode, spool): %.1f s, %.0f rows/s%n",
          (fedAt[0] - start) / 1e9, rows / ((fedAt[0] - start) / 1e9));
      System.out.printf("ingest emulator processing (longest job, totalProcessingTime): %.1f s%n", processingMillis / 1e3);
      System.out.printf("ingest heap above the idle baseline: %.1f MB in use after GC at most, %.1f MB sampled peak"
          + " (garbage included)%n", (ingestLive - baseline) / MB, (ingestPeak - baseline) / MB);

      // Query: one job, downloaded twice.
      String jobId;
      try (BulkClient bulk = client(connection, temp, 1).build()) {
        QueryJobHandle job = bulk.query("SELECT " + String.join(", ", COLUMNS) + " FROM Contact");
        long created = System.nanoTime();
        JobInfo info = job.awaitCompletion(Duration.ofMinutes(30));
        if (info.state() != JobState.JOB_COMPLETE) {
          throw new IllegalStateException("The query job ended " + info);
        }
        System.out.printf("query job processed by the emulator in %.1f s%n", (System.nanoTime() - created) / 1e9);
        jobId = job.id();
      }
      int pages = (rows + PAGE_RECORDS - 1) / PAGE_RECORDS;
      double serial = download(connection, temp, jobId, 1, pages, latency, emulator, heap, baseline, "serial");
      double parallel = download(connection, temp, jobId, 4, pages, latency, emulator, heap, baseline, "parallel-4");
      System.out.printf("parallel speed-up with %d ms per page: %.2fx%n", latency, serial / parallel);
      System.out.printf("identical output: %s%n", digest(temp.resolve("serial.csv")).equals(digest(temp.resolve("parallel-4.csv"))));
    } finally {
      try (var files = Files.list(temp)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(temp);
    }
  }

  private static double download(SalesforceConnection connection, Path temp, String jobId, int parallel, int pages,
      long latency, EmulatorProcess emulator, HeapSampler heap, long baseline, String name) {
    emulator.delayBulkResultPages(pages, Duration.ofMillis(latency));
    heap.resetPeak();
    long start = System.nanoTime();
    long records;
    try (BulkClient bulk = client(connection, temp, parallel).build()) {
      records = bulk.queryJob(jobId).copyResultsTo(temp.resolve(name + ".csv"));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = heap.peak();
    long live = heap.peakAfterGc();
    System.out.printf("query %s: %d records, %d pages, %.1f s, %.0f records/s, %.2f s per page; heap above the idle"
        + " baseline: %.1f MB in use after GC at most, %.1f MB sampled peak%n",
        name, records, pages, seconds, records / seconds, seconds / pages, (live - baseline) / MB, (peak - baseline) / MB);
    return seconds;
  }

  static Object[] row(int i) {
    return new Object[] {String.format("B%07d", i), "First" + i, "Last-" + i, "person" + i + "@example.com",
        "+1 555 " + (1_000_000 + i), "Engineer, level " + (i % 5), "Research", "Springfield", Integer.toString(10_000 + i % 90_000),
        "Loaded by the benchmark; row " + i};
  }

  private static SalesforceConnection connect(EmulatorProcess emulator) {
    AccessToken token = AccessToken.builder().value(Secret.of(emulator.accessToken()))
        .instanceUrl(URI.create(emulator.instanceUrl())).build();
    return SalesforceConnection.builder().authProvider(CachingAuthProvider.of(() -> token)).build();
  }

  private static BulkClient.Builder client(SalesforceConnection connection, Path temp, int parallel) {
    return BulkClient.builder(connection)
        .tempDirectory(temp)
        .pageSize(PAGE_RECORDS)
        .parallelDownloads(parallel)
        .pollBackoff(PollBackoff.of(Duration.ofMillis(100), Duration.ofSeconds(1), 1.5));
  }

  private static String digest(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
