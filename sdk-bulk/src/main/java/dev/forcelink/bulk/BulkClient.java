package dev.forcelink.bulk;

import dev.forcelink.bulk.internal.PipelineGauge;
import dev.forcelink.bulk.internal.Sleeper;
import dev.forcelink.core.SalesforceConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterators;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The Bulk API 2.0 client: ingest of any size, split into jobs as the input streams, with results
 * matched back to input rows; query jobs with results copied as CSV or read as records, serially or
 * in parallel; and handles that resume any job from its id.
 *
 * <pre>{@code
 * try (BulkClient bulk = BulkClient.create(connection);
 *      LoadResult load = bulk.loadAndWait(
 *          IngestRequest.builder("Contact", IngestOperation.INSERT).build(),
 *          RowSource.ofMaps(contacts))) {
 *   System.out.println(load.summary());
 *   load.results().filter(r -> r.status() != RowStatus.SUCCEEDED).forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p><b>Memory and disk.</b> Rows are spooled to one temporary file per job (replayable uploads
 * with an exact length; see {@link RowSource}); at most {@link Builder#maxConcurrentJobs(int)} jobs
 * are in flight, so disk use is bounded by that many jobs and heap by one row plus a 16-byte index
 * entry per row of the jobs in flight. Result pages are downloaded to temporary files and read
 * from there. The connection's retry policy applies to every call except the upload, which is never
 * resent into the same job.
 *
 * <p>Immutable and thread-safe; several loads and downloads may run at once. {@link #close()}
 * shuts down the client's own executor (not a supplied one) and leaves the connection open.
 */
public final class BulkClient implements AutoCloseable {
  private final Settings settings;
  private final BulkHttp http;
  private final Semaphore slots;
  private final ExecutorService ownedExecutor;
  private final AtomicBoolean closed = new AtomicBoolean();

  private BulkClient(Builder b) {
    ExecutorService own = null;
    Executor executor = b.executor;
    if (executor == null) {
      AtomicInteger n = new AtomicInteger();
      own = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "forcelink-bulk-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      executor = own;
    }
    this.ownedExecutor = own;
    this.settings = new Settings(b, executor);
    this.http = new BulkHttp(b.connection, settings);
    this.slots = new Semaphore(b.maxConcurrentJobs, true);
  }

  /**
   * Creates a client with the defaults.
   *
   * @param connection the shared connection
   * @return the client
   */
  public static BulkClient create(SalesforceConnection connection) {
    return builder(connection).build();
  }

  /**
   * Starts a builder.
   *
   * @param connection the shared connection
   * @return a builder; not thread-safe
   */
  public static Builder builder(SalesforceConnection connection) {
    return new Builder(connection);
  }

  /**
   * Loads rows and waits: splits the input into jobs under the size limits, uploads each once,
   * polls until every job ends or the request's deadline passes, reads each job's results and
   * matches them to input rows (see {@link IngestJobHandle} for the rule), and resubmits rows that
   * failed transiently if the request asks for it. Job-level problems (a job that could not be
   * created or uploaded, a job that ended Failed) are reported in the summary and the row results,
   * not thrown.
   *
   * @param request what to do
   * @param source the rows; read once
   * @return the summary, the row results and handles to jobs still running at the deadline; close it
   * @throws IllegalArgumentException if the input is malformed (a row with the wrong number of
   *     cells, a value with no Salesforce format, a missing Id or external id column); jobs already
   *     submitted finish first
   * @throws java.io.UncheckedIOException if the source or a temporary file cannot be read or written
   * @throws IllegalStateException if the client is closed
   */
  public LoadResult loadAndWait(IngestRequest request, RowSource source) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(source, "source");
    ensureOpen();
    return new LoadRun(http, request, slots).execute(source);
  }

  /**
   * Creates a query job and returns its handle without waiting.
   *
   * @param request the query
   * @return the handle
   * @throws dev.forcelink.core.exception.SalesforceServiceException if Salesforce refuses the job
   *     (malformed SOQL, say)
   * @throws IllegalStateException if the client is closed
   */
  public QueryJobHandle query(QueryRequest request) {
    Objects.requireNonNull(request, "request");
    ensureOpen();
    return new QueryJobHandle(http, http.createQueryJob(request).id());
  }

  /**
   * Creates a query job for SOQL with the default dialect.
   *
   * @param soql the query
   * @return the handle
   * @throws dev.forcelink.core.exception.SalesforceServiceException if Salesforce refuses the job
   */
  public QueryJobHandle query(String soql) {
    return query(QueryRequest.of(soql));
  }

  /**
   * Returns a handle to an existing ingest job, for example one created by another process.
   *
   * @param jobId the job id
   * @return the handle; nothing is sent until it is used
   */
  public IngestJobHandle ingestJob(String jobId) {
    ensureOpen();
    return new IngestJobHandle(http, jobId);
  }

  /**
   * Returns a handle to an existing query job.
   *
   * @param jobId the job id
   * @return the handle; nothing is sent until it is used
   */
  public QueryJobHandle queryJob(String jobId) {
    ensureOpen();
    return new QueryJobHandle(http, jobId);
  }

  /**
   * Reads one page of ingest jobs.
   *
   * @param nextRecordsUrl null for the first page, else the previous page's {@code nextRecordsUrl}
   * @return the page
   * @throws dev.forcelink.core.exception.ForcelinkException if the call fails
   */
  public JobListPage listIngestJobs(String nextRecordsUrl) {
    ensureOpen();
    return http.list(JobKind.INGEST, nextRecordsUrl);
  }

  /**
   * Reads one page of query jobs.
   *
   * @param nextRecordsUrl null for the first page, else the previous page's {@code nextRecordsUrl}
   * @return the page
   * @throws dev.forcelink.core.exception.ForcelinkException if the call fails
   */
  public JobListPage listQueryJobs(String nextRecordsUrl) {
    ensureOpen();
    return http.list(JobKind.QUERY, nextRecordsUrl);
  }

  /**
   * Streams every ingest job, fetching pages as the stream advances.
   *
   * @return a lazy stream; a failing page call throws from the stream
   */
  public Stream<JobInfo> allIngestJobs() {
    return allJobs(JobKind.INGEST);
  }

  /**
   * Streams every query job, fetching pages as the stream advances.
   *
   * @return a lazy stream; a failing page call throws from the stream
   */
  public Stream<JobInfo> allQueryJobs() {
    return allJobs(JobKind.QUERY);
  }

  private Stream<JobInfo> allJobs(JobKind kind) {
    ensureOpen();
    Iterator<JobInfo> it = new Iterator<>() {
      private JobListPage page;
      private Iterator<JobInfo> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (page != null && page.done()) {
            return false;
          }
          page = http.list(kind, page == null ? null : page.nextRecordsUrl().orElse(null));
          current = page.jobs().iterator();
        }
        return true;
      }

      @Override
      public JobInfo next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, 0), false);
  }

  /** Counts what the pipelines hold; for tests. */
  PipelineGauge gauge() {
    return settings.gauge;
  }

  /**
   * Shuts down the client's own executor (loads in progress may fail); leaves the connection and a
   * supplied executor alone. Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("This BulkClient is closed; create a new one");
    }
  }

  @Override
  public String toString() {
    return "BulkClient{apiVersion=" + http.connection.apiVersion() + ", maxConcurrentJobs=" + settings.maxConcurrentJobs
        + ", maxJobBytes=" + settings.maxJobBytes + ", maxJobRows=" + settings.maxJobRows
        + ", pageSize=" + settings.pageSize + ", parallelDownloads=" + settings.parallelDownloads
        + ", pollBackoff=" + settings.pollBackoff + "}";
  }

  /** The resolved options, shared with the package's helpers. */
  static final class Settings {
    final int maxConcurrentJobs;
    final long maxJobBytes;
    final long maxJobRows;
    final int pageSize;
    final int parallelDownloads;
    final PollBackoff pollBackoff;
    final Duration transferTimeout;
    final Duration resultWait;
    final Path tempDirectory;
    final Executor executor;
    final Sleeper sleeper;
    final PipelineGauge gauge = new PipelineGauge();

    Settings(Builder b, Executor executor) {
      this.maxConcurrentJobs = b.maxConcurrentJobs;
      this.maxJobBytes = b.maxJobBytes;
      this.maxJobRows = b.maxJobRows;
      this.pageSize = b.pageSize;
      this.parallelDownloads = b.parallelDownloads;
      this.pollBackoff = b.pollBackoff;
      this.transferTimeout = b.transferTimeout;
      this.resultWait = b.resultWait;
      this.tempDirectory = b.tempDirectory;
      this.executor = executor;
      this.sleeper = b.sleeper;
    }
  }

  /** Builds a {@link BulkClient}. Not thread-safe. */
  public static final class Builder {
    /** 100 MB: the documented raw upload ceiling, below 150 MB once base64-encoded. */
    public static final long MAX_JOB_BYTES = 100_000_000L;
    /** The 24-hour record allocation of the Bulk API 2.0 limits; Salesforce gives no smaller row limit. */
    public static final long MAX_JOB_ROWS = 150_000_000L;

    private final SalesforceConnection connection;
    private int maxConcurrentJobs = 4;
    private long maxJobBytes = MAX_JOB_BYTES;
    private long maxJobRows = MAX_JOB_ROWS;
    private int pageSize = 50_000;
    private int parallelDownloads = 4;
    private PollBackoff pollBackoff = PollBackoff.defaults();
    private Duration transferTimeout = Duration.ofMinutes(10);
    private Duration resultWait = Duration.ofHours(1);
    private Path tempDirectory = Paths.get(System.getProperty("java.io.tmpdir"));
    private Executor executor;
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder(SalesforceConnection connection) {
      this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Sets how many ingest jobs one client keeps in flight (spooled or running); default 4.
     *
     * @param jobs 1 to 100
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxConcurrentJobs(int jobs) {
      if (jobs < 1 || jobs > 100) {
        throw new IllegalArgumentException("maxConcurrentJobs must be 1 to 100, got " + jobs);
      }
      this.maxConcurrentJobs = jobs;
      return this;
    }

    /**
     * Sets the most CSV bytes (header included) one job's upload may hold; default and maximum
     * {@value #MAX_JOB_BYTES}. Lower it to split small inputs, in tests for instance.
     *
     * @param bytes 64 to {@value #MAX_JOB_BYTES}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxJobBytes(long bytes) {
      if (bytes < 64 || bytes > MAX_JOB_BYTES) {
        throw new IllegalArgumentException("maxJobBytes must be 64 to " + MAX_JOB_BYTES + ", got " + bytes);
      }
      this.maxJobBytes = bytes;
      return this;
    }

    /**
     * Sets the most rows one job may hold; default and maximum {@value #MAX_JOB_ROWS}.
     *
     * @param rows 1 to {@value #MAX_JOB_ROWS}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxJobRows(long rows) {
      if (rows < 1 || rows > MAX_JOB_ROWS) {
        throw new IllegalArgumentException("maxJobRows must be 1 to " + MAX_JOB_ROWS + ", got " + rows);
      }
      this.maxJobRows = rows;
      return this;
    }

    /**
     * Sets {@code maxRecords} for query result pages on the locator chain; default 50,000.
     *
     * @param records 1 to 1,000,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder pageSize(int records) {
      if (records < 1 || records > 1_000_000) {
        throw new IllegalArgumentException("pageSize must be 1 to 1000000, got " + records);
      }
      this.pageSize = records;
      return this;
    }

    /**
     * Sets how many result pages are downloaded at once through {@code resultPages} (API v58.0+);
     * 1 uses the serial locator chain. Default 4.
     *
     * @param pages 1 to 16
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder parallelDownloads(int pages) {
      if (pages < 1 || pages > 16) {
        throw new IllegalArgumentException("parallelDownloads must be 1 to 16, got " + pages);
      }
      this.parallelDownloads = pages;
      return this;
    }

    /**
     * Sets the job-status polling backoff; default {@link PollBackoff#defaults()}.
     *
     * @param backoff the backoff
     * @return this builder
     */
    public Builder pollBackoff(PollBackoff backoff) {
      this.pollBackoff = Objects.requireNonNull(backoff, "pollBackoff");
      return this;
    }

    /**
     * Sets the per-attempt timeout of uploads and result downloads (large bodies); default 10 min.
     * It covers the whole transfer, the last byte of a downloaded page included, so set it above the
     * time your largest page takes at your slowest expected bandwidth. The connection's whole-call
     * timeout ({@code RetryPolicy.callTimeout}, default 10 min) also bounds each transfer.
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder transferTimeout(Duration timeout) {
      this.transferTimeout = positive(timeout, "transferTimeout");
      return this;
    }

    /**
     * Sets how long a query download waits for its job to complete before it throws
     * {@link BulkJobException} (the job keeps running); default 1 hour.
     *
     * @param wait positive
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder resultWait(Duration wait) {
      this.resultWait = positive(wait, "resultWait");
      return this;
    }

    /**
     * Sets the directory for spool and page files; default {@code java.io.tmpdir}.
     *
     * @param dir an existing writable directory
     * @return this builder
     * @throws IllegalArgumentException if it is not a directory
     */
    public Builder tempDirectory(Path dir) {
      Objects.requireNonNull(dir, "tempDirectory");
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("tempDirectory " + dir + " is not a directory");
      }
      this.tempDirectory = dir;
      return this;
    }

    /**
     * Supplies the executor that runs jobs (one task per job in flight, blocking while it polls);
     * the client never shuts it down. By default the client owns a pool of daemon threads.
     *
     * @param executor the executor, or null for the client's own
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /** Replaces real waiting between polls; for tests. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }

    /**
     * Builds the client.
     *
     * @return the client
     */
    public BulkClient build() {
      return new BulkClient(this);
    }
  }
}
