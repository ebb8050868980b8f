package dev.forcelink.rest.composite;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of a {@link GraphRequest}: one {@link GraphOutcome} per graph, in request order.
 * Graphs succeed or fail independently, so some may have committed while others rolled back.
 *
 * <p>Immutable and thread-safe.
 */
public final class GraphResult {
  private final List<GraphOutcome> graphs;

  GraphResult(List<GraphOutcome> graphs) {
    this.graphs = List.copyOf(graphs);
  }

  /**
   * Returns every graph's outcome in request order.
   *
   * @return an unmodifiable list
   */
  public List<GraphOutcome> graphs() {
    return graphs;
  }

  /**
   * Returns one graph's outcome.
   *
   * @param graphId the graph's id
   * @return the outcome, if the request had such a graph
   */
  public Optional<GraphOutcome> graph(String graphId) {
    Objects.requireNonNull(graphId, "graphId");
    return graphs.stream().filter(g -> g.graphId().equals(graphId)).findFirst();
  }

  /**
   * Tells whether every graph committed.
   *
   * @return true when all did
   */
  public boolean allSuccessful() {
    return graphs.stream().allMatch(GraphOutcome::isSuccessful);
  }

  /**
   * Returns the graphs that rolled back.
   *
   * @return an unmodifiable list in request order
   */
  public List<GraphOutcome> failedGraphs() {
    return graphs.stream().filter(g -> !g.isSuccessful()).toList();
  }

  @Override
  public String toString() {
    return "GraphResult{graphs=" + graphs + "}";
  }
}
