package dev.forcelink.pubsub.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.event.ForcelinkListener;
import dev.forcelink.core.event.TokenRefreshed;
import dev.forcelink.core.idempotency.ProcessedMessageLedger;
import dev.forcelink.pubsub.EventHandler;
import dev.forcelink.pubsub.IdempotentHandler;
import dev.forcelink.pubsub.PubSubEvent;
import dev.forcelink.pubsub.ReplayFrom;
import dev.forcelink.pubsub.ReplayGap;
import dev.forcelink.pubsub.ReplayId;
import dev.forcelink.pubsub.ReplayStore;
import dev.forcelink.pubsub.Resubscribed;
import dev.forcelink.pubsub.SubscriptionListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/**
 * Everything one consumer saw, in one ordered log: each delivery to the raw handler, each replay id
 * saved to the store, each resubscription and token refresh, each reported gap. From it, {@link
 * #assertExactlyOnce(int)} checks the resume guarantees: nothing lost, duplicates only of events after
 * the position stored when the stream was restarted (and none past the ledger), never a jump to
 * LATEST.
 *
 * <p>Events are {@code Order_Event__e} whose {@code Status__c} holds their number, 1 to n.
 */
final class DeliveryLog implements SubscriptionListener, ForcelinkListener {
  sealed interface Entry permits Delivered, Saved, Restarted {}

  record Delivered(int number, ReplayId replayId) implements Entry {}

  record Saved(ReplayId replayId) implements Entry {}

  record Restarted(String why, ReplayFrom from) implements Entry {}

  final List<Entry> entries = new CopyOnWriteArrayList<>();
  final List<Integer> processed = new CopyOnWriteArrayList<>();
  final List<ReplayGap> gaps = new CopyOnWriteArrayList<>();
  final List<Resubscribed> resubscriptions = new CopyOnWriteArrayList<>();

  /** The handler: logs each delivery, then lets the ledger decide whether it is processed again. */
  EventHandler handler(ProcessedMessageLedger ledger, EventHandler beforeLedger) {
    EventHandler idempotent = IdempotentHandler.wrap(e -> processed.add(number(e)), ledger);
    return e -> {
      entries.add(new Delivered(number(e), e.replayId()));
      beforeLedger.handle(e);
      idempotent.handle(e);
    };
  }

  EventHandler handler(ProcessedMessageLedger ledger) {
    return handler(ledger, e -> {});
  }

  /** Wraps a store so that every save is logged. */
  ReplayStore recording(ReplayStore store) {
    return new ReplayStore() {
      @Override
      public Optional<ReplayId> load(String subscriptionKey) {
        return store.load(subscriptionKey);
      }

      @Override
      public void save(String subscriptionKey, ReplayId replayId) {
        store.save(subscriptionKey, replayId);
        entries.add(new Saved(replayId));
      }
    };
  }

  static int number(PubSubEvent event) {
    return Integer.parseInt(String.valueOf(event.asMap().get(EmulatorOrg.STATUS)));
  }

  @Override
  public void onResubscribe(Resubscribed event) {
    resubscriptions.add(event);
    entries.add(new Restarted(event.reason(), event.from()));
  }

  @Override
  public void onReplayGap(ReplayGap gap) {
    gaps.add(gap);
  }

  @Override
  public void onTokenRefresh(TokenRefreshed event) {
    entries.add(new Restarted("token refreshed: " + event.reason(), null));
  }

  int deliveries() {
    return (int) entries.stream().filter(Delivered.class::isInstance).count();
  }

  long restarts() {
    return entries.stream().filter(Restarted.class::isInstance).count();
  }

  /**
   * Asserts the resume guarantees for events 1 to {@code n}: each processed exactly once and in
   * order; every redelivery is of an event after the replay id stored when the last restart
   * happened; no resubscription starts at LATEST; no gap was reported.
   */
  void assertExactlyOnce(int n) {
    assertThat(processed).as("events past the ledger").containsExactlyElementsOf(
        IntStream.rangeClosed(1, n).boxed().toList());
    Map<ReplayId, Integer> numbers = new HashMap<>();
    Set<Integer> seen = new HashSet<>();
    int stored = 0;
    int storedAtRestart = 0;
    List<String> violations = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry instanceof Delivered d) {
        numbers.put(d.replayId(), d.number());
        if (!seen.add(d.number()) && d.number() <= storedAtRestart) {
          violations.add("event " + d.number() + " came again although replay id of event " + storedAtRestart
              + " was stored before the restart");
        }
      } else if (entry instanceof Saved s) {
        stored = numbers.getOrDefault(s.replayId(), stored);
      } else if (entry instanceof Restarted r) {
        storedAtRestart = stored;
        if (r.from() != null && r.from().kind() == ReplayFrom.Kind.LATEST) {
          violations.add("resubscribed from LATEST (" + r.why() + ")");
        }
      }
    }
    assertThat(violations).as("resume violations").isEmpty();
    assertThat(gaps).as("replay gaps").isEmpty();
  }
}
