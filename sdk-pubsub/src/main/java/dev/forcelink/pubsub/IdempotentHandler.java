package dev.forcelink.pubsub;

import dev.forcelink.core.idempotency.ProcessedMessageLedger;
import java.util.Objects;

/**
 * Makes an {@link EventHandler} idempotent: an event delivered again (after a resume or a restart,
 * from the last stored replay id) is recognised by its {@link PubSubEvent#eventId()} in a {@link
 * ProcessedMessageLedger} and skipped, so it is processed once.
 *
 * <p>The ledger records the id only when the handler returns normally; a handler that throws leaves
 * the event unrecorded, so its redelivery runs the handler again.
 */
public final class IdempotentHandler implements EventHandler {
  private final EventHandler delegate;
  private final ProcessedMessageLedger ledger;

  private IdempotentHandler(EventHandler delegate, ProcessedMessageLedger ledger) {
    this.delegate = delegate;
    this.ledger = ledger;
  }

  /**
   * Wraps a handler.
   *
   * @param handler the handler to protect
   * @param ledger where processed event ids are recorded; its scope (one process or a shared
   *     database) is the scope of the guarantee
   * @return the idempotent handler; thread-safe if the handler is
   * @throws NullPointerException if an argument is null
   */
  public static EventHandler wrap(EventHandler handler, ProcessedMessageLedger ledger) {
    return new IdempotentHandler(Objects.requireNonNull(handler, "handler"), Objects.requireNonNull(ledger, "ledger"));
  }

  /**
   * Runs the wrapped handler unless the event's id is already recorded.
   *
   * @param event the event
   * @throws Exception whatever the wrapped handler threw, unchanged
   */
  @Override
  public void handle(PubSubEvent event) throws Exception {
    try {
      ledger.processOnce(event.eventId(), () -> {
        try {
          delegate.handle(event);
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new CheckedFailure(e);
        }
      });
    } catch (CheckedFailure wrapped) {
      throw wrapped.checked;
    }
  }

  @Override
  public String toString() {
    return "IdempotentHandler{" + delegate + ", ledger=" + ledger + "}";
  }

  /** Carries a checked exception through the ledger's {@code Runnable}. */
  private static final class CheckedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Exception checked;

    CheckedFailure(Exception checked) {
      super(checked.getMessage(), checked, false, false);
      this.checked = checked;
    }
  }
}
