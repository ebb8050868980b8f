package dev.forcelink.testkit.internal.rest.composite;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.http.RouteHandler;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.StoredRecord;
import dev.forcelink.testkit.internal.rest.DataApi;
import dev.forcelink.testkit.internal.rest.data.ApiVersionNumbers;
import dev.forcelink.testkit.internal.rest.data.DmlErrors;
import dev.forcelink.testkit.internal.rest.data.RecordJson;
import dev.forcelink.testkit.internal.rest.data.RestWriteContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * sObject Collections under {@code /services/data/vXX.X/composite/sobjects} (v42.0+; upsert v46.0+): create,
 * update, upsert and delete answer {@code 200} with per-record results in request order, committing the
 * successful records ({@code allOrNone=false}) or nothing ({@code allOrNone=true} with a failure); retrieve
 * streams the records, {@code null} for ids with no readable record. Thread-safe.
 */
final class CollectionsRoutes {

    /** URIs beyond this many bytes get 414 (the REST API error codes page). */
    static final int MAX_URI_BYTES = 16_384;

    private final RecordStore store;
    private final CollectionsService collections;

    CollectionsRoutes(RecordStore store, CollectionsService collections) {
        this.store = store;
        this.collections = collections;
    }

    void install(DataApi api) {
        api.add("POST", "/composite/sobjects", write(42, (exchange, body) -> tx ->
                collections.create(tx, exchange.apiVersion(), body, false)));
        api.add("PATCH", "/composite/sobjects", write(42, (exchange, body) -> tx ->
                collections.update(tx, exchange.apiVersion(), body, false)));
        api.add("PATCH", "/composite/sobjects/{sobject}/{field}", write(46, (exchange, body) -> tx ->
                collections.upsert(tx, exchange.apiVersion(), exchange.pathVariable("sobject"),
                        exchange.pathVariable("field"), body, false)));
        api.add("DELETE", "/composite/sobjects", since(42, this::delete));
        api.add("GET", "/composite/sobjects/{sobject}", since(42, this::retrieveGet));
        api.add("POST", "/composite/sobjects/{sobject}", since(42, this::retrievePost));
    }

    private void delete(Exchange exchange) throws IOException {
        List<String> ids = SubrequestExecutor.splitIds(exchange.queryParameter("ids"));
        boolean allOrNone = "true".equalsIgnoreCase(exchange.queryParameter("allOrNone"));
        CollectionOutcome outcome = Transactions.commitUnless(store, RestWriteContext.of(exchange),
                tx -> collections.delete(tx, exchange.apiVersion(), ids, allOrNone), CollectionOutcome::undo);
        exchange.sendJson(200, outcome.results());
    }

    private void retrieveGet(Exchange exchange) throws IOException {
        String rawQuery = exchange.rawQuery();
        if (exchange.rawPath().length() + (rawQuery == null ? 0 : rawQuery.length() + 1) > MAX_URI_BYTES) {
            exchange.sendError(414, "URI_TOO_LONG", "The request URI is longer than " + MAX_URI_BYTES + " bytes; use "
                    + "POST /composite/sobjects/{Object} with {\"ids\",\"fields\"}");
            return;
        }
        sendRecords(exchange, collections.retrieve(exchange.pathVariable("sobject"),
                SubrequestExecutor.splitIds(exchange.queryParameter("ids")),
                SubrequestExecutor.splitIds(exchange.queryParameter("fields")),
                CollectionsService.MAX_RETRIEVE_GET_IDS));
    }

    private void retrievePost(Exchange exchange) throws IOException {
        JsonNode body = DmlErrors.jsonBody(exchange);
        sendRecords(exchange, collections.retrieve(exchange.pathVariable("sobject"), texts(body.get("ids")),
                texts(body.get("fields")), CollectionsService.MAX_RETRIEVE_POST_IDS));
    }

    private static void sendRecords(Exchange exchange, CollectionsService.Retrieved found) throws IOException {
        String version = exchange.apiVersion();
        exchange.sendStream(200, Exchange.JSON_TYPE, out -> {
            try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.writeStartArray();
                for (StoredRecord record : found.records()) {
                    if (record == null) {
                        json.writeNull();
                    } else {
                        RecordJson.writeRecord(json, found.def(), record, found.fields(), version);
                    }
                }
                json.writeEndArray();
            }
        });
    }

    private RouteHandler write(int sinceVersion, Write write) {
        return since(sinceVersion, exchange -> {
            JsonNode body = DmlErrors.jsonBody(exchange);
            CollectionOutcome outcome = Transactions.commitUnless(store, RestWriteContext.of(exchange),
                    write.work(exchange, body), CollectionOutcome::undo);
            exchange.sendJson(200, outcome.results());
        });
    }

    private static RouteHandler since(int version, RouteHandler handler) {
        RouteHandler guarded = CompositeRoutes.guarded(handler);
        return exchange -> {
            if (!ApiVersionNumbers.atLeast(exchange.apiVersion(), version)) {
                exchange.sendError(404, "NOT_FOUND", "The requested resource does not exist");
                return;
            }
            guarded.handle(exchange);
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(node -> out.add(node.asText()));
        }
        return out;
    }

    @FunctionalInterface
    private interface Write {
        Function<RecordStore.Transaction, CollectionOutcome> work(Exchange exchange, JsonNode body);
    }
}
