package dev.forcelink.pubsub.cdc;

/**
 * What happened to the records of a change event ({@code ChangeEventHeader.changeType}).
 *
 * <p>A gap event carries the header but not the changed field values: re-read the records to learn
 * their state. {@link #GAP_OVERFLOW} means one transaction changed too many records for individual
 * events.
 *
 * <p>Immutable and thread-safe.
 */
public enum ChangeType {
  /** Records were created. */
  CREATE,
  /** Records were updated. */
  UPDATE,
  /** Records were deleted. */
  DELETE,
  /** Records were restored from the recycle bin. */
  UNDELETE,
  /** Records were created; field values are not in the event. */
  GAP_CREATE,
  /** Records were updated; field values are not in the event. */
  GAP_UPDATE,
  /** Records were deleted; the event has the header only. */
  GAP_DELETE,
  /** Records were restored; field values are not in the event. */
  GAP_UNDELETE,
  /** Too many records changed in one transaction for individual events. */
  GAP_OVERFLOW,
  /** Reserved by Salesforce. */
  SNAPSHOT;

  /**
   * Tells whether this is a gap type, whose events carry the header but no field values.
   *
   * @return true for the {@code GAP_*} types, {@link #GAP_OVERFLOW} included
   */
  public boolean isGap() {
    return name().startsWith("GAP_");
  }
}
