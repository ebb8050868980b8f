package dev.forcelink.core.internal.http;

import dev.forcelink.core.http.SalesforceRequest;
import java.time.Instant;

/**
 * The state of one logical call across its attempts. Attempts run one after another (never at
 * once), possibly on different threads, so fields are volatile.
 */
final class Call {
  final SalesforceRequest request;
  final String correlationId;
  final Instant startedAt;
  final long startNanos;
  final long deadlineNanos;
  final String logTarget;
  volatile int attempt;
  volatile int sends;
  volatile int onceRetries;
  volatile boolean refreshed;
  volatile boolean timeoutClipped;
  /** The current attempt's time limit, headers and body together. */
  volatile long attemptBudgetNanos;
  /** When the current attempt's time limit ends, on the {@link System#nanoTime()} scale. */
  volatile long attemptDeadlineNanos;
  volatile int lastStatus;
  volatile String lastRequestId;
  volatile byte[] gzippedBody;

  Call(SalesforceRequest request, String correlationId, Instant startedAt, long startNanos,
      long deadlineNanos, String logTarget) {
    this.request = request;
    this.correlationId = correlationId;
    this.startedAt = startedAt;
    this.startNanos = startNanos;
    this.deadlineNanos = deadlineNanos;
    this.logTarget = logTarget;
  }

  long remainingNanos() {
    return deadlineNanos - System.nanoTime();
  }
}
