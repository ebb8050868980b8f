package dev.forcelink.pubsub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;

/**
 * Delivers events to a {@link Flow.Subscriber} as its demand allows, serially and off the gRPC
 * thread. Capacity is the subscriber's unmet demand, bounded by the queue capacity, minus the events
 * already buffered, so the server is asked only for events the subscriber has requested.
 */
final class FlowDispatcher implements Dispatcher, Flow.Subscription {
  private final Flow.Subscriber<? super PubSubEvent> subscriber;
  private final Executor executor;
  private final int limit;
  private final ArrayDeque<PubSubEvent> buffer = new ArrayDeque<>();
  private SubscriptionEngine engine;
  private long demand;
  private boolean draining;
  private boolean terminated;
  private boolean signalled;
  private Throwable failure;

  FlowDispatcher(Flow.Subscriber<? super PubSubEvent> subscriber, Executor executor, int limit) {
    this.subscriber = subscriber;
    this.executor = executor;
    this.limit = limit;
  }

  void attach(SubscriptionEngine engine) {
    this.engine = engine;
  }

  @Override
  public synchronized int capacity() {
    if (terminated) {
      return 0;
    }
    return (int) Math.max(0, Math.min(limit, demand) - buffer.size());
  }

  @Override
  public void enqueue(List<PubSubEvent> events) {
    synchronized (this) {
      if (terminated || events.isEmpty()) {
        return;
      }
      buffer.addAll(events);
    }
    scheduleDrain();
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      engine.fail(new IllegalArgumentException(
          "Flow.Subscription.request(n) needs n > 0 (Reactive Streams rule 3.9), got " + n));
      return;
    }
    synchronized (this) {
      demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
    }
    scheduleDrain();
    engine.pump();
  }

  @Override
  public void cancel() {
    synchronized (this) {
      signalled = true;
    }
    engine.closeWithoutWaiting();
  }

  @Override
  public synchronized List<Long> dropPending() {
    List<Long> dropped = new ArrayList<>(buffer.size());
    for (PubSubEvent event : buffer) {
      dropped.add(event.seq());
    }
    buffer.clear();
    return dropped;
  }

  @Override
  public void terminate(Throwable cause) {
    synchronized (this) {
      if (terminated) {
        return;
      }
      terminated = true;
      failure = cause;
      buffer.clear();
    }
    scheduleDrain();
  }

  private void scheduleDrain() {
    synchronized (this) {
      if (draining) {
        return;
      }
      draining = true;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        draining = false;
      }
      engine.fail(e);
    }
  }

  private void drain() {
    int delivered = 0;
    while (true) {
      PubSubEvent next = null;
      boolean signalEnd = false;
      Throwable cause = null;
      synchronized (this) {
        if (signalled) {
          draining = false;
          return;
        }
        if (terminated) {
          signalled = true;
          signalEnd = true;
          cause = failure;
        } else if (demand > 0 && !buffer.isEmpty()) {
          next = buffer.poll();
          demand--;
        } else {
          draining = false;
          break;
        }
      }
      if (signalEnd) {
        if (cause == null) {
          subscriber.onComplete();
        } else {
          subscriber.onError(cause);
        }
        synchronized (this) {
          draining = false;
        }
        return;
      }
      try {
        subscriber.onNext(next);
        delivered++;
      } catch (Throwable t) {
        synchronized (this) {
          draining = false;
        }
        engine.fail(new IllegalStateException("The Flow subscriber threw from onNext (Reactive Streams rule 2.13)", t));
        return;
      }
    }
    if (delivered > 0) {
      engine.pump();
    }
    synchronized (this) {
      // A request or an event may have arrived after the loop released the lock.
      if (!draining && !signalled && (terminated || (demand > 0 && !buffer.isEmpty()))) {
        draining = false;
      } else {
        return;
      }
    }
    scheduleDrain();
  }
}
