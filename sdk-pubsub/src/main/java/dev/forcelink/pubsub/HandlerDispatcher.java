package dev.forcelink.pubsub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * Runs an {@link EventHandler} over a bounded queue with bounded concurrency. Up to {@code
 * concurrency} drain tasks run on the executor; each takes events from the head of the queue until
 * it is empty, so no thread is held while the subscription is idle. Queue order is receipt order,
 * so the events not yet started are always the newest ones.
 */
final class HandlerDispatcher implements Dispatcher {
  /** Marks the threads running a handler, so that a handler closing its own subscription never waits for itself. */
  private static final ThreadLocal<Boolean> IN_HANDLER = ThreadLocal.withInitial(() -> Boolean.FALSE);

  private final EventHandler handler;
  private final Executor executor;
  private final int concurrency;
  private final int capacity;
  private final BiConsumer<PubSubEvent, Throwable> onHandlerFailure;
  private final ArrayDeque<PubSubEvent> queue = new ArrayDeque<>();
  private int workers;
  private int inProcess;
  private boolean stopped;

  HandlerDispatcher(EventHandler handler, Executor executor, int concurrency, int capacity,
      BiConsumer<PubSubEvent, Throwable> onHandlerFailure) {
    this.handler = handler;
    this.executor = executor;
    this.concurrency = concurrency;
    this.capacity = capacity;
    this.onHandlerFailure = onHandlerFailure;
  }

  @Override
  public synchronized int capacity() {
    return stopped ? 0 : capacity - queue.size() - inProcess;
  }

  @Override
  public void enqueue(List<PubSubEvent> events) {
    int start;
    synchronized (this) {
      if (stopped || events.isEmpty()) {
        return;
      }
      queue.addAll(events);
      // One drain task per event up to the concurrency; each takes events until the queue is empty.
      start = Math.min(concurrency - workers, events.size());
      workers += start;
    }
    for (int i = 0; i < start; i++) {
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        synchronized (this) {
          workers -= start - i;
        }
        onHandlerFailure.accept(events.get(0), e);
        return;
      }
    }
  }

  private void drain() {
    while (true) {
      PubSubEvent event;
      synchronized (this) {
        if (stopped || queue.isEmpty()) {
          workers--;
          return;
        }
        event = queue.poll();
        inProcess++;
      }
      Throwable failure = null;
      IN_HANDLER.set(Boolean.TRUE);
      try {
        handler.handle(event);
        // Acknowledged before the event stops counting as in process, so that close() waiting for
        // idleness also waits for this event's checkpoint.
        event.ack();
      } catch (Throwable t) {
        failure = t;
      } finally {
        IN_HANDLER.set(Boolean.FALSE);
        synchronized (this) {
          inProcess--;
          notifyAll();
        }
      }
      if (failure != null) {
        synchronized (this) {
          workers--;
        }
        onHandlerFailure.accept(event, failure);
        return;
      }
    }
  }

  @Override
  public boolean isConsumerThread() {
    return IN_HANDLER.get();
  }

  @Override
  public boolean awaitIdle(java.time.Duration timeout) {
    if (IN_HANDLER.get()) {
      return false;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (inProcess > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  @Override
  public synchronized List<Long> dropPending() {
    List<Long> dropped = new ArrayList<>(queue.size());
    for (PubSubEvent event : queue) {
      dropped.add(event.seq());
    }
    queue.clear();
    return dropped;
  }

  @Override
  public synchronized void terminate(Throwable failure) {
    stopped = true;
    queue.clear();
  }
}
