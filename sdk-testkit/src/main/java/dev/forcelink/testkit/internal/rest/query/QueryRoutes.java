package dev.forcelink.testkit.internal.rest.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.soql.OrgSoqlCatalog;
import dev.forcelink.testkit.internal.org.soql.StoreDataSource;
import dev.forcelink.testkit.internal.rest.DataApi;
import dev.forcelink.testkit.internal.rest.data.RecordJson;
import dev.forcelink.testkit.internal.soql.SoqlEngine;
import dev.forcelink.testkit.internal.soql.SoqlException;
import dev.forcelink.testkit.internal.soql.SoqlPreparedQuery;
import dev.forcelink.testkit.internal.soql.SoqlResult;
import dev.forcelink.testkit.internal.soql.SoqlRow;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /query?q=}, {@code GET /queryAll?q=} and their continuations {@code GET /query/{locator}-{offset}}.
 * Batches hold {@code Sforce-Query-Options: batchSize=N} rows (200 to 2000, default 2000); each batch is projected
 * when asked for and streamed straight to the response. A child subquery result with more rows than the child
 * batch size (default {@value #DEFAULT_CHILD_BATCH_SIZE}; Salesforce does not document its own) is nested as its
 * first batch with {@code done: false} and a {@code nextRecordsUrl} served by the same continuation route; the
 * parent result's next batch closes the child cursors of the batch before it.
 *
 * <p>Thread-safe.
 */
public final class QueryRoutes {

    /** Child rows per batch unless the emulator is told otherwise. */
    public static final int DEFAULT_CHILD_BATCH_SIZE = 200;

    private static final int DEFAULT_BATCH = 2000;
    private static final int MIN_BATCH = 200;

    private final OrgSoqlCatalog catalog;
    private final StoreDataSource data;
    private final SoqlEngine engine;
    private final QueryCursors cursors;
    private final ChildBatches children;

    /**
     * Query routes whose child results come in batches of {@value #DEFAULT_CHILD_BATCH_SIZE}.
     *
     * @param schema the org's schema
     * @param store the org's records
     * @param clock the emulator's clock (date literals, cursor expiry)
     */
    public QueryRoutes(OrgSchema schema, RecordStore store, Clock clock) {
        this(schema, store, clock, DEFAULT_CHILD_BATCH_SIZE);
    }

    /**
     * @param schema the org's schema
     * @param store the org's records
     * @param clock the emulator's clock (date literals, cursor expiry)
     * @param childBatchSize the child rows of one parent nested in its row, and served by each continuation of a
     *     child result
     * @throws IllegalArgumentException if {@code childBatchSize} is not 1 to 2000
     */
    public QueryRoutes(OrgSchema schema, RecordStore store, Clock clock, int childBatchSize) {
        if (childBatchSize < 1 || childBatchSize > DEFAULT_BATCH) {
            throw new IllegalArgumentException("The child batch size must be 1 to 2000, got " + childBatchSize);
        }
        this.catalog = new OrgSoqlCatalog(schema);
        this.data = new StoreDataSource(store);
        this.engine = SoqlEngine.builder().clock(clock).build();
        // Every parent of a batch may open a child cursor, so there is room for several full batches of them.
        this.cursors = new QueryCursors(clock, 10_000, 20_000_000L);
        this.children = new ChildBatches(cursors, childBatchSize);
    }

    /**
     * Adds the routes.
     *
     * @param api the data API
     */
    public void install(DataApi api) {
        api.add("GET", "/query", exchange -> query(exchange, false));
        api.add("GET", "/queryAll", exchange -> query(exchange, true));
        api.add("GET", "/query/{locator}", this::next);
        api.add("GET", "/queryAll/{locator}", this::next);
    }

    /** @return the SOQL catalog over the org, for other resources that run SOQL */
    public OrgSoqlCatalog catalog() {
        return catalog;
    }

    private void query(Exchange exchange, boolean includeDeleted) throws IOException {
        String soql = exchange.queryParameter("q");
        if (soql == null || soql.isBlank()) {
            exchange.sendError(400, "MALFORMED_QUERY", "A query string has to be specified");
            return;
        }
        Page page;
        try {
            page = firstPage(soql, includeDeleted, batchSize(exchange.header("Sforce-Query-Options")),
                    exchange.apiVersion());
        } catch (SoqlException e) {
            exchange.sendError(400, e.errorCode().name(), e.getMessage());
            return;
        }
        sendPage(exchange, page.totalSize(), page.nextRecordsUrl(), page.rows(), exchange.apiVersion());
    }

    /**
     * Runs a query and returns its first batch as the JSON tree {@code {"totalSize","done","nextRecordsUrl",
     * "records"}}, opening a cursor that {@code GET /query/{locator}} continues when more rows remain: the core of
     * {@code GET /query} for Composite subrequests.
     *
     * @param soql the SOQL text
     * @param includeDeleted whether this is a queryAll
     * @param batchSize rows in the batch (200 to 2000)
     * @param apiVersion the request's API version, for record URLs and {@code nextRecordsUrl}
     * @return a new JSON object
     * @throws SoqlException when the query is malformed or names unknown objects or fields
     */
    public ObjectNode firstPageJson(String soql, boolean includeDeleted, int batchSize, String apiVersion) {
        Page page = firstPage(soql, includeDeleted, batchSize, apiVersion);
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("totalSize", page.totalSize());
        node.put("done", page.nextRecordsUrl() == null);
        if (page.nextRecordsUrl() != null) {
            node.put("nextRecordsUrl", page.nextRecordsUrl());
        }
        ArrayNode records = node.putArray("records");
        for (SoqlRow row : page.rows()) {
            records.add(RecordJson.toNode(row, apiVersion));
        }
        return node;
    }

    private Page firstPage(String soql, boolean includeDeleted, int batch, String version) {
        SoqlPreparedQuery prepared = engine.prepare(soql, catalog);
        if (prepared.isCount() || prepared.isAggregate()) {
            SoqlResult result = engine.execute(prepared, data, includeDeleted);
            return new Page(result.totalSize(), null, result.records());
        }
        List<Map<String, Object>> matches = engine.select(prepared, data, includeDeleted);
        int end = Math.min(batch, matches.size());
        List<SoqlRow> rows = engine.project(prepared, data, includeDeleted, matches.subList(0, end));
        String locator = null;
        String next = null;
        if (end < matches.size()) {
            locator = cursors.open(new Matches(prepared, includeDeleted, matches), batch, version);
            next = nextUrl(version, locator, end);
        }
        return new Page(matches.size(), next, children.cut(rows, locator, version));
    }

    /** The matching records of a top-level result, projected one batch at a time. */
    private final class Matches implements CursorRows {
        private final SoqlPreparedQuery query;
        private final boolean includeDeleted;
        private final List<Map<String, Object>> records;

        Matches(SoqlPreparedQuery query, boolean includeDeleted, List<Map<String, Object>> records) {
            this.query = query;
            this.includeDeleted = includeDeleted;
            this.records = records;
        }

        @Override
        public int size() {
            return records.size();
        }

        @Override
        public List<SoqlRow> rows(int from, int to) {
            return engine.project(query, data, includeDeleted, records.subList(from, to));
        }
    }

    /** One batch of a query result. */
    private record Page(int totalSize, String nextRecordsUrl, List<SoqlRow> rows) {
    }

    private void next(Exchange exchange) throws IOException {
        String token = exchange.pathVariable("locator");
        int dash = token.lastIndexOf('-');
        String locator = dash <= 0 ? null : token.substring(0, dash);
        QueryCursors.Cursor cursor = locator == null ? null : cursors.find(locator);
        int offset = -1;
        if (cursor != null) {
            try {
                offset = Integer.parseInt(token.substring(dash + 1));
            } catch (NumberFormatException e) {
                offset = -1;
            }
        }
        if (cursor == null || offset < 0 || offset >= cursor.rows().size()) {
            // Status and text of an unknown or expired locator are not verified; 400 matches the other query errors.
            exchange.sendError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
            return;
        }
        // The child results of the batch before this one end here, as on Salesforce.
        cursors.closeChildrenOf(locator);
        int end = Math.min(cursor.rows().size(), offset + cursor.batchSize());
        List<SoqlRow> rows = cursor.rows().rows(offset, end);
        String next = end < cursor.rows().size() ? nextUrl(exchange.apiVersion(), locator, end) : null;
        sendPage(exchange, cursor.rows().size(), next, children.cut(rows, locator, exchange.apiVersion()),
                exchange.apiVersion());
    }

    static String nextUrl(String version, String locator, int offset) {
        return "/services/data/v" + version + "/query/" + locator + "-" + offset;
    }

    private static void sendPage(Exchange exchange, int totalSize, String nextRecordsUrl, List<SoqlRow> rows,
                                 String version) throws IOException {
        exchange.sendStream(200, Exchange.JSON_TYPE, out -> writePage(out, totalSize, nextRecordsUrl, rows, version));
    }

    private static void writePage(OutputStream out, int totalSize, String nextRecordsUrl, List<SoqlRow> rows,
                                  String version) throws IOException {
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeNumberField("totalSize", totalSize);
            json.writeBooleanField("done", nextRecordsUrl == null);
            if (nextRecordsUrl != null) {
                json.writeStringField("nextRecordsUrl", nextRecordsUrl);
            }
            json.writeArrayFieldStart("records");
            for (SoqlRow row : rows) {
                RecordJson.writeRow(json, row, version);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /**
     * Reads {@code batchSize=N} from {@code Sforce-Query-Options}, clamped to 200..2000 as Salesforce does.
     *
     * @param header the header value, may be {@code null}
     * @return the batch size, 2000 by default
     */
    public static int batchSize(String header) {
        if (header == null) {
            return DEFAULT_BATCH;
        }
        for (String option : header.split("[,;]")) {
            String[] pair = option.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("batchSize")) {
                try {
                    int size = Integer.parseInt(pair[1].trim());
                    return Math.max(MIN_BATCH, Math.min(DEFAULT_BATCH, size));
                } catch (NumberFormatException e) {
                    return DEFAULT_BATCH;
                }
            }
        }
        return DEFAULT_BATCH;
    }
}
