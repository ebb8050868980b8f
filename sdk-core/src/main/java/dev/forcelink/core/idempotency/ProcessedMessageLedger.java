package dev.forcelink.core.idempotency;

/**
 * Remembers which messages (Pub/Sub events, webhook deliveries, queue items) a consumer has already
 * handled, so that a message delivered again is not acted on twice.
 *
 * <p>A message id is a non-blank string of at most {@value #MAX_MESSAGE_ID_LENGTH} characters, such
 * as an event's replay id or {@code EventUuid}. Every method rejects other ids with {@link
 * IllegalArgumentException} (and null with {@link NullPointerException}).
 *
 * <p><b>Guarantee of {@link #processOnce(String, Runnable)}.</b> For one id, at most one caller at
 * a time runs the action, and the id is recorded only when the action returns normally, in the same
 * step that ends the exclusion. A caller that arrives while the action is running waits for it; it
 * then returns {@code false} without running the action if the action succeeded, or runs the action
 * itself if the action threw. So the action completes successfully at most once per id while the
 * record is kept, and a failed action is retried by the next delivery. The action may have run more
 * than once only if it had effects before it threw, or if recording fails after it succeeded (the
 * implementation then throws {@link LedgerException}). {@link #markProcessed(String)} takes part in
 * the same exclusion. {@link #isProcessed(String)} sees only recorded ids, never one whose action
 * is still running. The scope of the exclusion (one ledger instance, or every process sharing a
 * database) is stated by each implementation.
 *
 * <p>The action must not call the same ledger for the same id: that caller would wait for itself.
 *
 * <p>Implementations are thread-safe.
 */
public interface ProcessedMessageLedger {
  /** The longest message id accepted. */
  int MAX_MESSAGE_ID_LENGTH = 255;

  /**
   * Tells whether the id has been recorded.
   *
   * @param messageId the message id
   * @return true if the id is recorded (and, where records expire, not yet expired)
   * @throws IllegalArgumentException if {@code messageId} is blank or too long
   * @throws LedgerException if the ledger's store fails
   */
  boolean isProcessed(String messageId);

  /**
   * Records the id, atomically.
   *
   * @param messageId the message id
   * @return true if this call recorded it, false if it was already recorded
   * @throws IllegalArgumentException if {@code messageId} is blank or too long
   * @throws LedgerException if the ledger's store fails
   */
  boolean markProcessed(String messageId);

  /**
   * Runs {@code action} unless the id is already recorded, and records the id once the action has
   * returned normally; see the class description for the exact guarantee under concurrency.
   *
   * @param messageId the message id
   * @param action what to do with the message
   * @return true if the action ran and the id is now recorded, false if the id was already recorded
   *     and the action did not run
   * @throws IllegalArgumentException if {@code messageId} is blank or too long
   * @throws NullPointerException if {@code action} is null
   * @throws RuntimeException whatever the action threw, unchanged; the id is then not recorded
   * @throws LedgerException if the ledger's store fails; when this happens after the action ran,
   *     the message says so
   */
  boolean processOnce(String messageId, Runnable action);
}
