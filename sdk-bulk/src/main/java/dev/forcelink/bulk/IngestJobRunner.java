package dev.forcelink.bulk;

import dev.forcelink.bulk.internal.BulkErrorCodes;
import dev.forcelink.bulk.internal.JobSpool;
import dev.forcelink.bulk.internal.RowDigest;
import dev.forcelink.bulk.internal.RowEncoder;
import dev.forcelink.bulk.internal.RowIndex;
import dev.forcelink.core.exception.ConnectionException;
import dev.forcelink.core.exception.ForcelinkException;
import dev.forcelink.core.exception.RequestTimeoutException;
import dev.forcelink.core.exception.SalesforceServiceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one spooled job to its end: create, one upload, close, poll, then read the three result
 * sets and match every result row to its input row.
 *
 * <p><b>One upload per job.</b> If the upload fails (an I/O error, a timeout or a 5xx), the job is
 * aborted and a new job is created for the same rows, replayed from the spool file; a job never
 * gets a second PUT. A 4xx on the upload is permanent and the rows are reported unprocessed.
 *
 * <p><b>Matching.</b> Salesforce does not keep row order and ignores no unknown column, so the SDK
 * cannot add a correlation column. It matches on what results echo: the {@code Id} column for
 * update, delete and hardDelete; the external id column for upsert; and for insert a digest of all
 * the row's original columns. Limits: identical input rows in one job are interchangeable (each
 * result claims one of them); a result whose echoed values differ from the upload (had Salesforce
 * reformatted one) matches no row and is reported with no row number, while its input row is
 * reported unprocessed with "no result matched this row".
 *
 * <p>Used by one thread at a time per job; the result store is thread-safe.
 */
final class IngestJobRunner {
  private static final Logger LOG = LoggerFactory.getLogger("dev.forcelink.bulk");
  static final int MAX_UPLOAD_ATTEMPTS = 3;

  private final BulkHttp http;
  private final IngestRequest request;
  private final ResultStore store;
  private final Instant deadline;
  private final Consumer<JobSummary> summaries;
  private final Consumer<PendingJob> pending;

  /** A job still running at the deadline, and how many input rows it holds. */
  static final class PendingJob {
    final IngestJobHandle handle;
    final long rows;

    PendingJob(IngestJobHandle handle, long rows) {
      this.handle = handle;
      this.rows = rows;
    }
  }

  IngestJobRunner(BulkHttp http, IngestRequest request, ResultStore store, Instant deadline,
      Consumer<JobSummary> summaries, Consumer<PendingJob> pending) {
    this.http = http;
    this.request = request;
    this.store = store;
    this.deadline = deadline;
    this.summaries = summaries;
    this.pending = pending;
  }

  /** Runs the spool's job (and resubmissions); deletes the spool when done. */
  void run(JobSpool spool, String resubmissionOf, int roundsLeft) {
    try {
      runOnce(spool, resubmissionOf, roundsLeft);
    } finally {
      spool.close();
    }
  }

  private void runOnce(JobSpool spool, String resubmissionOf, int roundsLeft) {
    List<String> aborted = new ArrayList<>();
    JobInfo job = null;
    for (int attempt = 1; job == null; attempt++) {
      JobInfo created;
      try {
        created = http.createIngestJob(request);
      } catch (ForcelinkException e) {
        giveUp(spool, null, JobState.UNKNOWN, "Could not create the job: " + e.getMessage(), resubmissionOf, aborted);
        return;
      }
      try {
        http.upload(created, spool.file());
        job = created;
      } catch (ForcelinkException e) {
        abortQuietly(created.id());
        aborted.add(created.id());
        boolean again = isTransientUploadFailure(e) && attempt < MAX_UPLOAD_ATTEMPTS;
        LOG.info("Upload of bulk job {} failed ({}); aborted it{}", created.id(), e.getClass().getSimpleName(),
            again ? " and creating a new job for the same " + spool.rows() + " rows" : "");
        if (!again) {
          giveUp(spool, created.id(), JobState.ABORTED, "The upload failed: " + e.getMessage(), resubmissionOf, aborted);
          return;
        }
      }
    }
    JobInfo info;
    try {
      http.patchState(JobKind.INGEST, job.id(), "UploadComplete");
      info = http.await(JobKind.INGEST, job.id(), deadline);
    } catch (ForcelinkException e) {
      abortQuietly(job.id());
      giveUp(spool, job.id(), JobState.ABORTED, "Could not close or follow the job: " + e.getMessage(),
          resubmissionOf, aborted);
      return;
    }
    if (!info.state().isTerminal()) {
      pending.accept(new PendingJob(new IngestJobHandle(http, job.id()), spool.rows()));
      summaries.accept(new JobSummary(job.id(), info.state(), null, spool.rows(), 0, 0, 0, 0, 0, resubmissionOf, aborted));
      return;
    }
    collect(spool, info, resubmissionOf, roundsLeft, aborted);
  }

  private void collect(JobSpool spool, JobInfo info, String resubmissionOf, int roundsLeft, List<String> aborted) {
    IngestJobHandle handle = new IngestJobHandle(http, info.id());
    RowIndex index = spool.index();
    List<String> columns = spool.columns();
    int[] keys = spool.keyPositions();
    long[] counts = new long[4];
    BitSet retry = new BitSet();
    IngestJobHandle.ResultVisitor visitor = (values, row) -> {
      String[] key = new String[keys.length];
      int[] positions = new int[keys.length];
      boolean complete = true;
      for (int i = 0; i < keys.length; i++) {
        String v = lookup(values, columns.get(keys[i]));
        complete &= v != null;
        key[i] = v == null ? "" : v;
        positions[i] = i;
      }
      long position = complete ? index.claim(RowDigest.of(key, positions)) : -1;
      if (position < 0) {
        counts[3]++;
        store.add(row.toResult(0, values));
        return;
      }
      int pos = (int) position;
      if (row.status == RowStatus.FAILED && roundsLeft > 0
          && BulkErrorCodes.classifyMessage(row.error) == BulkErrorCodes.Kind.TRANSIENT) {
        retry.set(pos);
        return;
      }
      counts[row.status.ordinal()]++;
      store.add(row.toResult(spool.rowNumberAt(pos), values));
    };
    try {
      handle.forEachResult(info, IngestJobHandle.ResultSet.SUCCESSFUL, visitor);
      handle.forEachResult(info, IngestJobHandle.ResultSet.FAILED, visitor);
      handle.forEachResult(info, IngestJobHandle.ResultSet.UNPROCESSED, visitor);
    } catch (ForcelinkException | java.io.UncheckedIOException e) {
      LOG.warn("Could not read the results of bulk job {}: {}", info.id(), e.getMessage());
      emitUnclaimed(spool, index, retry, info.id(), "The job ended " + info.rawState().orElse("?")
          + " but its results could not be read: " + e.getMessage(), counts);
      summaries.accept(new JobSummary(info.id(), info.state(), info.errorMessage().orElse(e.getMessage()), spool.rows(),
          counts[0], counts[1], counts[2], 0, counts[3], resubmissionOf, aborted));
      return;
    }
    emitUnclaimed(spool, index, retry, info.id(), "No result row of job " + info.id() + " matched this row", counts);
    int resubmitted = retry.cardinality();
    summaries.accept(new JobSummary(info.id(), info.state(), info.errorMessage().orElse(null), spool.rows(),
        counts[0], counts[1], counts[2], resubmitted, counts[3], resubmissionOf, aborted));
    if (resubmitted > 0) {
      LOG.info("Resubmitting {} rows of bulk job {} that failed with a transient error", resubmitted, info.id());
      JobSpool again = new JobSpool(http.settings.tempDirectory, spool.codec(), columns, keys,
          Long.MAX_VALUE, Long.MAX_VALUE);
      RowEncoder encoder = new RowEncoder(spool.codec());
      spool.forEachRow((position, values) -> {
        if (retry.get(position)) {
          again.tryAppend(values, encoder.encode(values), spool.rowNumberAt(position));
        }
      });
      again.finish();
      run(again, info.id(), roundsLeft - 1);
    }
  }

  /** Reports every row no result claimed (and not being resubmitted) as unprocessed. */
  private void emitUnclaimed(JobSpool spool, RowIndex index, BitSet retry, String jobId, String why, long[] counts) {
    long[] unclaimed = index.unclaimed();
    if (unclaimed.length == 0) {
      return;
    }
    BitSet open = new BitSet();
    for (long p : unclaimed) {
      if (!retry.get((int) p)) {
        open.set((int) p);
      }
    }
    List<String> columns = spool.columns();
    spool.forEachRow((position, values) -> {
      if (open.get(position)) {
        counts[RowStatus.UNPROCESSED.ordinal()]++;
        store.add(new RowResult(spool.rowNumberAt(position), jobId, RowStatus.UNPROCESSED, null, false, why,
            toMap(columns, values)));
      }
    });
  }

  private void giveUp(JobSpool spool, String jobId, JobState state, String why, String resubmissionOf,
      List<String> aborted) {
    List<String> columns = spool.columns();
    spool.forEachRow((position, values) -> store.add(new RowResult(spool.rowNumberAt(position), jobId,
        RowStatus.UNPROCESSED, null, false, why, toMap(columns, values))));
    summaries.accept(new JobSummary(jobId, state, why, spool.rows(), 0, 0, spool.rows(), 0, 0, resubmissionOf, aborted));
  }

  private void abortQuietly(String jobId) {
    try {
      http.patchState(JobKind.INGEST, jobId, "Aborted");
    } catch (ForcelinkException e) {
      LOG.warn("Could not abort bulk job {} after its upload failed: {}", jobId, e.getMessage());
    }
  }

  /** I/O errors, timeouts and 5xx may pass in a new job; a 4xx says the data or request is wrong. */
  static boolean isTransientUploadFailure(ForcelinkException e) {
    if (e instanceof ConnectionException || e instanceof RequestTimeoutException) {
      return true;
    }
    if (e instanceof SalesforceServiceException) {
      return ((SalesforceServiceException) e).statusCode() >= 500;
    }
    return e.isRetryable();
  }

  private static String lookup(Map<String, String> values, String column) {
    String v = values.get(column);
    if (v != null) {
      return v;
    }
    String lower = column.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(lower)) {
        return e.getValue();
      }
    }
    return null;
  }

  static Map<String, String> toMap(List<String> columns, String[] values) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < columns.size() && i < values.length; i++) {
      m.put(columns.get(i), values[i]);
    }
    return m;
  }
}
