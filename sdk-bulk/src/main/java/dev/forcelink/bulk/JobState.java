package dev.forcelink.bulk;

/**
 * The state of a Bulk API 2.0 job. Ingest jobs go {@code Open → UploadComplete → InProgress →
 * JobComplete | Failed}; query jobs start at {@code UploadComplete}; any job may be {@code Aborted}.
 * Immutable and thread-safe.
 */
public enum JobState {
  /** Created; data may be uploaded (ingest only). */
  OPEN("Open"),
  /** The upload is closed and the job is queued. */
  UPLOAD_COMPLETE("UploadComplete"),
  /** Salesforce is processing the job. */
  IN_PROGRESS("InProgress"),
  /** Processing finished; per-row results may still hold failures. */
  JOB_COMPLETE("JobComplete"),
  /** The job failed part way; rows processed before are not rolled back. */
  FAILED("Failed"),
  /** The job was aborted. */
  ABORTED("Aborted"),
  /** A state this version of the SDK does not know; treated as not terminal. */
  UNKNOWN("");

  private final String wireName;

  JobState(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the value of the {@code state} field.
   *
   * @return such as {@code JobComplete}; empty for {@link #UNKNOWN}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Tells whether the job will not change state any more.
   *
   * @return true for {@link #JOB_COMPLETE}, {@link #FAILED} and {@link #ABORTED}
   */
  public boolean isTerminal() {
    return this == JOB_COMPLETE || this == FAILED || this == ABORTED;
  }

  /**
   * Finds the state for a wire name.
   *
   * @param wireName such as {@code InProgress}
   * @return the state, or {@link #UNKNOWN} for an unrecognised or null name
   */
  public static JobState fromWireName(String wireName) {
    for (JobState s : values()) {
      if (s != UNKNOWN && s.wireName.equals(wireName)) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
