package dev.forcelink.rest.internal.composite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Runs numbered tasks with at most {@code concurrency} in flight, starting them in order and
 * collecting their results in task order. No thread waits: each completion starts the next task.
 * A drain loop (rather than recursion) starts tasks, so tasks that complete at once, as the
 * synchronous path's do, never deepen the stack.
 *
 * <p>Once a result matches {@code stopAfter}, no further task starts; tasks already in flight
 * finish, and the ones never started get {@code skipped.apply(index)}. A task that completes
 * exceptionally (or whose start throws) fails the whole run once the tasks in flight are done;
 * tasks should turn expected failures into results.
 *
 * <p>One instance per run; thread-safe for the completions that drive it.
 *
 * @param <T> the result type
 */
public final class BoundedRunner<T> {
  private final int count;
  private final int concurrency;
  private final IntFunction<CompletableFuture<T>> start;
  private final Predicate<? super T> stopAfter;
  private final IntFunction<T> skipped;
  private final AtomicReferenceArray<T> results;
  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean finished = new AtomicBoolean();
  private final CompletableFuture<List<T>> done = new CompletableFuture<>();
  private volatile boolean stopped;
  private volatile Throwable failure;
  private int next;

  private BoundedRunner(int count, int concurrency, IntFunction<CompletableFuture<T>> start,
      Predicate<? super T> stopAfter, IntFunction<T> skipped) {
    this.count = count;
    this.concurrency = concurrency;
    this.start = start;
    this.stopAfter = stopAfter;
    this.skipped = skipped;
    this.results = new AtomicReferenceArray<>(count);
  }

  /**
   * Runs the tasks.
   *
   * @param count how many tasks
   * @param concurrency the most tasks in flight, at least 1
   * @param start starts task {@code i} and returns its future
   * @param stopAfter results after which no further task starts
   * @param skipped the result of a task that never started
   * @param <T> the result type
   * @return a future of all results in task order
   */
  public static <T> CompletableFuture<List<T>> run(int count, int concurrency, IntFunction<CompletableFuture<T>> start,
      Predicate<? super T> stopAfter, IntFunction<T> skipped) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
    }
    BoundedRunner<T> runner = new BoundedRunner<>(count, concurrency, start, stopAfter, skipped);
    runner.pump();
    return runner.done;
  }

  private void pump() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    do {
      while (!stopped && failure == null && next < count && inFlight.get() < concurrency) {
        int index = next++;
        inFlight.incrementAndGet();
        CompletableFuture<T> task;
        try {
          task = start.apply(index);
        } catch (RuntimeException e) {
          task = CompletableFuture.failedFuture(e);
        }
        task.whenComplete((result, error) -> onDone(index, result, error));
      }
      if (inFlight.get() == 0 && (stopped || failure != null || next >= count)) {
        finish();
      }
    } while (wip.decrementAndGet() != 0);
  }

  private void onDone(int index, T result, Throwable error) {
    if (error != null) {
      if (failure == null) {
        failure = error;
      }
    } else {
      results.set(index, result);
      if (stopAfter.test(result)) {
        stopped = true;
      }
    }
    inFlight.decrementAndGet();
    pump();
  }

  private void finish() {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    if (failure != null) {
      done.completeExceptionally(failure);
      return;
    }
    List<T> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      T r = i < next ? results.get(i) : skipped.apply(i);
      out.add(r);
    }
    done.complete(out);
  }
}
