package dev.forcelink.bulk;

/** What happened to one ingest row. Immutable and thread-safe. */
public enum RowStatus {
  /** Salesforce wrote the row ({@code successfulResults}). */
  SUCCEEDED,
  /** Salesforce rejected the row ({@code failedResults}), with an error. */
  FAILED,
  /**
   * Salesforce did not process the row: it is in {@code unprocessedrecords} (the job failed or was
   * aborted first), its job could not be created or uploaded, or no result mentioned it.
   */
  UNPROCESSED
}
