package dev.forcelink.rest.composite;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of a {@link CompositeRequest}, one {@link SubResult} per subrequest in request
 * order, with a summary: whether everything succeeded, which subrequests failed, and among those
 * which ones were causes ({@link SubResult.Outcome#FAILED}) and which were halted or rolled back
 * because of them ({@link SubResult.Outcome#HALTED}, {@code PROCESSING_HALTED}).
 *
 * <p>Immutable and thread-safe.
 */
public final class CompositeResult {
  private final List<SubResult> results;
  private final String correlationId;

  CompositeResult(List<SubResult> results, String correlationId) {
    this.results = List.copyOf(results);
    this.correlationId = correlationId;
  }

  /**
   * Returns every result in request order.
   *
   * @return an unmodifiable list
   */
  public List<SubResult> results() {
    return results;
  }

  /**
   * Returns the result of one subrequest.
   *
   * @param referenceId the subrequest's referenceId
   * @return the result, if the request had such a subrequest
   */
  public Optional<SubResult> result(String referenceId) {
    Objects.requireNonNull(referenceId, "referenceId");
    return results.stream().filter(r -> r.referenceId().filter(referenceId::equals).isPresent()).findFirst();
  }

  /**
   * Tells whether every subrequest succeeded.
   *
   * @return true if none failed or was halted
   */
  public boolean allSucceeded() {
    return results.stream().allMatch(SubResult::isSuccess);
  }

  /**
   * Returns every subrequest that did not succeed: causes and halted dependents alike (tell them
   * apart with {@link SubResult#isHalted()}).
   *
   * @return an unmodifiable list in request order
   */
  public List<SubResult> failures() {
    return results.stream().filter(r -> !r.isSuccess()).toList();
  }

  /**
   * Returns the subrequests that failed on their own account, not because another one did.
   *
   * @return an unmodifiable list in request order
   */
  public List<SubResult> causes() {
    return results.stream().filter(r -> r.outcome() == SubResult.Outcome.FAILED).toList();
  }

  /**
   * Returns the subrequests halted or rolled back because another one failed.
   *
   * @return an unmodifiable list in request order
   */
  public List<SubResult> halted() {
    return results.stream().filter(SubResult::isHalted).toList();
  }

  /**
   * Returns the correlation id sent with the call, for finding it in logs.
   *
   * @return the correlation id
   */
  public String correlationId() {
    return correlationId;
  }

  @Override
  public String toString() {
    return "CompositeResult{allSucceeded=" + allSucceeded() + ", results=" + results + "}";
  }
}
