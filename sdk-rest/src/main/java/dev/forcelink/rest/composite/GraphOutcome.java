package dev.forcelink.rest.composite;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one {@link Graph}: whether it committed, and each node's {@link SubResult} in
 * node order. In a graph that rolled back, the nodes that caused it are
 * {@link SubResult.Outcome#FAILED} and the others {@link SubResult.Outcome#HALTED}.
 *
 * <p>Immutable and thread-safe.
 */
public final class GraphOutcome {
  private final String graphId;
  private final boolean successful;
  private final List<SubResult> results;

  GraphOutcome(String graphId, boolean successful, List<SubResult> results) {
    this.graphId = graphId;
    this.successful = successful;
    this.results = List.copyOf(results);
  }

  /**
   * Returns the graph's id.
   *
   * @return the graphId
   */
  public String graphId() {
    return graphId;
  }

  /**
   * Tells whether the graph committed.
   *
   * @return the server's {@code isSuccessful}
   */
  public boolean isSuccessful() {
    return successful;
  }

  /**
   * Returns each node's result in node order.
   *
   * @return an unmodifiable list
   */
  public List<SubResult> results() {
    return results;
  }

  /**
   * Returns one node's result.
   *
   * @param referenceId the node's referenceId
   * @return the result, if the graph had such a node
   */
  public Optional<SubResult> result(String referenceId) {
    Objects.requireNonNull(referenceId, "referenceId");
    return results.stream().filter(r -> r.referenceId().filter(referenceId::equals).isPresent()).findFirst();
  }

  /**
   * Returns the nodes that did not succeed.
   *
   * @return an unmodifiable list in node order
   */
  public List<SubResult> failures() {
    return results.stream().filter(r -> !r.isSuccess()).toList();
  }

  @Override
  public String toString() {
    return "GraphOutcome{" + graphId + ", successful=" + successful + ", failures=" + failures() + "}";
  }
}
