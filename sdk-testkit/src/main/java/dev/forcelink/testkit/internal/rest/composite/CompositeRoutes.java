package dev.forcelink.testkit.internal.rest.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.http.RouteHandler;
import dev.forcelink.testkit.internal.org.DmlException;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.WriteContext;
import dev.forcelink.testkit.internal.rest.DataApi;
import dev.forcelink.testkit.internal.rest.data.ApiVersionNumbers;
import dev.forcelink.testkit.internal.rest.data.DmlErrors;
import dev.forcelink.testkit.internal.rest.data.RestWriteContext;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Composite resources under {@code /services/data/vXX.X/composite}: {@code /composite} itself,
 * {@code /composite/batch}, {@code /composite/tree/{Object}} and {@code /composite/graph}, plus the resource list
 * ({@code GET /composite}). Each call counts as one API request. Thread-safe.
 */
final class CompositeRoutes {

    static final int MAX_BATCH = 25;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern BATCH_URL = Pattern.compile("/?v\\d+\\.\\d+/.*");

    private final RecordStore store;
    private final CompositeRunner runner;
    private final TreeService tree;
    private final GraphService graph;

    CompositeRoutes(RecordStore store, CompositeRunner runner, TreeService tree, GraphService graph) {
        this.store = store;
        this.runner = runner;
        this.tree = tree;
        this.graph = graph;
    }

    void install(DataApi api) {
        api.add("GET", "/composite", this::resources);
        api.add("POST", "/composite", guarded(this::composite));
        api.add("POST", "/composite/batch", guarded(this::batch));
        api.add("POST", "/composite/tree/{sobject}", guarded(this::tree));
        api.add("POST", "/composite/graph", guarded(this::graph));
    }

    private void resources(Exchange exchange) throws IOException {
        String base = "/services/data/v" + exchange.apiVersion() + "/composite/";
        ObjectNode out = Json.mapper().createObjectNode();
        for (String name : List.of("tree", "batch", "sobjects", "graph")) {
            out.put(name, base + name);
        }
        exchange.sendJson(200, out);
    }

    private void composite(Exchange exchange) throws IOException {
        JsonNode body = DmlErrors.jsonBody(exchange);
        List<Subrequest> subrequests = CompositeRequestReader.readComposite(body, exchange.apiVersion());
        boolean allOrNone = body.path("allOrNone").asBoolean(false);
        CompositeRunner.Run run = runner.run(RestWriteContext.of(exchange), exchange.apiVersion(), subrequests,
                allOrNone);
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("compositeResponse", CompositeRunner.render(subrequests, run.responses()));
        exchange.sendJson(200, out);
    }

    private void batch(Exchange exchange) throws IOException {
        JsonNode body = DmlErrors.jsonBody(exchange);
        JsonNode list = body.get("batchRequests");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw CompositeRequestReader.invalid("INVALID_INPUT", "batchRequests must be a non-empty array");
        }
        if (list.size() > MAX_BATCH) {
            // The limit is well known but its error text is not verified.
            throw CompositeRequestReader.invalid("LIMIT_EXCEEDED", "A batch can have at most " + MAX_BATCH
                    + " subrequests; this one has " + list.size());
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode sub = list.get(i);
            String method = sub.path("method").asText("");
            String url = sub.path("url").asText("");
            if (!METHODS.contains(method) || !BATCH_URL.matcher(url).matches()) {
                throw CompositeRequestReader.invalid("INVALID_INPUT", "batchRequests[" + i + "] needs a method (GET, "
                        + "POST, PUT, PATCH, DELETE) and a url relative to /services/data/, e.g. v60.0/sobjects/"
                        + "Account; got " + method + " " + url);
            }
        }
        boolean haltOnError = body.path("haltOnError").asBoolean(false);
        WriteContext context = RestWriteContext.of(exchange);
        ArrayNode results = Json.mapper().createArrayNode();
        boolean hasErrors = false;
        for (JsonNode sub : list) {
            SubResponse response;
            if (hasErrors && haltOnError) {
                // Message text not verified; the code and status are (the REST API guide's composite batch resource).
                response = SubResponse.error(412, "BATCH_PROCESSING_HALTED", "Batch processing halted per request");
            } else {
                String url = sub.get("url").asText();
                String full = SubrequestUrl.PREFIX + (url.startsWith("/") ? url.substring(1) : url);
                response = runner.runIndependent(context, sub.get("method").asText(), full, sub.get("richInput"));
            }
            hasErrors |= response.failed();
            ObjectNode result = results.addObject();
            result.put("statusCode", response.status());
            result.set("result", response.body() == null ? Json.mapper().nullNode() : response.body());
        }
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("hasErrors", hasErrors);
        out.set("results", results);
        exchange.sendJson(200, out);
    }

    private void tree(Exchange exchange) throws IOException {
        JsonNode body = DmlErrors.jsonBody(exchange);
        String objectName = exchange.pathVariable("sobject");
        TreeService.Outcome outcome = Transactions.commitUnless(store, RestWriteContext.of(exchange),
                tx -> tree.create(tx, objectName, body), TreeService.Outcome::hasErrors);
        // A failed tree answers 400 (not documented; an assumption), a created one 201.
        exchange.sendJson(outcome.hasErrors() ? 400 : 201, outcome.body());
    }

    private void graph(Exchange exchange) throws IOException {
        if (!ApiVersionNumbers.atLeast(exchange.apiVersion(), 50)) {
            exchange.sendError(404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }
        JsonNode body = DmlErrors.jsonBody(exchange);
        exchange.sendJson(200, graph.run(RestWriteContext.of(exchange), exchange.apiVersion(), body));
    }

    /** Answers whole-request refusals with the REST error envelope. */
    static RouteHandler guarded(RouteHandler handler) {
        return exchange -> {
            try {
                handler.handle(exchange);
            } catch (RequestRefused e) {
                exchange.sendError(e.status(), e.errorCode(), e.getMessage());
            } catch (DmlException e) {
                DmlErrors.send(exchange, e);
            }
        };
    }
}
