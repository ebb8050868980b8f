package dev.forcelink.bulk;

import java.util.List;
import java.util.Optional;

/**
 * What one ingest job of a load did: its final state, error message, how many rows it carried and
 * how they ended, and its place in the load (a resubmission of another job's transient failures,
 * jobs aborted because their upload failed).
 *
 * <p>Immutable and thread-safe.
 */
public final class JobSummary {
  private final String jobId;
  private final JobState state;
  private final String errorMessage;
  private final long rows;
  private final long succeeded;
  private final long failed;
  private final long unprocessed;
  private final long resubmitted;
  private final long unmatchedResults;
  private final String resubmissionOf;
  private final List<String> abortedAfterFailedUpload;

  JobSummary(String jobId, JobState state, String errorMessage, long rows, long succeeded, long failed,
      long unprocessed, long resubmitted, long unmatchedResults, String resubmissionOf,
      List<String> abortedAfterFailedUpload) {
    this.jobId = jobId;
    this.state = state;
    this.errorMessage = errorMessage;
    this.rows = rows;
    this.succeeded = succeeded;
    this.failed = failed;
    this.unprocessed = unprocessed;
    this.resubmitted = resubmitted;
    this.unmatchedResults = unmatchedResults;
    this.resubmissionOf = resubmissionOf;
    this.abortedAfterFailedUpload = List.copyOf(abortedAfterFailedUpload);
  }

  /** @return the job id, empty when no job could be created */
  public Optional<String> jobId() {
    return Optional.ofNullable(jobId);
  }

  /** @return the last state seen; not terminal for a job still running at the deadline */
  public JobState state() {
    return state;
  }

  /** @return the job's error message (a failed job's, or why the SDK gave up on it) */
  public Optional<String> errorMessage() {
    return Optional.ofNullable(errorMessage);
  }

  /** @return the number of rows uploaded in the job */
  public long rows() {
    return rows;
  }

  /** @return the rows reported in {@code successfulResults} and matched to input rows */
  public long succeeded() {
    return succeeded;
  }

  /** @return the rows reported as failed (not counting those resubmitted) */
  public long failed() {
    return failed;
  }

  /** @return the rows left unprocessed */
  public long unprocessed() {
    return unprocessed;
  }

  /** @return the rows resubmitted in a new job after a transient failure */
  public long resubmitted() {
    return resubmitted;
  }

  /** @return result rows that matched no input row of the job */
  public long unmatchedResults() {
    return unmatchedResults;
  }

  /** @return the id of the job whose transient failures this job resubmits */
  public Optional<String> resubmissionOf() {
    return Optional.ofNullable(resubmissionOf);
  }

  /** @return ids of jobs created for these rows and aborted because their upload failed */
  public List<String> abortedAfterFailedUpload() {
    return abortedAfterFailedUpload;
  }

  @Override
  public String toString() {
    return "JobSummary{jobId=" + jobId + ", state=" + state + ", rows=" + rows + ", succeeded=" + succeeded
        + ", failed=" + failed + ", unprocessed=" + unprocessed + ", resubmitted=" + resubmitted
        + (errorMessage != null ? ", errorMessage=" + errorMessage : "")
        + (resubmissionOf != null ? ", resubmissionOf=" + resubmissionOf : "")
        + (abortedAfterFailedUpload.isEmpty() ? "" : ", abortedAfterFailedUpload=" + abortedAfterFailedUpload) + "}";
  }
}
