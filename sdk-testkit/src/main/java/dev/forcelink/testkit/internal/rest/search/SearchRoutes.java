package dev.forcelink.testkit.internal.rest.search;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.FieldType;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.rest.DataApi;
import dev.forcelink.testkit.internal.rest.data.ApiVersionNumbers;
import dev.forcelink.testkit.internal.rest.data.RecordJson;
import dev.forcelink.testkit.internal.org.soql.OrgSoqlCatalog;
import dev.forcelink.testkit.internal.org.soql.StoreDataSource;
import dev.forcelink.testkit.internal.soql.SoqlEngine;
import dev.forcelink.testkit.internal.soql.SoqlException;
import dev.forcelink.testkit.internal.soql.SoqlPreparedQuery;
import dev.forcelink.testkit.internal.soql.SoqlRow;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /search?q=FIND {…}} and {@code GET|POST /parameterizedSearch}: text search over the org's string
 * fields. Each returned object's field list, WHERE and ORDER BY run through the SOQL engine; the text then
 * filters the matches before the limits apply. Answers {@code {"searchRecords":[…]}} from v36.0, a bare array
 * before.
 *
 * <p>Thread-safe.
 */
public final class SearchRoutes {

    private static final int DEFAULT_OVERALL_LIMIT = 2000;

    private final OrgSchema schema;
    private final OrgSoqlCatalog catalog;
    private final StoreDataSource data;
    private final SoqlEngine engine;

    /**
     * @param schema the org's schema
     * @param store the org's records
     * @param clock the emulator's clock
     */
    public SearchRoutes(OrgSchema schema, RecordStore store, Clock clock) {
        this.schema = schema;
        this.catalog = new OrgSoqlCatalog(schema);
        this.data = new StoreDataSource(store);
        this.engine = SoqlEngine.builder().clock(clock).build();
    }

    /**
     * Adds the routes.
     *
     * @param api the data API
     */
    public void install(DataApi api) {
        api.add("GET", "/search", exchange -> run(exchange, () -> SoslParser.parse(exchange.queryParameter("q"))));
        api.add("GET", "/parameterizedSearch", exchange -> run(exchange, () -> fromParameters(exchange)));
        api.add("POST", "/parameterizedSearch", exchange -> {
            JsonNode body;
            try {
                body = exchange.jsonBody();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                exchange.sendError(400, "JSON_PARSER_ERROR", e.getOriginalMessage());
                return;
            }
            run(exchange, () -> fromJson(body));
        });
    }

    private void run(Exchange exchange, QuerySource source) throws IOException {
        List<SoqlRow> rows;
        try {
            rows = search(source.get());
        } catch (SoslException e) {
            exchange.sendError(400, "MALFORMED_SEARCH", e.getMessage());
            return;
        } catch (SoqlException e) {
            exchange.sendError(400, e.errorCode().name(), e.getMessage());
            return;
        }
        String version = exchange.apiVersion();
        boolean wrapped = ApiVersionNumbers.atLeast(version, 36);
        exchange.sendStream(200, Exchange.JSON_TYPE, out -> write(out, rows, version, wrapped));
    }

    private List<SoqlRow> search(SoslQuery query) {
        SearchText text = SearchText.parse(query.searchText());
        List<SoslQuery.Returning> targets = query.returning();
        if (targets.isEmpty()) {
            targets = new ArrayList<>();
            for (SObjectDef def : schema.objects()) {
                if (def.storable() && !searchedFields(def, query.scope()).isEmpty()) {
                    targets.add(new SoslQuery.Returning(def.name(), null, null, null, null));
                }
            }
        }
        int remaining = query.limit() == null ? DEFAULT_OVERALL_LIMIT : Math.min(query.limit(), DEFAULT_OVERALL_LIMIT);
        List<SoqlRow> rows = new ArrayList<>();
        for (SoslQuery.Returning target : targets) {
            if (remaining <= 0) {
                break;
            }
            StringBuilder soql = new StringBuilder("SELECT ").append(target.fields() == null ? "Id" : target.fields())
                    .append(" FROM ").append(target.objectName());
            if (target.where() != null) {
                soql.append(" WHERE ").append(target.where());
            }
            if (target.orderBy() != null) {
                soql.append(" ORDER BY ").append(target.orderBy());
            }
            SoqlPreparedQuery prepared = engine.prepare(soql.toString(), catalog);
            SObjectDef def = schema.find(prepared.objectName());
            List<FieldDef> searched = searchedFields(def, query.scope());
            int cap = target.limit() == null ? remaining : Math.min(target.limit(), remaining);
            List<Map<String, Object>> hits = new ArrayList<>();
            for (Map<String, Object> record : engine.select(prepared, data, false)) {
                if (hits.size() >= cap) {
                    break;
                }
                if (text.matches(searchable(record, searched))) {
                    hits.add(record);
                }
            }
            rows.addAll(engine.project(prepared, data, false, hits));
            remaining -= hits.size();
        }
        return rows;
    }

    private static List<FieldDef> searchedFields(SObjectDef def, SoslQuery.Scope scope) {
        List<FieldDef> fields = new ArrayList<>();
        for (FieldDef field : def.fields()) {
            FieldType type = field.type();
            boolean wanted = switch (scope) {
                case NAME -> field.nameField() || field.name().equals("FirstName") || field.name().equals("LastName");
                case EMAIL -> type == FieldType.EMAIL;
                case PHONE -> type == FieldType.PHONE;
                case ALL -> type.isText();
            };
            if (wanted) {
                fields.add(field);
            }
        }
        return fields;
    }

    private static CharSequence searchable(Map<String, Object> record, List<FieldDef> fields) {
        StringBuilder text = new StringBuilder();
        for (FieldDef field : fields) {
            Object value = record.get(field.name());
            if (value != null) {
                text.append(value).append('\n');
            }
        }
        return text;
    }

    private SoslQuery fromParameters(Exchange exchange) {
        String q = exchange.queryParameter("q");
        if (q == null || q.isBlank()) {
            throw new SoslException("A search string has to be specified (parameter q)");
        }
        List<String> objects = exchange.queryParameters().getOrDefault("sobject", List.of());
        String commonFields = exchange.queryParameter("fields");
        Integer defaultLimit = integer(exchange.queryParameter("defaultLimit"));
        List<SoslQuery.Returning> returning = new ArrayList<>();
        for (String object : objects) {
            String fields = exchange.queryParameter(object + ".fields");
            returning.add(new SoslQuery.Returning(object, fields != null ? fields : commonFields,
                    exchange.queryParameter(object + ".where"), exchange.queryParameter(object + ".orderBy"),
                    firstNonNull(integer(exchange.queryParameter(object + ".limit")), defaultLimit)));
        }
        return new SoslQuery(q, scope(exchange.queryParameter("in")), returning,
                integer(exchange.queryParameter("overallLimit")));
    }

    private SoslQuery fromJson(JsonNode body) {
        String q = body.path("q").asText("");
        if (q.isBlank()) {
            throw new SoslException("A search string has to be specified (member q)");
        }
        String commonFields = joined(body.get("fields"));
        Integer defaultLimit = body.hasNonNull("defaultLimit") ? body.get("defaultLimit").asInt() : null;
        List<SoslQuery.Returning> returning = new ArrayList<>();
        for (JsonNode object : body.path("sobjects")) {
            String fields = joined(object.get("fields"));
            returning.add(new SoslQuery.Returning(object.path("name").asText(), fields != null ? fields : commonFields,
                    object.hasNonNull("where") ? object.get("where").asText() : null,
                    object.hasNonNull("orderBy") ? object.get("orderBy").asText() : null,
                    object.hasNonNull("limit") ? Integer.valueOf(object.get("limit").asInt()) : defaultLimit));
        }
        return new SoslQuery(q, scope(body.hasNonNull("in") ? body.get("in").asText() : null), returning,
                body.hasNonNull("overallLimit") ? body.get("overallLimit").asInt() : null);
    }

    private static String joined(JsonNode fields) {
        if (fields == null || fields.isNull()) {
            return null;
        }
        if (fields.isTextual()) {
            return fields.asText();
        }
        List<String> names = new ArrayList<>();
        fields.forEach(field -> names.add(field.asText()));
        return names.isEmpty() ? null : String.join(",", names);
    }

    private static SoslQuery.Scope scope(String in) {
        if (in == null || in.isBlank()) {
            return SoslQuery.Scope.ALL;
        }
        String name = in.trim().toUpperCase(Locale.ROOT).replace(" FIELDS", "").replace("_FIELDS", "").trim();
        try {
            return SoslQuery.Scope.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new SoslException("Unknown search scope '" + in + "'; use ALL, NAME, EMAIL or PHONE");
        }
    }

    private static Integer integer(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new SoslException("'" + text + "' is not a number");
        }
    }

    private static Integer firstNonNull(Integer first, Integer second) {
        return first != null ? first : second;
    }

    private static void write(OutputStream out, List<SoqlRow> rows, String version, boolean wrapped)
            throws IOException {
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (wrapped) {
                json.writeStartObject();
                json.writeFieldName("searchRecords");
            }
            json.writeStartArray();
            for (SoqlRow row : rows) {
                RecordJson.writeRow(json, row, version);
            }
            json.writeEndArray();
            if (wrapped) {
                json.writeEndObject();
            }
        }
    }

    @FunctionalInterface
    private interface QuerySource {
        SoslQuery get() throws IOException;
    }
}
