package dev.forcelink.rest.composite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.http.Idempotency;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code /composite/graph} request (API v50.0+): several {@link Graph}s in one call, each
 * committed or rolled back on its own. Checked before sending: at most 75 graphs, at most 500
 * nodes in all, at most 15 distinct node kinds (method and object), unique graphIds (each graph
 * also checks its own nodes and depth).
 *
 * <p>Immutable and thread-safe.
 */
public final class GraphRequest {
  private final List<Graph> graphs;

  private GraphRequest(List<Graph> graphs) {
    this.graphs = List.copyOf(graphs);
  }

  /**
   * Starts a builder.
   *
   * @return a builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the graphs in order.
   *
   * @return an unmodifiable list
   */
  public List<Graph> graphs() {
    return graphs;
  }

  Idempotency idempotency() {
    List<Subrequest> all = new ArrayList<>();
    graphs.forEach(g -> all.addAll(g.nodes().values()));
    return CompositeRequest.idempotencyOf(all);
  }

  ObjectNode toJson(ApiVersion version) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode array = root.putArray("graphs");
    for (Graph g : graphs) {
      ObjectNode node = array.addObject();
      node.put("graphId", g.graphId());
      CompositeRequest.writeSubrequests(node.putArray("compositeRequest"), g.nodes(), version);
    }
    return root;
  }

  @Override
  public String toString() {
    return "GraphRequest{graphs=" + graphs + "}";
  }

  /** Builds a {@link GraphRequest}. Not thread-safe. */
  public static final class Builder {
    private final List<Graph> graphs = new ArrayList<>();
    private final Set<String> graphIds = new HashSet<>();

    private Builder() {}

    /**
     * Adds a graph.
     *
     * @param graph the graph
     * @return this builder
     * @throws IllegalArgumentException if another graph has the same graphId
     */
    public Builder add(Graph graph) {
      Objects.requireNonNull(graph, "graph");
      if (!graphIds.add(graph.graphId())) {
        throw new IllegalArgumentException("Duplicate graphId '" + graph.graphId() + "'");
      }
      graphs.add(graph);
      return this;
    }

    /**
     * Builds the request after checking the limits.
     *
     * @return the request
     * @throws IllegalArgumentException if there are no graphs, more than 75, more than 500 nodes in
     *     all or more than 15 node kinds (the message says which limit and by how much)
     */
    public GraphRequest build() {
      if (graphs.isEmpty()) {
        throw new IllegalArgumentException("A graph request needs at least one graph");
      }
      Limits.check(graphs.size(), Limits.GRAPHS, "graphs in a graph request", "Send the rest in another request.");
      int nodes = graphs.stream().mapToInt(g -> g.nodes().size()).sum();
      Limits.check(nodes, Limits.GRAPH_NODES, "nodes across all graphs of a graph request",
          "Send some graphs in another request.");
      Set<String> kinds = new HashSet<>();
      graphs.forEach(g -> g.nodes().values().forEach(s -> kinds.add(s.method() + " " + s.objectType())));
      Limits.check(kinds.size(), Limits.GRAPH_NODE_KINDS, "distinct node kinds (method and object) in a graph request",
          "Send some graphs in another request.");
      return new GraphRequest(graphs);
    }
  }
}
