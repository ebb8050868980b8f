package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.testkit.internal.http.SessionResolver;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every Pub/Sub call handler shares: the event bus, token checks, faults, managed subscriptions and the
 * threads that deliver events and run timers. Immutable holder of thread-safe parts.
 *
 * @param bus topics and schemas
 * @param sessions resolves access tokens (re-checked before every subscription response)
 * @param control settings, faults and managed subscriptions
 * @param orgId the org's 18-character id
 * @param delivery runs event delivery
 * @param timers runs keepalive, idle and delay timers
 */
record StreamServices(EventBus bus, SessionResolver sessions, PubSubControl control, String orgId, Executor delivery,
                      ScheduledExecutorService timers) {

    PubSubSettings settings() {
        return control.settings();
    }

    FaultScript faults() {
        return control.faults();
    }
}
