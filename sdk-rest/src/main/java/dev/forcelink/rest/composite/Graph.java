package dev.forcelink.rest.composite;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One graph of a {@link GraphRequest}: sObject subrequests (nodes) with referenceIds, which may
 * refer to earlier nodes of the same graph. A graph commits or rolls back as a unit. Nodes may
 * create, retrieve, update, upsert or delete sObject records; queries and Collections calls are not
 * allowed in a graph.
 *
 * <p>Immutable and thread-safe.
 */
public final class Graph {
  private static final Set<Subrequest.Kind> ALLOWED = EnumSet.of(Subrequest.Kind.CREATE, Subrequest.Kind.RETRIEVE,
      Subrequest.Kind.UPDATE, Subrequest.Kind.DELETE, Subrequest.Kind.UPSERT, Subrequest.Kind.SOBJECT);

  private final String graphId;
  private final Map<String, Subrequest> nodes;

  private Graph(String graphId, Map<String, Subrequest> nodes) {
    this.graphId = graphId;
    this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
  }

  /**
   * Starts a builder.
   *
   * @param graphId the graph's id: a letter or digit first, then letters, digits and {@code _};
   *     unique in the request
   * @return a builder; not thread-safe
   * @throws IllegalArgumentException if the graphId is invalid
   */
  public static Builder builder(String graphId) {
    return new Builder(Reference.requireValidId(graphId, "graphId"));
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
   * Returns the nodes by referenceId, in order.
   *
   * @return an unmodifiable ordered map
   */
  public Map<String, Subrequest> nodes() {
    return nodes;
  }

  /** The length of the longest chain of references, counting nodes (a graph without references is 1). */
  int depth() {
    Map<String, Integer> depths = new HashMap<>();
    int max = 0;
    for (Map.Entry<String, Subrequest> e : nodes.entrySet()) {
      int d = 1;
      for (String target : e.getValue().referencedIds()) {
        d = Math.max(d, depths.getOrDefault(target, 0) + 1);
      }
      depths.put(e.getKey(), d);
      max = Math.max(max, d);
    }
    return max;
  }

  @Override
  public String toString() {
    return "Graph{" + graphId + ", nodes=" + nodes + "}";
  }

  /** Builds a {@link Graph}. Not thread-safe. */
  public static final class Builder {
    private final String graphId;
    private final Map<String, Subrequest> nodes = new LinkedHashMap<>();

    private Builder(String graphId) {
      this.graphId = graphId;
    }

    /**
     * Adds a node.
     *
     * @param referenceId names the node's result: a letter or digit first, then letters, digits
     *     and {@code _}; unique in the graph
     * @param subrequest an sObject create, retrieve, update, upsert or delete
     * @return this builder
     * @throws IllegalArgumentException if the referenceId is invalid or repeated, or the subrequest
     *     is a query or Collections call
     */
    public Builder add(String referenceId, Subrequest subrequest) {
      Reference.requireValidId(referenceId, "referenceId");
      Objects.requireNonNull(subrequest, "subrequest");
      if (!ALLOWED.contains(subrequest.kind())) {
        throw new IllegalArgumentException("Graph nodes must be sObject record calls (create, retrieve, update,"
            + " upsert, delete); '" + referenceId + "' is " + subrequest + ". Use a CompositeRequest for it");
      }
      if (nodes.containsKey(referenceId)) {
        throw new IllegalArgumentException("Duplicate referenceId '" + referenceId + "' in graph '" + graphId + "'");
      }
      nodes.put(referenceId, subrequest);
      return this;
    }

    /**
     * Builds the graph after checking its references and size.
     *
     * @return the graph
     * @throws IllegalArgumentException if it has no nodes, more than 500, references that name no
     *     earlier node, or reference chains deeper than 15
     */
    public Graph build() {
      if (nodes.isEmpty()) {
        throw new IllegalArgumentException("Graph '" + graphId + "' needs at least one node");
      }
      Limits.check(nodes.size(), Limits.GRAPH_NODES, "nodes in a graph ('" + graphId + "')",
          "Split the graph, or use CollectionsClient for many independent records.");
      CompositeRequest.checkReferences(nodes, " of graph '" + graphId + "'");
      Graph graph = new Graph(graphId, nodes);
      Limits.check(graph.depth(), Limits.GRAPH_DEPTH, "levels of references in a graph ('" + graphId + "')",
          "Shorten the chain of dependent nodes.");
      return graph;
    }
  }
}
