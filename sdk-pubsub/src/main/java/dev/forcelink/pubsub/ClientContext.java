package dev.forcelink.pubsub;

import dev.forcelink.core.auth.AuthProvider;
import dev.forcelink.core.event.ForcelinkListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * What a subscription or publish stream borrows from its client: auth, listeners, the timer, the
 * decoder, the default executor, the backoff jitter and the clock.
 */
record ClientContext(
    AuthProvider auth,
    List<ForcelinkListener> listeners,
    ScheduledExecutorService scheduler,
    PubSubEvent.Decoder decoder,
    Executor executor,
    UnaryOperator<Duration> jitter,
    LongSupplier nanoTime) {}
