package dev.forcelink.testkit.internal.bulk;

import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.rest.DataApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /jobs/ingest} and {@code GET /jobs/query}: the org's jobs of one kind, oldest first, in pages of at
 * most {@link BulkSettings#jobListPageSize()} with {@code nextRecordsUrl} until {@code done}. Thread-safe.
 */
final class JobListResource {

    private final BulkContext context;

    JobListResource(BulkContext context) {
        this.context = context;
    }

    void install(DataApi api) {
        api.add("GET", "/jobs/ingest", BulkResponses.guarded(exchange -> list(exchange, IngestJob.class, "ingest")));
        api.add("GET", "/jobs/query", BulkResponses.guarded(exchange -> list(exchange, QueryJob.class, "query")));
    }

    private void list(Exchange exchange, Class<? extends Job> kind, String path) throws IOException {
        String jobType = exchange.queryParameter("jobType");
        String concurrencyMode = exchange.queryParameter("concurrencyMode");
        List<Job> jobs = context.jobs().list(job -> kind.isInstance(job)
                && (jobType == null || jobType.equals(job.jobType()))
                && (concurrencyMode == null || concurrencyMode.equals("Parallel")));
        long from = Locators.decode(exchange.queryParameter("queryLocator"));
        int pageSize = context.settings().jobListPageSize();
        int start = (int) Math.min(from, jobs.size());
        int end = Math.min(jobs.size(), start + pageSize);
        List<Map<String, Object>> records = new ArrayList<>(end - start);
        for (Job job : jobs.subList(start, end)) {
            Map<String, Object> info = JobInfoJson.summary(job);
            info.put("jobType", job.jobType());
            records.add(info);
        }
        boolean done = end >= jobs.size();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("done", done);
        body.put("records", records);
        body.put("nextRecordsUrl", done ? null : "/services/data/v" + exchange.apiVersion() + "/jobs/" + path
                + "?queryLocator=" + Locators.encode(end));
        exchange.sendJson(200, body);
    }
}
