package dev.forcelink.rest.composite;

import dev.forcelink.core.exception.SalesforceError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a {@link BatchRequest}, one {@link SubResult} per subrequest in input order,
 * whatever the number of calls it took: which succeeded, which failed and why, which were halted
 * ({@code BATCH_PROCESSING_HALTED}) and which were never sent.
 *
 * <p>Immutable and thread-safe.
 */
public final class BatchResult {
  private final List<SubResult> results;
  private final int calls;

  BatchResult(List<SubResult> results, int calls) {
    this.results = List.copyOf(results);
    this.calls = calls;
  }

  /**
   * Returns every result in input order.
   *
   * @return an unmodifiable list
   */
  public List<SubResult> results() {
    return results;
  }

  /**
   * Tells whether every subrequest succeeded.
   *
   * @return true when all did
   */
  public boolean allSucceeded() {
    return results.stream().allMatch(SubResult::isSuccess);
  }

  /**
   * Returns the subrequests that succeeded.
   *
   * @return an unmodifiable list in input order
   */
  public List<SubResult> succeeded() {
    return results.stream().filter(SubResult::isSuccess).toList();
  }

  /**
   * Returns the subrequests that did not succeed: failed, halted or never sent (see
   * {@link SubResult#outcome()}).
   *
   * @return an unmodifiable list in input order
   */
  public List<SubResult> failed() {
    return results.stream().filter(r -> !r.isSuccess()).toList();
  }

  /**
   * Returns the subrequests never sent because an earlier group failed with haltOnError.
   *
   * @return an unmodifiable list in input order
   */
  public List<SubResult> notAttempted() {
    return results.stream().filter(r -> r.outcome() == SubResult.Outcome.NOT_ATTEMPTED).toList();
  }

  /**
   * Returns the errors of every subrequest that did not succeed, by input index. Subrequests never
   * sent map to an empty list.
   *
   * @return an unmodifiable map in index order
   */
  public Map<Integer, List<SalesforceError>> errorsByIndex() {
    Map<Integer, List<SalesforceError>> out = new LinkedHashMap<>();
    failed().forEach(r -> out.put(r.index(), r.errors()));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns how many HTTP calls were made (one per group of up to 25).
   *
   * @return the number of calls
   */
  public int calls() {
    return calls;
  }

  @Override
  public String toString() {
    return "BatchResult{calls=" + calls + ", succeeded=" + succeeded().size() + ", failed=" + failed().size() + "}";
  }
}
