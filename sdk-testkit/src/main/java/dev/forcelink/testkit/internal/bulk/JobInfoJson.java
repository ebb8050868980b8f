package dev.forcelink.testkit.internal.bulk;

import dev.forcelink.testkit.internal.org.SalesforceFormats;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a job as Salesforce's Bulk API 2.0 JobInfo, field for field in Salesforce's order: {@code apiVersion} is a
 * number, dates look like {@code 2018-12-18T22:51:36.000+0000} and {@code contentUrl} has no leading slash.
 * Stateless and thread-safe.
 */
final class JobInfoJson {

    private JobInfoJson() {
    }

    /** The short form returned by create, close, abort and the job lists. */
    static Map<String, Object> summary(Job job) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", job.id());
        info.put("operation", job.operation());
        info.put("object", job.object());
        info.put("createdById", job.createdById());
        info.put("createdDate", SalesforceFormats.dateTime(job.createdDate()));
        info.put("systemModstamp", SalesforceFormats.dateTime(job.systemModstamp()));
        info.put("state", job.state().wireName());
        if (job instanceof IngestJob ingest) {
            if (ingest.externalIdFieldName() != null) {
                info.put("externalIdFieldName", ingest.externalIdFieldName());
            }
            if (ingest.assignmentRuleId() != null) {
                info.put("assignmentRuleId", ingest.assignmentRuleId());
            }
        }
        info.put("concurrencyMode", "Parallel");
        info.put("contentType", "CSV");
        info.put("apiVersion", new BigDecimal(job.apiVersion()));
        if (job instanceof IngestJob) {
            info.put("contentUrl", "services/data/v" + job.apiVersion() + "/jobs/ingest/" + job.id() + "/batches");
        }
        info.put("lineEnding", job.lineEnding().name());
        info.put("columnDelimiter", job.delimiter().name());
        return info;
    }

    /** The full form of {@code GET /jobs/ingest/{id}} and {@code GET /jobs/query/{id}}. */
    static Map<String, Object> detail(Job job) {
        Map<String, Object> info = summary(job);
        Object lineEnding = info.remove("lineEnding");
        Object delimiter = info.remove("columnDelimiter");
        Object contentUrl = info.remove("contentUrl");
        info.put("jobType", job.jobType());
        if (contentUrl != null) {
            info.put("contentUrl", contentUrl);
        }
        info.put("lineEnding", lineEnding);
        info.put("columnDelimiter", delimiter);
        info.put("numberRecordsProcessed", job.recordsProcessed());
        if (job instanceof IngestJob) {
            info.put("numberRecordsFailed", job.recordsFailed());
        }
        info.put("retries", 0);
        long millis = job.processingMillis();
        info.put("totalProcessingTime", millis);
        if (job instanceof IngestJob) {
            info.put("apiActiveProcessingTime", millis);
            info.put("apexProcessingTime", 0);
        } else {
            info.put("isPkChunkingSupported", true);
        }
        if (job.errorMessage() != null) {
            info.put("errorMessage", job.errorMessage());
        }
        return info;
    }
}
