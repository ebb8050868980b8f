package dev.forcelink.testkit.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.rest.DataApi;
import dev.forcelink.testkit.internal.soql.SoqlException;
import dev.forcelink.testkit.internal.soql.SoqlPreparedQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Bulk API 2.0 query-job endpoints: create, job info, abort, delete, result pages by locator and the parallel
 * {@code resultPages} listing. Thread-safe.
 */
final class QueryResource {

    private static final String JOB = "/jobs/query/{jobId}";
    /** {@code resultPages} lists at most this many pages per response. */
    private static final int PAGES_PER_LISTING = 5;
    private static final int RESULT_PAGES_SINCE = 58;

    private final BulkContext context;

    QueryResource(BulkContext context) {
        this.context = context;
    }

    void install(DataApi api) {
        api.add("POST", "/jobs/query", BulkResponses.guarded(this::create));
        api.add("GET", JOB, BulkResponses.guarded(exchange -> exchange.sendJson(200, JobInfoJson.detail(job(exchange)))));
        api.add("PATCH", JOB, BulkResponses.guarded(exchange -> JobLifecycle.abortOrRefuse(job(exchange),
                BulkResponses.text(BulkResponses.jsonObject(exchange), "state"), exchange)));
        api.add("DELETE", JOB, BulkResponses.guarded(exchange -> JobLifecycle.delete(context, job(exchange), exchange)));
        api.add("GET", JOB + "/results", BulkResponses.guarded(this::results));
        api.add("GET", JOB + "/resultPages", BulkResponses.guarded(this::resultPages));
    }

    private QueryJob job(Exchange exchange) {
        return context.jobs().require(exchange.pathVariable("jobId"), QueryJob.class);
    }

    private void create(Exchange exchange) throws IOException {
        JsonNode body = BulkResponses.jsonObject(exchange);
        String operation = BulkResponses.text(body, "operation");
        if (!"query".equals(operation) && !"queryAll".equals(operation)) {
            throw BulkException.invalidJob("InvalidJob : Invalid operation: " + operation + ". Use query or queryAll.");
        }
        String soql = BulkResponses.text(body, "query");
        if (soql == null || soql.isBlank()) {
            throw BulkException.invalidJob("InvalidJob : Required field 'query' is missing");
        }
        SoqlPreparedQuery prepared;
        try {
            prepared = context.engine().prepare(soql, context.catalog());
        } catch (SoqlException e) {
            // Salesforce checks the query when the job is created and answers with the query's error.
            throw new BulkException(400, e.errorCode().name(), e.getMessage());
        }
        if (prepared.columnPaths().isEmpty()) {
            // Salesforce's exact code and text for this refusal are not documented.
            throw BulkException.invalidJob("Aggregate queries such as COUNT() are not supported by Bulk API 2.0 "
                    + "query jobs; select fields instead");
        }
        if (prepared.hasChildSubqueries()) {
            throw BulkException.invalidJob("Nested (parent-to-child) queries are not supported by Bulk API 2.0 "
                    + "query jobs; query the child object with parent fields instead");
        }
        Job.Fields fields = new Job.Fields();
        JobFormats.read(body, fields);
        fields.operation = operation;
        fields.object = prepared.objectName();
        fields.createdById = exchange.session().userId();
        fields.apiVersion = exchange.apiVersion();
        fields.clock = context.runtime().clock();
        context.jobs().assignId(fields);
        QueryJob job = new QueryJob(fields, prepared);
        context.jobs().add(job);
        context.runtime().limits().consume("DailyBulkV2QueryJobs", 1);
        exchange.sendJson(200, JobInfoJson.summary(job));
        context.executor().execute(new QueryProcessor(context, job));
    }

    private QueryResultFile completedResult(Exchange exchange, QueryJob job) {
        if (!job.apiVersion().equals(exchange.apiVersion())) {
            // Salesforce answers 409; the body's wording is not documented.
            throw new BulkException(409, "INVALIDJOB", "The job was created with API version " + job.apiVersion()
                    + "; request its results with version v" + job.apiVersion() + ", not v" + exchange.apiVersion());
        }
        QueryResultFile result = job.result();
        if (job.state() != JobState.JOB_COMPLETE || result == null) {
            throw new BulkException(412, "JOB_NOT_COMPLETE", "can only download query results of successfully "
                    + "completed bulk job with status: JOB_COMPLETE. Current status: " + job.state().statusText());
        }
        return result;
    }

    private void results(Exchange exchange) throws IOException {
        QueryJob job = job(exchange);
        QueryResultFile result = completedResult(exchange, job);
        long from = Locators.decode(exchange.queryParameter("locator"));
        if (from > result.rows()) {
            throw new BulkException(400, "INVALIDLOCATOR", "Invalid locator: " + exchange.queryParameter("locator")
                    + ". The result has " + result.rows() + " records.");
        }
        long to = Math.min(result.rows(), from + maxRecords(exchange));
        exchange.responseHeader("Sforce-NumberOfRecords", Long.toString(to - from));
        exchange.responseHeader("Sforce-Locator", to < result.rows() ? Locators.encode(to) : Locators.END);
        BulkResponses.sendCsv(context, exchange, result.pageLength(from, to), out -> result.writePage(from, to, out));
    }

    private long maxRecords(Exchange exchange) {
        String text = exchange.queryParameter("maxRecords");
        if (text == null || text.isEmpty()) {
            return context.settings().resultPageRecords();
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Answered below.
        }
        throw new BulkException(400, "INVALIDREQUEST", "Invalid maxRecords: " + text + ". Use a whole number of "
                + "at least 1.");
    }

    private void resultPages(Exchange exchange) throws IOException {
        int major = Integer.parseInt(exchange.apiVersion().substring(0, exchange.apiVersion().indexOf('.')));
        if (major < RESULT_PAGES_SINCE) {
            throw BulkException.notFound();
        }
        QueryJob job = job(exchange);
        QueryResultFile result = completedResult(exchange, job);
        long pageSize = context.settings().resultPageRecords();
        long first = Locators.decode(exchange.queryParameter("locator"));
        String base = "/services/data/v" + job.apiVersion() + "/jobs/query/" + job.id();
        List<Map<String, String>> pages = new ArrayList<>();
        long start = first;
        do {
            String locator = start == 0 ? "" : "locator=" + Locators.encode(start) + "&";
            pages.add(Map.of("resultUrl", base + "/results?" + locator + "maxRecords=" + pageSize));
            start += pageSize;
        } while (start < result.rows() && pages.size() < PAGES_PER_LISTING);
        boolean done = start >= result.rows();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resultPages", pages);
        // The Bulk API 2.0 guide's table says nextRecordUrl and its prose nextRecordsUrl (which one Salesforce sends
        // is unverified); Salesforce's other listings use nextRecordsUrl, so that is the name used here.
        body.put("nextRecordsUrl", done ? null : base + "/resultPages?locator=" + Locators.encode(start));
        body.put("done", done);
        exchange.sendJson(200, body);
    }
}
