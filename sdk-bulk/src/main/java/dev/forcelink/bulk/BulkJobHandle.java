package dev.forcelink.bulk;

import java.time.Duration;

/**
 * A Bulk API 2.0 job known by its id: enough to follow it, abort it or delete it, in this process
 * or a later one ({@link BulkClient#ingestJob(String)}, {@link BulkClient#queryJob(String)}).
 * Implementations are immutable and thread-safe.
 */
public interface BulkJobHandle {
  /** @return the job id */
  String id();

  /**
   * Fetches the job's current JobInfo.
   *
   * @return the JobInfo
   * @throws dev.forcelink.core.exception.NotFoundException if the job does not exist (deleted, or
   *     older than the 7-day retention)
   * @throws dev.forcelink.core.exception.ForcelinkException for other failures
   */
  JobInfo info();

  /**
   * Polls with the client's backoff until the job is terminal or {@code timeout} passes; never
   * abandons the job.
   *
   * @param timeout how long to wait
   * @return the last JobInfo; its state is not terminal if the timeout passed first
   * @throws dev.forcelink.core.exception.ForcelinkException if polling fails
   */
  JobInfo awaitCompletion(Duration timeout);

  /**
   * Aborts the job ({@code PATCH {"state":"Aborted"}}).
   *
   * @return the JobInfo after aborting
   * @throws dev.forcelink.core.exception.SalesforceServiceException if the job is already terminal
   *     or does not exist
   */
  JobInfo abort();

  /**
   * Deletes the job and its results. The job must be UploadComplete, JobComplete, Aborted or Failed.
   *
   * @throws dev.forcelink.core.exception.SalesforceServiceException if the state does not allow it
   *     or the job does not exist
   */
  void delete();
}
