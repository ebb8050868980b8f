package dev.forcelink.bulk;

import dev.forcelink.core.exception.ForcelinkException;

/**
 * A Bulk API 2.0 job ended in a state that makes the requested work impossible: a query job that
 * {@code Failed} or was {@code Aborted} has no results to download. {@link #jobInfo()} holds the
 * job's last JobInfo, including Salesforce's {@code errorMessage}.
 *
 * <p>Immutable once thrown.
 */
public class BulkJobException extends ForcelinkException {
  private static final long serialVersionUID = 1L;
  private final transient JobInfo jobInfo;

  /**
   * Creates the exception.
   *
   * @param message what was attempted and why it cannot be done
   * @param jobInfo the job's last JobInfo
   */
  public BulkJobException(String message, JobInfo jobInfo) {
    super(message, null, null, null);
    this.jobInfo = jobInfo;
  }

  /** @return the job's last JobInfo */
  public JobInfo jobInfo() {
    return jobInfo;
  }

  /** @return false: the job's state will not change */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
