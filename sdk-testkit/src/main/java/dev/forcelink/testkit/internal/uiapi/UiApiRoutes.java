package dev.forcelink.testkit.internal.uiapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.org.DmlException;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.org.StoredRecord;
import dev.forcelink.testkit.internal.rest.DataApi;
import dev.forcelink.testkit.internal.rest.data.DmlErrors;
import dev.forcelink.testkit.internal.rest.data.RecordService;
import dev.forcelink.testkit.internal.rest.data.RestWriteContext;
import dev.forcelink.testkit.internal.rest.data.SaveResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The UI API record resources: {@code POST /ui-api/records}, {@code GET|PATCH|DELETE /ui-api/records/{id}},
 * with {@code Idempotency-Key} honoured on the mutating calls (the UI API guide's idempotent record writes): the
 * first response per key and resource is replayed for a retry with the same body, without a new change.
 *
 * <p>Thread-safe.
 */
public final class UiApiRoutes {

    private final OrgSchema schema;
    private final RecordStore store;
    private final RecordService records;
    private final IdempotencyCache idempotency;

    /**
     * @param schema the org's schema
     * @param store the org's records
     * @param records the shared write service
     * @param clock the emulator's clock (key retention)
     */
    public UiApiRoutes(OrgSchema schema, RecordStore store, RecordService records, Clock clock) {
        this.schema = schema;
        this.store = store;
        this.records = records;
        // Salesforce does not document the retention; a day covers any client's retry window.
        this.idempotency = new IdempotencyCache(clock, Duration.ofHours(24), 10_000);
    }

    /**
     * Adds the routes.
     *
     * @param api the data API
     */
    public void install(DataApi api) {
        api.add("POST", "/ui-api/records", exchange -> mutate(exchange, this::create));
        api.add("PATCH", "/ui-api/records/{recordId}", exchange -> mutate(exchange, this::update));
        api.add("DELETE", "/ui-api/records/{recordId}", exchange -> mutate(exchange, this::delete));
        api.add("GET", "/ui-api/records/{recordId}", this::retrieve);
    }

    private void mutate(Exchange exchange, Mutation mutation) throws IOException {
        byte[] body = exchange.body();
        String key = exchange.header("Idempotency-Key");
        if (key == null || key.isBlank()) {
            send(exchange, run(exchange, mutation, body));
            return;
        }
        String resource = exchange.method() + " " + exchange.rawPath();
        IdempotencyCache.Lookup lookup = idempotency.begin(key.trim(), resource, body);
        switch (lookup.outcome()) {
            case REPLAY -> send(exchange, lookup.response());
            // The status and code for a key reused with another body are not documented; 422 and 409 follow the
            // IETF Idempotency-Key draft.
            case MISMATCH -> exchange.sendError(422, "IDEMPOTENCY_KEY_REUSED", "The Idempotency-Key " + key.trim()
                    + " was already used for a different request to this resource. Use a new key for a new request.");
            case IN_PROGRESS -> exchange.sendError(409, "IDEMPOTENCY_KEY_IN_USE", "A request with the "
                    + "Idempotency-Key " + key.trim() + " is still being processed. Retry after it completes.");
            default -> {
                UiResponse response = null;
                try {
                    response = run(exchange, mutation, body);
                } finally {
                    idempotency.complete(key.trim(), resource, response);
                }
                send(exchange, response);
            }
        }
    }

    private UiResponse run(Exchange exchange, Mutation mutation, byte[] body) throws IOException {
        try {
            JsonNode json;
            try {
                json = body.length == 0 ? Json.mapper().missingNode() : Json.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                throw new DmlException("JSON_PARSER_ERROR", e.getOriginalMessage());
            }
            return mutation.apply(exchange, json);
        } catch (DmlException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("errorCode", e.statusCode());
            error.put("message", e.getMessage());
            error.put("fields", e.fields());
            return new UiResponse(DmlErrors.httpStatus(e.statusCode()), Json.mapper().writeValueAsBytes(List.of(error)));
        }
    }

    private UiResponse create(Exchange exchange, JsonNode body) throws IOException {
        String apiName = body.path("apiName").asText("");
        SObjectDef def = schema.find(apiName);
        if (def == null || !def.storable()) {
            throw new DmlException("INVALID_TYPE", "Object " + apiName + " is not supported in UI API",
                    List.of("apiName"));
        }
        JsonNode fields = body.path("fields");
        SaveResult result = store.transaction(RestWriteContext.of(exchange),
                tx -> records.create(tx, def.name(), fields));
        StoredRecord record = records.retrieve(def.name(), result.id());
        return new UiResponse(201, Json.mapper().writeValueAsBytes(UiRecordJson.record(def, record, null)));
    }

    private UiResponse update(Exchange exchange, JsonNode body) throws IOException {
        String id = exchange.pathVariable("recordId");
        JsonNode fields = body.path("fields");
        store.transaction(RestWriteContext.of(exchange), tx -> records.update(tx, null, id, fields));
        StoredRecord record = records.retrieve(null, id);
        SObjectDef def = schema.find(record.objectName());
        return new UiResponse(200, Json.mapper().writeValueAsBytes(UiRecordJson.record(def, record, null)));
    }

    private UiResponse delete(Exchange exchange, JsonNode body) {
        String id = exchange.pathVariable("recordId");
        store.transaction(RestWriteContext.of(exchange), tx -> records.delete(tx, null, id));
        return new UiResponse(204, new byte[0]);
    }

    private void retrieve(Exchange exchange) throws IOException {
        try {
            StoredRecord record = records.retrieve(null, exchange.pathVariable("recordId"));
            SObjectDef def = schema.find(record.objectName());
            List<String> fields = fields(def, exchange.queryParameter("fields"), true);
            List<String> optional = fields(def, exchange.queryParameter("optionalFields"), false);
            if (fields != null && optional != null) {
                fields.addAll(optional);
            }
            exchange.sendJson(200, UiRecordJson.record(def, record, fields == null ? optional : fields));
        } catch (DmlException e) {
            DmlErrors.send(exchange, e);
        }
    }

    /** Reads {@code Account.Name,Account.Industry}; unknown required fields are an error, unknown optional ones are skipped. */
    private static List<String> fields(SObjectDef def, String parameter, boolean required) {
        if (parameter == null || parameter.isBlank()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String qualified : parameter.split(",")) {
            String trimmed = qualified.trim();
            int dot = trimmed.indexOf('.');
            String object = dot < 0 ? def.name() : trimmed.substring(0, dot);
            String name = dot < 0 ? trimmed : trimmed.substring(dot + 1);
            var field = object.equalsIgnoreCase(def.name()) ? def.field(name) : null;
            if (field == null) {
                if (required) {
                    throw new DmlException("INVALID_FIELD", "Cannot find field " + trimmed + " on " + def.name(),
                            List.of(trimmed));
                }
                continue;
            }
            names.add(field.name());
        }
        return names;
    }

    private static void send(Exchange exchange, UiResponse response) throws IOException {
        if (response.body().length == 0) {
            exchange.sendEmpty(response.status());
        } else {
            exchange.sendBytes(response.status(), Exchange.JSON_TYPE, response.body());
        }
    }

    @FunctionalInterface
    private interface Mutation {
        UiResponse apply(Exchange exchange, JsonNode body) throws IOException;
    }
}
