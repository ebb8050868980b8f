package dev.forcelink.testkit.internal.rest.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.org.WriteContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Composite graph ({@code POST /composite/graph}, v50.0+): each graph is a list of sObject nodes that commits or
 * rolls back as a unit; graphs run in order, and after {@value #MAX_FAILED_GRAPHS} failed graphs the remaining
 * ones are not run and report {@code PROCESSING_HALTED}.
 *
 * <p>Limits (the REST API guide's composite graph limits): at most 75 graphs, 500 nodes per graph and per payload,
 * a reference depth of 15 and 15 distinct node kinds (version × method × object). Thread-safe: stateless apart
 * from its collaborators.
 */
final class GraphService {

    static final int MAX_GRAPHS = 75;
    static final int MAX_NODES = 500;
    static final int MAX_DEPTH = 15;
    static final int MAX_NODE_KINDS = 15;
    static final int MAX_FAILED_GRAPHS = 14;

    private final CompositeRunner runner;

    GraphService(CompositeRunner runner) {
        this.runner = runner;
    }

    /**
     * Validates and runs the graphs.
     *
     * @param context the writing user and API
     * @param version the API version of the call
     * @param body {@code {"graphs":[{"graphId","compositeRequest"}]}}
     * @return {@code {"graphs":[{"graphId","graphResponse":{"compositeResponse"},"isSuccessful"}]}}
     * @throws RequestRefused when the body is malformed or breaks a limit (the whole payload then fails)
     */
    ObjectNode run(WriteContext context, String version, JsonNode body) {
        List<Graph> graphs = read(body, version);
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode results = out.putArray("graphs");
        int failed = 0;
        for (Graph graph : graphs) {
            List<SubResponse> responses;
            boolean successful;
            if (failed >= MAX_FAILED_GRAPHS) {
                responses = new ArrayList<>();
                for (int i = 0; i < graph.nodes.size(); i++) {
                    // Unverified text: it says why the graph did not run.
                    responses.add(SubResponse.error(400, "PROCESSING_HALTED", "Processing halted: "
                            + MAX_FAILED_GRAPHS + " graphs of this request failed, so the remaining graphs were not "
                            + "run."));
                }
                successful = false;
            } else {
                CompositeRunner.Run run = runner.run(context, version, graph.nodes, true);
                responses = run.responses();
                successful = !run.anyFailed();
            }
            if (!successful) {
                failed++;
            }
            ObjectNode result = results.addObject();
            result.put("graphId", graph.id);
            result.putObject("graphResponse").set("compositeResponse", CompositeRunner.render(graph.nodes,
                    responses));
            result.put("isSuccessful", successful);
        }
        return out;
    }

    private static List<Graph> read(JsonNode body, String version) {
        JsonNode list = body == null ? null : body.get("graphs");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw CompositeRequestReader.invalid("JSON_PARSER_ERROR", "The request body needs a non-empty "
                    + "\"graphs\" array");
        }
        // Limit codes and texts are unverified; each message names the limit.
        if (list.size() > MAX_GRAPHS) {
            throw CompositeRequestReader.invalid("LIMIT_EXCEEDED", "A graph request can hold at most " + MAX_GRAPHS
                    + " graphs; this one has " + list.size());
        }
        List<Graph> graphs = new ArrayList<>(list.size());
        Set<String> ids = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        int totalNodes = 0;
        for (JsonNode graph : list) {
            String id = graph.path("graphId").asText(null);
            if (id == null || !References.legal(id)) {
                throw CompositeRequestReader.invalid("INVALID_INPUT", "Each graph needs a graphId that starts with a "
                        + "letter or number; got " + id);
            }
            if (!ids.add(id)) {
                throw CompositeRequestReader.invalid("INVALID_INPUT", "Duplicate graphId: " + id);
            }
            JsonNode nodesJson = graph.get("compositeRequest");
            if (nodesJson == null || !nodesJson.isArray() || nodesJson.isEmpty()) {
                throw CompositeRequestReader.invalid("INVALID_INPUT", "Graph " + id + " needs a non-empty "
                        + "compositeRequest array");
            }
            if (nodesJson.size() > MAX_NODES) {
                throw CompositeRequestReader.invalid("LIMIT_EXCEEDED", "A graph can have at most " + MAX_NODES
                        + " nodes; graph " + id + " has " + nodesJson.size());
            }
            totalNodes += nodesJson.size();
            if (totalNodes > MAX_NODES) {
                throw CompositeRequestReader.invalid("LIMIT_EXCEEDED", "A graph request can have at most "
                        + MAX_NODES + " nodes in all graphs together");
            }
            List<Subrequest> nodes = CompositeRequestReader.readSubrequests(nodesJson, version,
                    "graph " + id + " compositeRequest");
            for (Subrequest node : nodes) {
                kinds.add(checkNode(id, node));
            }
            checkDepth(id, nodes);
            graphs.add(new Graph(id, nodes));
        }
        if (kinds.size() > MAX_NODE_KINDS) {
            throw CompositeRequestReader.invalid("LIMIT_EXCEEDED", "A graph request can use at most "
                    + MAX_NODE_KINDS + " distinct node kinds (version, method and object); this one uses "
                    + kinds.size());
        }
        return graphs;
    }

    /** Checks a node's method and URL against the graph's allowed resources; returns its kind. */
    private static String checkNode(String graphId, Subrequest node) {
        SubrequestUrl url = SubrequestUrl.parse(CompositeRequestReader.stripReferences(node.url()));
        List<String> s = url == null ? List.of() : url.segments();
        String method = node.method();
        boolean allowed = !s.isEmpty() && s.get(0).equals("sobjects") && switch (s.size()) {
            case 2 -> method.equals("POST");
            case 3 -> method.equals("GET") || method.equals("PATCH") || method.equals("DELETE");
            case 4 -> !method.equals("PUT");
            default -> false;
        };
        if (!allowed) {
            throw CompositeRequestReader.invalid("INVALID_INPUT", "Graph " + graphId + " node " + node.referenceId()
                    + ": " + method + " " + node.url() + " is not a graph resource (POST /sobjects/{Object}, "
                    + "GET/PATCH/DELETE /sobjects/{Object}/{id}, GET/PATCH/DELETE/POST "
                    + "/sobjects/{Object}/{field}/{value})");
        }
        return url.version() + " " + method + " " + s.get(1).toLowerCase(Locale.ROOT);
    }

    private static void checkDepth(String graphId, List<Subrequest> nodes) {
        Map<String, Integer> depth = new HashMap<>();
        for (Subrequest node : nodes) {
            Set<String> refs = References.referencedIds(node.url());
            refs.addAll(References.referencedIds(node.body()));
            int own = 1;
            for (String ref : refs) {
                own = Math.max(own, depth.getOrDefault(ref, 0) + 1);
            }
            if (own > MAX_DEPTH) {
                throw CompositeRequestReader.invalid("LIMIT_EXCEEDED", "Graph " + graphId + " is deeper than "
                        + MAX_DEPTH + " levels at node " + node.referenceId());
            }
            depth.put(node.referenceId(), own);
        }
    }

    private record Graph(String id, List<Subrequest> nodes) {
    }
}
