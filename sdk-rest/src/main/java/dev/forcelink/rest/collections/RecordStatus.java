package dev.forcelink.rest.collections;

/** What happened to one input record of a Collections call. */
public enum RecordStatus {
  /** Salesforce reported success. */
  SUCCEEDED,
  /** Salesforce reported a failure for the record, or refused its whole request: nothing was saved. */
  FAILED,
  /**
   * The request carrying the record failed on the way (connection lost, timeout, unreadable or
   * 5xx response): the record may or may not have been saved. Check before sending it again.
   */
  UNKNOWN,
  /** The record was never sent, because {@code failFast} or an earlier request failure stopped the run. */
  NOT_ATTEMPTED
}
