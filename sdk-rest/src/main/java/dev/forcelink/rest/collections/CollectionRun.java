package dev.forcelink.rest.collections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.exception.ForcelinkException;
import dev.forcelink.core.exception.RecordLockedException;
import dev.forcelink.core.exception.SalesforceError;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import dev.forcelink.rest.internal.composite.BoundedRunner;
import dev.forcelink.rest.internal.composite.Calls;
import dev.forcelink.rest.internal.composite.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Collections write of any size: splits the input into requests of at most
 * {@link CollectionOptions#chunkSize()} records, sends them with bounded concurrency, records one
 * result per input record in input order, and re-sends only the records that failed on a row lock
 * when asked. One instance per call; the completions that drive it may run on any thread.
 */
final class CollectionRun {
  private static final Logger LOG = LoggerFactory.getLogger(CollectionRun.class);
  private static final String LOCK = "UNABLE_TO_LOCK_ROW";
  private static final String ROLLED_BACK = "ALL_OR_NONE_OPERATION_ROLLED_BACK";

  private final SalesforceConnection connection;
  private final Function<List<Integer>, SalesforceRequest> requests;
  private final String what;
  private final CollectionOptions options;
  private final boolean async;
  private final AtomicReferenceArray<RecordResult> results;
  private final Set<Integer> lockRetryable = ConcurrentHashMap.newKeySet();
  private final AtomicInteger calls = new AtomicInteger();
  private final List<ForcelinkException> failures = Collections.synchronizedList(new ArrayList<>());

  /**
   * @param requests builds the request for the records at the given input indexes
   * @param async whether to use {@code sendAsync}; the synchronous path with concurrency 1 sends
   *     on the caller's thread
   */
  CollectionRun(SalesforceConnection connection, Function<List<Integer>, SalesforceRequest> requests, String what,
      int size, CollectionOptions options, boolean async) {
    this.connection = connection;
    this.requests = requests;
    this.what = what;
    this.options = options;
    this.async = async;
    this.results = new AtomicReferenceArray<>(size);
  }

  CompletableFuture<CollectionResult> run() {
    List<Integer> all = new ArrayList<>(results.length());
    for (int i = 0; i < results.length(); i++) {
      all.add(i);
    }
    return round(all, 1).thenApply(v -> {
      List<RecordResult> out = new ArrayList<>(results.length());
      for (int i = 0; i < results.length(); i++) {
        out.add(results.get(i));
      }
      return new CollectionResult(out, calls.get(), failures);
    });
  }

  private CompletableFuture<Void> round(List<Integer> indexes, int attempt) {
    List<List<Integer>> chunks = partition(indexes, options.chunkSize());
    return BoundedRunner.run(chunks.size(), options.concurrency(), c -> send(chunks.get(c), attempt),
        outcome -> outcome.stops(options), c -> ChunkOutcome.SKIPPED).thenCompose(outcomes -> {
          for (int c = 0; c < outcomes.size(); c++) {
            // A record skipped in a retry round keeps its earlier (lock) failure.
            if (outcomes.get(c) == ChunkOutcome.SKIPPED && attempt == 1) {
              chunks.get(c).forEach(i -> results.set(i, RecordResult.notAttempted(i)));
            }
          }
          List<Integer> retry = new ArrayList<>();
          for (int i : indexes) {
            if (lockRetryable.contains(i) && !results.get(i).success()) {
              retry.add(i);
            }
          }
          if (retry.isEmpty() || options.lockRetry().isEmpty() || attempt >= options.lockRetry().get().maxAttempts()) {
            return CompletableFuture.completedFuture(null);
          }
          Duration delay = options.lockRetry().get().delayBefore(attempt);
          LOG.info("{}: re-sending {} record(s) that failed on a row lock (attempt {} of {}) in {} ms", what,
              retry.size(), attempt + 1, options.lockRetry().get().maxAttempts(), delay.toMillis());
          return pause(delay).thenCompose(v -> round(retry, attempt + 1));
        });
  }

  private CompletableFuture<ChunkOutcome> send(List<Integer> chunk, int attempt) {
    chunk.forEach(lockRetryable::remove);
    SalesforceRequest request = requests.apply(chunk);
    calls.incrementAndGet();
    return Calls.send(connection, request, async).handle((response, error) -> {
      if (error != null) {
        return requestFailed(chunk, attempt, Calls.unwrap(error));
      }
      try {
        return answered(chunk, attempt, response, request.description());
      } catch (ForcelinkException unreadable) {
        return requestFailed(chunk, attempt, unreadable);
      }
    });
  }

  private ChunkOutcome answered(List<Integer> chunk, int attempt, SalesforceResponse<byte[]> response,
      String description) {
    JsonNode items = Wire.tree(response, description);
    if (!items.isArray() || items.size() != chunk.size()) {
      throw Wire.badShape(response, description, "expected an array of " + chunk.size() + " save results");
    }
    boolean anyFailure = false;
    boolean onlyLocks = true;
    boolean anyLock = false;
    for (int k = 0; k < chunk.size(); k++) {
      JsonNode item = items.get(k);
      int index = chunk.get(k);
      boolean success = item.path("success").asBoolean(false);
      JsonNode id = item.get("id");
      JsonNode created = item.get("created");
      RecordResult r = new RecordResult(index, id == null || id.isNull() ? null : id.asText(),
          success ? RecordStatus.SUCCEEDED : RecordStatus.FAILED,
          created == null || created.isNull() ? null : created.asBoolean(), Wire.errors(item.get("errors")), attempt);
      results.set(index, r);
      if (!success) {
        anyFailure = true;
        boolean lock = r.failedWith(LOCK);
        anyLock |= lock;
        onlyLocks &= lock || r.failedWith(ROLLED_BACK);
        if (lock) {
          lockRetryable.add(index);
        }
      }
    }
    if (options.allOrNone() && anyLock && onlyLocks) {
      // The whole request rolled back because of row locks: none of it was saved, all of it can go again.
      chunk.forEach(lockRetryable::add);
    }
    return anyFailure ? ChunkOutcome.WITH_FAILURES : ChunkOutcome.CLEAN;
  }

  private ChunkOutcome requestFailed(List<Integer> chunk, int attempt, RuntimeException error) {
    if (!(error instanceof ForcelinkException)) {
      throw error;
    }
    ForcelinkException failure = (ForcelinkException) error;
    failures.add(failure);
    boolean lock = error instanceof RecordLockedException;
    List<SalesforceError> errors = List.of(SalesforceError.of("FORCELINK_REQUEST_FAILED", failure.getMessage()));
    RecordStatus status = RecordStatus.UNKNOWN;
    if (error instanceof SalesforceServiceException) {
      SalesforceServiceException se = (SalesforceServiceException) error;
      if (!se.errors().isEmpty()) {
        errors = se.errors();
      }
      // A refused request (4xx) saved nothing; a 5xx may have been cut short after saving.
      status = se.statusCode() < 500 || lock ? RecordStatus.FAILED : RecordStatus.UNKNOWN;
    }
    for (int index : chunk) {
      results.set(index, new RecordResult(index, null, status, null, errors, attempt));
      if (lock) {
        lockRetryable.add(index);
      }
    }
    LOG.debug("{}: a request of {} record(s) failed as a whole: {}", what, chunk.size(), failure.getMessage());
    return lock ? ChunkOutcome.WITH_FAILURES : ChunkOutcome.REQUEST_FAILED;
  }

  private CompletableFuture<Void> pause(Duration delay) {
    if (delay.isZero()) {
      return CompletableFuture.completedFuture(null);
    }
    if (async) {
      return CompletableFuture.runAsync(() -> { },
          CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, connection.executor()));
    }
    try {
      Thread.sleep(delay.toMillis());
      return CompletableFuture.completedFuture(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(new IllegalStateException(what + ": interrupted while waiting to"
          + " re-send records that failed on a row lock", e));
    }
  }

  static <T> List<List<T>> partition(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      out.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
    }
    return out;
  }

  /** How one request went, as far as starting further requests is concerned. */
  private enum ChunkOutcome {
    CLEAN, WITH_FAILURES, REQUEST_FAILED, SKIPPED;

    boolean stops(CollectionOptions options) {
      return this == REQUEST_FAILED || (this == WITH_FAILURES && options.failFast());
    }
  }
}
