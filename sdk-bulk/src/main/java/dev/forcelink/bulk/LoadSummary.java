package dev.forcelink.bulk;

import java.util.List;
import java.util.Map;

/**
 * The totals of an ingest load: rows read, how they ended, failure reasons by error code, and one
 * {@link JobSummary} per job. Every input row is counted once, in its final outcome (a row
 * resubmitted after a transient failure counts where its last job put it); rows of jobs still
 * running at the deadline count as pending.
 *
 * <p>Immutable and thread-safe.
 */
public final class LoadSummary {
  private final long rows;
  private final long succeeded;
  private final long failed;
  private final long unprocessed;
  private final long pending;
  private final long unmatchedResults;
  private final Map<String, Long> failureReasons;
  private final List<JobSummary> jobs;

  LoadSummary(long rows, long succeeded, long failed, long unprocessed, long pending, long unmatchedResults,
      Map<String, Long> failureReasons, List<JobSummary> jobs) {
    this.unmatchedResults = unmatchedResults;
    this.rows = rows;
    this.succeeded = succeeded;
    this.failed = failed;
    this.unprocessed = unprocessed;
    this.pending = pending;
    this.failureReasons = Map.copyOf(failureReasons);
    this.jobs = List.copyOf(jobs);
  }

  /** @return the number of input rows read */
  public long rows() {
    return rows;
  }

  /** @return rows Salesforce wrote (its "processed" rows that did not fail) */
  public long succeeded() {
    return succeeded;
  }

  /** @return rows that failed */
  public long failed() {
    return failed;
  }

  /** @return rows not processed */
  public long unprocessed() {
    return unprocessed;
  }

  /** @return rows in jobs still running at the deadline; see {@link LoadResult#pendingJobs()} */
  public long pending() {
    return pending;
  }

  /**
   * Returns result rows that matched no input row (listed in the results without a row number; the
   * input rows they should have matched are reported unprocessed). Non-zero means Salesforce echoed
   * a value differently from the upload.
   *
   * @return the count
   */
  public long unmatchedResults() {
    return unmatchedResults;
  }

  /** @return failed and unprocessed rows counted by error code (or the whole message when it has no code) */
  public Map<String, Long> failureReasons() {
    return failureReasons;
  }

  /** @return one summary per job, in the order the jobs finished */
  public List<JobSummary> jobs() {
    return jobs;
  }

  /** @return true when no job is pending and every row succeeded */
  public boolean allSucceeded() {
    return pending == 0 && succeeded == rows;
  }

  @Override
  public String toString() {
    return "LoadSummary{rows=" + rows + ", succeeded=" + succeeded + ", failed=" + failed
        + ", unprocessed=" + unprocessed + ", pending=" + pending
        + (unmatchedResults > 0 ? ", unmatchedResults=" + unmatchedResults : "") + ", jobs=" + jobs.size()
        + ", failureReasons=" + failureReasons + "}";
  }
}
