package dev.forcelink.rest.collections;

import dev.forcelink.core.exception.ForcelinkException;
import dev.forcelink.core.exception.SalesforceError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a Collections write of any size: one {@link RecordResult} per input record, in
 * input order, however many requests it took. Says which records succeeded, which failed and why
 * ({@link #errorsByIndex()}), which were never sent, and which requests failed as a whole.
 *
 * <p>Immutable and thread-safe.
 */
public final class CollectionResult {
  private final List<RecordResult> results;
  private final int apiCalls;
  private final List<ForcelinkException> requestFailures;

  CollectionResult(List<RecordResult> results, int apiCalls, List<ForcelinkException> requestFailures) {
    this.results = List.copyOf(results);
    this.apiCalls = apiCalls;
    this.requestFailures = List.copyOf(requestFailures);
  }

  /**
   * Returns every record's outcome in input order.
   *
   * @return an unmodifiable list, one entry per input record
   */
  public List<RecordResult> results() {
    return results;
  }

  /**
   * Tells whether every record succeeded.
   *
   * @return true when all did
   */
  public boolean allSucceeded() {
    return results.stream().allMatch(RecordResult::success);
  }

  /**
   * Returns the records that succeeded.
   *
   * @return an unmodifiable list in input order
   */
  public List<RecordResult> succeeded() {
    return results.stream().filter(RecordResult::success).toList();
  }

  /**
   * Returns the records that did not succeed, whatever the reason (see {@link RecordResult#status()}).
   *
   * @return an unmodifiable list in input order
   */
  public List<RecordResult> failed() {
    return results.stream().filter(r -> !r.success()).toList();
  }

  /**
   * Returns the records never sent.
   *
   * @return an unmodifiable list in input order
   */
  public List<RecordResult> notAttempted() {
    return results.stream().filter(r -> r.status() == RecordStatus.NOT_ATTEMPTED).toList();
  }

  /**
   * Returns the errors of every record that did not succeed, by input index (records never sent map
   * to an empty list).
   *
   * @return an unmodifiable map in index order
   */
  public Map<Integer, List<SalesforceError>> errorsByIndex() {
    Map<Integer, List<SalesforceError>> out = new LinkedHashMap<>();
    failed().forEach(r -> out.put(r.index(), r.errors()));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns how many HTTP requests were made: {@code ceil(N/200)} for N records without retries.
   *
   * @return the number of requests
   */
  public int apiCalls() {
    return apiCalls;
  }

  /**
   * Returns the failures of whole requests (refused, lost or unreadable), in the order they
   * happened. Their records are {@link RecordStatus#FAILED} or {@link RecordStatus#UNKNOWN}.
   *
   * @return an unmodifiable list; empty when every request was answered
   */
  public List<ForcelinkException> requestFailures() {
    return requestFailures;
  }

  /**
   * Throws the first whole-request failure, if any: a convenience for callers that treat a refused
   * or lost request as an error rather than as per-record results.
   *
   * @return this result, when no request failed
   * @throws ForcelinkException the first request failure
   */
  public CollectionResult throwIfRequestFailed() {
    if (!requestFailures.isEmpty()) {
      throw requestFailures.get(0);
    }
    return this;
  }

  @Override
  public String toString() {
    return "CollectionResult{records=" + results.size() + ", succeeded=" + succeeded().size() + ", failed="
        + failed().size() + ", apiCalls=" + apiCalls + (requestFailures.isEmpty() ? "" : ", requestFailures="
        + requestFailures.size()) + "}";
  }
}
