package dev.forcelink.testkit.internal.rest.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.org.DmlException;
import dev.forcelink.testkit.internal.org.ObjectKind;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.org.StoredRecord;
import dev.forcelink.testkit.internal.org.WriteContext;
import dev.forcelink.testkit.internal.rest.ApiLimits;
import dev.forcelink.testkit.internal.rest.data.ApiVersionNumbers;
import dev.forcelink.testkit.internal.rest.data.MultipleMatchesException;
import dev.forcelink.testkit.internal.rest.data.RecordJson;
import dev.forcelink.testkit.internal.rest.data.RecordService;
import dev.forcelink.testkit.internal.rest.data.SaveResult;
import dev.forcelink.testkit.internal.rest.query.QueryRoutes;
import dev.forcelink.testkit.internal.soql.SoqlException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs one subrequest of a Composite, batch or graph request inside an open store transaction, with the same
 * service layer and the same status codes and bodies as the REST resources it names: sObject rows (by id and by
 * external id), create, query and queryAll (first batch, continued by {@code nextRecordsUrl}), sObject
 * Collections and {@code /limits}. Other resources answer {@code 404 NOT_FOUND}.
 *
 * <p>Thread-safe: stateless apart from its collaborators.
 */
final class SubrequestExecutor {

    private final OrgSchema schema;
    private final RecordService records;
    private final QueryRoutes queries;
    private final CollectionsService collections;
    private final LockGate locks;
    private final ApiLimits limits;

    SubrequestExecutor(OrgSchema schema, RecordService records, QueryRoutes queries, CollectionsService collections,
                       LockGate locks, ApiLimits limits) {
        this.limits = limits;
        this.schema = schema;
        this.records = records;
        this.queries = queries;
        this.collections = collections;
        this.locks = locks;
    }

    /**
     * @param url a parsed subrequest URL
     * @return whether it targets query, queryAll or sObject Collections (at most 5 of those per Composite call)
     */
    static boolean isQueryOrCollections(SubrequestUrl url) {
        List<String> s = url.segments();
        return !s.isEmpty() && (s.get(0).equals("query") || s.get(0).equals("queryAll")
                || (s.size() >= 2 && s.get(0).equals("composite") && s.get(1).equals("sobjects")));
    }

    /**
     * Runs a subrequest.
     *
     * @param tx the open transaction its writes join
     * @param context the writing user and API (platform events publish with it)
     * @param method the HTTP method, upper case
     * @param url the parsed URL
     * @param body the body, or {@code null}
     * @param headers the subrequest's headers
     * @param allOrNone whether the enclosing request is all-or-none (it overrides a Collections body's flag)
     * @return the response the resource would have given
     */
    SubResponse execute(RecordStore.Transaction tx, WriteContext context, String method, SubrequestUrl url,
                        JsonNode body, Map<String, String> headers, boolean allOrNone) {
        try {
            List<String> s = url.segments();
            if (s.isEmpty()) {
                return notFound();
            }
            switch (s.get(0)) {
                case "sobjects":
                    return sObjects(tx, context, method, url, body);
                case "query":
                case "queryAll":
                    return query(method, url, headers, s.get(0).equals("queryAll"));
                case "limits":
                    // Batch subrequests may read the limits; the call itself was already counted.
                    return s.size() == 1 && method.equals("GET")
                            ? SubResponse.of(200, Json.mapper().valueToTree(limits.snapshot())) : notFound();
                case "composite":
                    if (s.size() >= 2 && s.get(1).equals("sobjects")) {
                        return collections(tx, method, url, body, allOrNone);
                    }
                    return notFound();
                default:
                    return notFound();
            }
        } catch (RequestRefused e) {
            return e.toResponse();
        } catch (DmlException e) {
            return SubResponse.error(e);
        } catch (SoqlException e) {
            return SubResponse.error(400, e.errorCode().name(), e.getMessage());
        }
    }

    private SubResponse sObjects(RecordStore.Transaction tx, WriteContext context, String method, SubrequestUrl url,
                                 JsonNode body) {
        List<String> s = url.segments();
        if (s.size() < 2 || s.size() > 4) {
            return notFound();
        }
        SObjectDef def = schema.find(s.get(1));
        if (def == null) {
            return notFound();
        }
        String version = url.version();
        if (s.size() == 2) {
            if (!method.equals("POST")) {
                // Basic information (GET /sobjects/{Object}) is not among the emulator's Composite targets.
                return method.equals("GET") ? notFound() : notAllowed(method, "POST");
            }
            return create(tx, context, def, body, version);
        }
        if (s.size() == 3) {
            String id = s.get(2);
            switch (method) {
                case "GET":
                    return retrieve(def, records.retrieve(def.name(), id), url.parameter("fields"), version);
                case "PATCH":
                    StoredRecord current = records.retrieve(def.name(), id);
                    locks.check(def.name(), current.id(), body);
                    records.update(tx, def.name(), current.id(), body);
                    return SubResponse.of(204, null);
                case "DELETE":
                    StoredRecord doomed = records.retrieve(def.name(), id);
                    locks.check(def.name(), doomed.id(), null);
                    records.delete(tx, def.name(), doomed.id());
                    return SubResponse.of(204, null);
                case "POST":
                    if (!id.equalsIgnoreCase("Id")) {
                        return notFound();
                    }
                    locks.check(def.name(), null, body);
                    return created(def, records.upsert(tx, def.name(), "Id", "", body, false), version, true);
                default:
                    return notAllowed(method, "GET, PATCH, DELETE");
            }
        }
        String field = s.get(2);
        String value = s.get(3);
        switch (method) {
            case "GET": {
                List<StoredRecord> matches = records.findByExternalId(def.name(), field, value);
                if (matches.isEmpty()) {
                    return notFound();
                }
                if (matches.size() > 1) {
                    return multipleChoices(def, ids(matches), version);
                }
                return retrieve(def, matches.get(0), url.parameter("fields"), version);
            }
            case "DELETE": {
                List<StoredRecord> matches = records.findByExternalId(def.name(), field, value);
                if (matches.isEmpty()) {
                    return notFound();
                }
                if (matches.size() > 1) {
                    return multipleChoices(def, ids(matches), version);
                }
                locks.check(def.name(), matches.get(0).id(), null);
                records.delete(tx, def.name(), matches.get(0).id());
                return SubResponse.of(204, null);
            }
            case "PATCH":
            case "POST":
                return upsert(tx, def, field, value, body, url);
            default:
                return notAllowed(method, "GET, PATCH, POST, DELETE");
        }
    }

    private SubResponse create(RecordStore.Transaction tx, WriteContext context, SObjectDef def, JsonNode body,
                               String version) {
        if (def.kind() == ObjectKind.PLATFORM_EVENT) {
            // Platform events publish immediately, as a REST create does; a rollback does not recall them.
            return created(def, records.publishEvent(context, def.name(), body), version, false);
        }
        locks.check(def.name(), null, body);
        return created(def, records.create(tx, def.name(), body), version, false);
    }

    private SubResponse upsert(RecordStore.Transaction tx, SObjectDef def, String field, String value, JsonNode body,
                               SubrequestUrl url) {
        String version = url.version();
        boolean updateOnly = "true".equalsIgnoreCase(url.parameter("updateOnly"))
                && ApiVersionNumbers.atLeast(version, 61);
        String matched = null;
        try {
            List<StoredRecord> matches = records.findByExternalId(def.name(), field, value);
            matched = matches.size() == 1 ? matches.get(0).id() : null;
        } catch (DmlException e) {
            // The upsert itself reports an unknown external id field.
        }
        locks.check(def.name(), matched, body);
        SaveResult result;
        try {
            result = records.upsert(tx, def.name(), field, value, body, updateOnly);
        } catch (MultipleMatchesException e) {
            return multipleChoices(def, e.ids(), version);
        }
        if (result.created()) {
            return created(def, result, version, true);
        }
        if (ApiVersionNumbers.atLeast(version, 46)) {
            return SubResponse.of(200, result.toJson(version, true));
        }
        return SubResponse.of(204, null);
    }

    private SubResponse query(String method, SubrequestUrl url, Map<String, String> headers, boolean all) {
        if (!method.equals("GET")) {
            return notAllowed(method, "GET");
        }
        if (url.segments().size() != 1) {
            // Continuations (/query/{locator}) are fetched with plain GETs outside Composite.
            return notFound();
        }
        String soql = url.parameter("q");
        if (soql == null || soql.isBlank()) {
            return SubResponse.error(400, "MALFORMED_QUERY", "A query string has to be specified");
        }
        int batch = QueryRoutes.batchSize(header(headers, "Sforce-Query-Options"));
        return SubResponse.of(200, queries.firstPageJson(soql, all, batch, url.version()));
    }

    private SubResponse collections(RecordStore.Transaction tx, String method, SubrequestUrl url, JsonNode body,
                                    boolean allOrNone) {
        List<String> s = url.segments();
        String version = url.version();
        if (!ApiVersionNumbers.atLeast(version, 42)) {
            return notFound();
        }
        CollectionOutcome outcome;
        if (s.size() == 2) {
            switch (method) {
                case "POST":
                    outcome = collections.create(tx, version, body, allOrNone);
                    break;
                case "PATCH":
                    outcome = collections.update(tx, version, body, allOrNone);
                    break;
                case "DELETE":
                    outcome = collections.delete(tx, version, splitIds(url.parameter("ids")),
                            allOrNone || "true".equalsIgnoreCase(url.parameter("allOrNone")));
                    break;
                default:
                    return notAllowed(method, "POST, PATCH, DELETE");
            }
        } else if (s.size() == 3 && (method.equals("GET") || method.equals("POST"))) {
            boolean get = method.equals("GET");
            List<String> ids = get ? splitIds(url.parameter("ids")) : texts(body == null ? null : body.get("ids"));
            List<String> fields = get ? splitIds(url.parameter("fields"))
                    : texts(body == null ? null : body.get("fields"));
            CollectionsService.Retrieved found = collections.retrieve(s.get(2), ids, fields,
                    get ? CollectionsService.MAX_RETRIEVE_GET_IDS : CollectionsService.MAX_RETRIEVE_POST_IDS);
            ArrayNode out = Json.mapper().createArrayNode();
            for (StoredRecord record : found.records()) {
                out.add(record == null ? Json.mapper().nullNode()
                        : RecordJson.toNode(found.def(), record, found.fields(), version));
            }
            return SubResponse.of(200, out);
        } else if (s.size() == 4 && method.equals("PATCH") && ApiVersionNumbers.atLeast(version, 46)) {
            outcome = collections.upsert(tx, version, s.get(2), s.get(3), body, allOrNone);
        } else {
            return notFound();
        }
        return new SubResponse(200, outcome.results(), Map.of(), outcome.undo());
    }

    private SubResponse retrieve(SObjectDef def, StoredRecord record, String fieldsParameter, String version) {
        List<String> fields = null;
        if (fieldsParameter != null && !fieldsParameter.isBlank()) {
            fields = new ArrayList<>(collections.retrieve(def.name(), List.of(), splitIds(fieldsParameter),
                    Integer.MAX_VALUE).fields());
            // Salesforce appends Id to a record read with ?fields= (the composite reference examples rely on it).
            if (!fields.contains("Id")) {
                fields.add("Id");
            }
        }
        return SubResponse.of(200, RecordJson.toNode(def, record, fields, version));
    }

    private static SubResponse created(SObjectDef def, SaveResult result, String version, boolean upsert) {
        return new SubResponse(201, result.toJson(version, upsert),
                Map.of("Location", RecordJson.url(version, def.name(), result.id())), false);
    }

    /** 300 with the matching records' URLs: the body shape is an assumption, as for REST. */
    private static SubResponse multipleChoices(SObjectDef def, List<String> ids, String version) {
        ArrayNode urls = Json.mapper().createArrayNode();
        ids.forEach(id -> urls.add(RecordJson.url(version, def.name(), id)));
        return SubResponse.of(300, urls);
    }

    static SubResponse notFound() {
        return SubResponse.error(404, "NOT_FOUND", "The requested resource does not exist");
    }

    private static SubResponse notAllowed(String method, String allowed) {
        return SubResponse.error(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + method + "' not allowed. Allowed are "
                + allowed);
    }

    private static List<String> ids(List<StoredRecord> matches) {
        List<String> ids = new ArrayList<>(matches.size());
        matches.forEach(match -> ids.add(match.id()));
        return ids;
    }

    static List<String> splitIds(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : Arrays.asList(text.split(","))) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                out.add(trimmed);
            }
        }
        return out;
    }

    private static List<String> texts(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(array.size());
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
