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
  private record Item(PubSubEvent event, long seq) {}

  private final EventHandler handler;
  private final Executor executor;
  private final int concurrency;
  private final int capacity;
  private final BiConsumer<PubSubEvent, Throwable> onHandlerFailure;
  private final ArrayDeque<Item> queue = new ArrayDeque<>();
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
  public void enqueue(PubSubEvent event, long seq) {
    synchronized (this) {
      if (stopped) {
        return;
      }
      queue.add(new Item(event, seq));
      if (workers >= concurrency) {
        return;
      }
      workers++;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        workers--;
      }
      onHandlerFailure.accept(event, e);
    }
  }

  private void drain() {
    while (true) {
      Item item;
      synchronized (this) {
        if (stopped || queue.isEmpty()) {
          workers--;
          return;
        }
        item = queue.poll();
        inProcess++;
      }
      Throwable failure = null;
      try {
        handler.handle(item.event);
      } catch (Throwable t) {
        failure = t;
      }
      synchronized (this) {
        inProcess--;
      }
      if (failure != null) {
        synchronized (this) {
          workers--;
        }
        onHandlerFailure.accept(item.event, failure);
        return;
      }
      item.event.ack();
    }
  }

  @Override
  public synchronized List<Long> dropPending() {
    List<Long> dropped = new ArrayList<>(queue.size());
    for (Item item : queue) {
      dropped.add(item.seq);
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
