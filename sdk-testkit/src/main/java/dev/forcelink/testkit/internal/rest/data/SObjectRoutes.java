package dev.forcelink.testkit.internal.rest.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.org.DmlException;
import dev.forcelink.testkit.internal.org.ObjectKind;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.org.StoredRecord;
import dev.forcelink.testkit.internal.rest.DataApi;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sObject record resources: create, retrieve, update and delete by id; upsert, retrieve and delete by external
 * id; and platform event publishing, under {@code /services/data/vXX.X/sobjects/}.
 *
 * <p>Path values arrive decoded once by the front, so an external id containing {@code /} (sent as {@code %2F})
 * is one segment. Thread-safe.
 */
public final class SObjectRoutes {

    private final OrgSchema schema;
    private final RecordStore store;
    private final RecordService records;

    /**
     * @param schema the org's schema
     * @param store the org's records
     * @param records the shared write service
     */
    public SObjectRoutes(OrgSchema schema, RecordStore store, RecordService records) {
        this.schema = schema;
        this.store = store;
        this.records = records;
    }

    /**
     * Adds the routes.
     *
     * @param api the data API
     */
    public void install(DataApi api) {
        api.add("POST", "/sobjects/{sobject}", guarded(this::create));
        api.add("GET", "/sobjects/{sobject}/{id}", guarded(this::retrieve));
        api.add("PATCH", "/sobjects/{sobject}/{id}", guarded(this::update));
        api.add("DELETE", "/sobjects/{sobject}/{id}", guarded(this::delete));
        api.add("POST", "/sobjects/{sobject}/{id}", guarded(this::insertById));
        api.add("PATCH", "/sobjects/{sobject}/{field}/{value}", guarded(this::upsert));
        api.add("GET", "/sobjects/{sobject}/{field}/{value}", guarded(this::retrieveByExternalId));
        api.add("DELETE", "/sobjects/{sobject}/{field}/{value}", guarded(this::deleteByExternalId));
    }

    private void create(Exchange exchange, SObjectDef def) throws IOException {
        JsonNode body = DmlErrors.jsonBody(exchange);
        SaveResult result;
        if (def.kind() == ObjectKind.PLATFORM_EVENT) {
            result = records.publishEvent(RestWriteContext.of(exchange), def.name(), body);
        } else {
            result = store.transaction(RestWriteContext.of(exchange), tx -> records.create(tx, def.name(), body));
        }
        exchange.responseHeader("Location", RecordJson.url(exchange.apiVersion(), def.name(), result.id()));
        exchange.sendJson(201, result.toJson(exchange.apiVersion(), false));
    }

    private void retrieve(Exchange exchange, SObjectDef def) throws IOException {
        StoredRecord record = records.retrieve(def.name(), exchange.pathVariable("id"));
        sendRecord(exchange, def, record);
    }

    private void update(Exchange exchange, SObjectDef def) throws IOException {
        StoredRecord current = records.retrieve(def.name(), exchange.pathVariable("id"));
        if (preconditionFailed(exchange, current)) {
            return;
        }
        JsonNode body = DmlErrors.jsonBody(exchange);
        store.transaction(RestWriteContext.of(exchange), tx -> records.update(tx, def.name(), current.id(), body));
        exchange.sendEmpty(204);
    }

    private void delete(Exchange exchange, SObjectDef def) throws IOException {
        StoredRecord current = records.retrieve(def.name(), exchange.pathVariable("id"));
        if (preconditionFailed(exchange, current)) {
            return;
        }
        store.transaction(RestWriteContext.of(exchange), tx -> records.delete(tx, def.name(), current.id()));
        exchange.sendEmpty(204);
    }

    /** {@code POST /sobjects/{Object}/Id}: an insert that names {@code Id} as its external id (v37.0+). */
    private void insertById(Exchange exchange, SObjectDef def) throws IOException {
        if (!exchange.pathVariable("id").equalsIgnoreCase("Id")) {
            exchange.sendError(404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }
        JsonNode body = DmlErrors.jsonBody(exchange);
        SaveResult result = store.transaction(RestWriteContext.of(exchange),
                tx -> records.upsert(tx, def.name(), "Id", "", body, false));
        exchange.responseHeader("Location", RecordJson.url(exchange.apiVersion(), def.name(), result.id()));
        exchange.sendJson(201, result.toJson(exchange.apiVersion(), true));
    }

    private void upsert(Exchange exchange, SObjectDef def) throws IOException {
        boolean updateOnly = "true".equalsIgnoreCase(exchange.queryParameter("updateOnly"))
                && ApiVersionNumbers.atLeast(exchange.apiVersion(), 61);
        String field = exchange.pathVariable("field");
        String value = exchange.pathVariable("value");
        JsonNode body = DmlErrors.jsonBody(exchange);
        refuseKeyInBody(def, body, field);
        SaveResult result;
        try {
            result = store.transaction(RestWriteContext.of(exchange),
                    tx -> records.upsert(tx, def.name(), field, value, body, updateOnly));
        } catch (MultipleMatchesException e) {
            sendMultipleChoices(exchange, def, e.ids());
            return;
        }
        if (result.created()) {
            exchange.responseHeader("Location", RecordJson.url(exchange.apiVersion(), def.name(), result.id()));
            exchange.sendJson(201, result.toJson(exchange.apiVersion(), true));
        } else if (ApiVersionNumbers.atLeast(exchange.apiVersion(), 46)) {
            exchange.sendJson(200, result.toJson(exchange.apiVersion(), true));
        } else {
            exchange.sendEmpty(204);
        }
    }

    /**
     * Refuses an upsert body that names {@code Id} or the external id field of the URL. The REST API guide (upsert
     * by external ID, v54.0 and v55.0) says such a body generates an error. Its code and text are not documented:
     * {@code INVALID_FIELD} is the code Salesforce uses for a field a request may not carry.
     */
    private static void refuseKeyInBody(SObjectDef def, JsonNode body, String externalIdField) {
        var key = def.field(externalIdField);
        if (body == null || !body.isObject() || key == null || !(key.externalId() || key.name().equals("Id"))) {
            return; // the upsert itself answers 404 for a field that is no external id
        }
        for (var entry : body.properties()) {
            String name = entry.getKey();
            if (name.equalsIgnoreCase("Id") || name.equalsIgnoreCase(externalIdField)) {
                throw new DmlException("INVALID_FIELD", "The " + name + " field must not be specified in the body"
                        + " of an upsert by external ID; the URL carries the " + externalIdField + " value.",
                        List.of(name));
            }
        }
    }

    private void retrieveByExternalId(Exchange exchange, SObjectDef def) throws IOException {
        List<StoredRecord> matches = records.findByExternalId(def.name(), exchange.pathVariable("field"),
                exchange.pathVariable("value"));
        if (matches.isEmpty()) {
            exchange.sendError(404, "NOT_FOUND", "The requested resource does not exist");
        } else if (matches.size() > 1) {
            sendMultipleChoices(exchange, def, ids(matches));
        } else {
            sendRecord(exchange, def, matches.get(0));
        }
    }

    /**
     * {@code DELETE /sobjects/{Object}/{field}/{value}}: 204 when the one match is deleted (logged for Change Data
     * Capture like a delete by id), 404 {@code NOT_FOUND} when nothing matches or the field is no external id, 300
     * with the matching records' URLs (nothing deleted) when several match.
     */
    private void deleteByExternalId(Exchange exchange, SObjectDef def) throws IOException {
        String field = exchange.pathVariable("field");
        String value = exchange.pathVariable("value");
        try {
            store.transaction(RestWriteContext.of(exchange),
                    tx -> records.deleteByExternalId(tx, def.name(), field, value));
        } catch (MultipleMatchesException e) {
            sendMultipleChoices(exchange, def, e.ids());
            return;
        }
        exchange.sendEmpty(204);
    }

    private void sendRecord(Exchange exchange, SObjectDef def, StoredRecord record) throws IOException {
        Instant lastModified = record.lastModifiedDate();
        Instant since = HttpDates.parse(exchange.header("If-Modified-Since"));
        if (since != null && !HttpDates.modifiedSince(lastModified, since)) {
            exchange.responseHeader("Last-Modified", HttpDates.format(lastModified));
            exchange.sendEmpty(304);
            return;
        }
        if (preconditionFailed(exchange, record)) {
            return;
        }
        List<String> fields = requestedFields(exchange, def);
        exchange.responseHeader("Last-Modified", HttpDates.format(lastModified));
        String version = exchange.apiVersion();
        exchange.sendStream(200, Exchange.JSON_TYPE, out -> writeRecord(out, def, record, fields, version));
    }

    private static void writeRecord(OutputStream out, SObjectDef def, StoredRecord record, List<String> fields,
                                    String version) throws IOException {
        try (var generator = Json.mapper().getFactory().createGenerator(out)) {
            generator.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            RecordJson.writeRecord(generator, def, record, fields, version);
        }
    }

    /** Answers 412 when the record changed after {@code If-Unmodified-Since}. */
    private static boolean preconditionFailed(Exchange exchange, StoredRecord record) throws IOException {
        Instant unmodifiedSince = HttpDates.parse(exchange.header("If-Unmodified-Since"));
        if (unmodifiedSince != null && HttpDates.modifiedSince(record.lastModifiedDate(), unmodifiedSince)) {
            // The 412 body is not documented; the REST envelope with a descriptive code keeps clients' parsers
            // working.
            exchange.sendError(412, "PRECONDITION_FAILED", "The record was modified after "
                    + HttpDates.format(unmodifiedSince) + " (If-Unmodified-Since)");
            return true;
        }
        return false;
    }

    private static List<String> requestedFields(Exchange exchange, SObjectDef def) {
        String fields = exchange.queryParameter("fields");
        if (fields == null || fields.isBlank()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String name : fields.split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (def.field(trimmed) == null) {
                throw new DmlException("INVALID_FIELD", "No such column '" + trimmed + "' on entity '" + def.name()
                        + "'. If you are attempting to use a custom field, be sure to append the '__c' after the "
                        + "custom field name. Please reference your WSDL or the describe call for the appropriate "
                        + "names.", List.of(trimmed));
            }
            names.add(def.field(trimmed).name());
        }
        return names;
    }

    /** 300 with the matching records' URLs: the body shape is not documented; this is an assumption. */
    private static void sendMultipleChoices(Exchange exchange, SObjectDef def, List<String> ids) throws IOException {
        ArrayNode urls = Json.mapper().createArrayNode();
        ids.forEach(id -> urls.add(RecordJson.url(exchange.apiVersion(), def.name(), id)));
        exchange.sendJson(300, urls);
    }

    private static List<String> ids(List<StoredRecord> matches) {
        List<String> ids = new ArrayList<>(matches.size());
        matches.forEach(match -> ids.add(match.id()));
        return ids;
    }

    private dev.forcelink.testkit.internal.http.RouteHandler guarded(ObjectHandler handler) {
        return exchange -> {
            SObjectDef def = schema.find(exchange.pathVariable("sobject"));
            if (def == null) {
                exchange.sendError(404, "NOT_FOUND", "The requested resource does not exist");
                return;
            }
            try {
                handler.handle(exchange, def);
            } catch (DmlException e) {
                DmlErrors.send(exchange, e);
            }
        };
    }

    @FunctionalInterface
    private interface ObjectHandler {
        void handle(Exchange exchange, SObjectDef def) throws IOException;
    }
}
