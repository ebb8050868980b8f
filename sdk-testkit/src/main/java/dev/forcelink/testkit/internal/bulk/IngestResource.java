package dev.forcelink.testkit.internal.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.org.FieldDef;
import dev.forcelink.testkit.internal.org.FieldType;
import dev.forcelink.testkit.internal.org.SObjectDef;
import dev.forcelink.testkit.internal.rest.DataApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The Bulk API 2.0 ingest endpoints: create, upload, close or abort, job info, delete and the three result downloads.
 * Thread-safe.
 */
final class IngestResource {

    private static final Set<String> OPERATIONS = Set.of("insert", "update", "upsert", "delete", "hardDelete");
    private static final String JOB = "/jobs/ingest/{jobId}";

    private final BulkContext context;

    IngestResource(BulkContext context) {
        this.context = context;
    }

    void install(DataApi api) {
        api.add("POST", "/jobs/ingest", BulkResponses.guarded(this::create));
        api.add("PUT", JOB + "/batches", BulkResponses.guarded(this::upload));
        api.add("PATCH", JOB, BulkResponses.guarded(this::changeState));
        api.add("GET", JOB, BulkResponses.guarded(exchange -> exchange.sendJson(200, JobInfoJson.detail(job(exchange)))));
        api.add("DELETE", JOB, BulkResponses.guarded(exchange -> JobLifecycle.delete(context, job(exchange), exchange)));
        api.add("GET", JOB + "/successfulResults", BulkResponses.guarded(
                exchange -> download(exchange, job(exchange).successful())));
        api.add("GET", JOB + "/failedResults", BulkResponses.guarded(
                exchange -> download(exchange, job(exchange).failed())));
        api.add("GET", JOB + "/unprocessedrecords", BulkResponses.guarded(
                exchange -> download(exchange, job(exchange).unprocessed())));
    }

    private IngestJob job(Exchange exchange) {
        return context.jobs().require(exchange.pathVariable("jobId"), IngestJob.class);
    }

    private void create(Exchange exchange) throws IOException {
        String contentType = exchange.header("Content-Type");
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            throw BulkException.invalidJob("The emulator does not support creating a job with its data in one "
                    + "multipart request; create the job, then PUT its data to the contentUrl.");
        }
        JsonNode body = BulkResponses.jsonObject(exchange);
        String objectName = BulkResponses.text(body, "object");
        String operation = BulkResponses.text(body, "operation");
        if (objectName == null || objectName.isBlank()) {
            throw BulkException.invalidJob("InvalidJob : Required field 'object' is missing");
        }
        if (operation == null || !OPERATIONS.contains(operation)) {
            throw BulkException.invalidJob("InvalidJob : Invalid operation: " + operation
                    + ". Use insert, update, upsert, delete or hardDelete.");
        }
        SObjectDef object = context.runtime().schema().find(objectName);
        if (object == null || !object.storable()) {
            throw BulkException.invalidJob("InvalidJob : Unable to find object: " + objectName);
        }
        String externalId = BulkResponses.text(body, "externalIdFieldName");
        if (operation.equals("upsert")) {
            externalId = externalIdField(object, externalId);
        } else {
            externalId = null;
        }
        Job.Fields fields = new Job.Fields();
        JobFormats.read(body, fields);
        fields.operation = operation;
        fields.object = object.name();
        fields.createdById = exchange.session().userId();
        fields.apiVersion = exchange.apiVersion();
        fields.clock = context.runtime().clock();
        context.jobs().assignId(fields);
        Path directory = context.workDirectory().resolve(fields.id);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the files of Bulk job " + fields.id, e);
        }
        IngestJob job = new IngestJob(fields, externalId, BulkResponses.text(body, "assignmentRuleId"),
                JobFormats.changeOrigin(exchange), directory);
        context.jobs().add(job);
        exchange.sendJson(200, JobInfoJson.summary(job));
    }

    private static String externalIdField(SObjectDef object, String name) {
        if (name == null || name.isBlank()) {
            throw BulkException.invalidJob("InvalidJob : externalIdFieldName is required for upsert");
        }
        FieldDef field = object.field(name);
        if (field == null || !(field.externalId() || field.idLookup() || field.type() == FieldType.ID)) {
            throw BulkException.invalidJob("InvalidJob : The field " + name + " of " + object.name()
                    + " is not an external ID field; upsert needs an external ID or Id");
        }
        return field.name();
    }

    private void upload(Exchange exchange) throws IOException {
        IngestJob job = job(exchange);
        if (job.state() != JobState.OPEN) {
            throw new BulkException(400, "INVALIDJOBSTATE", "Uploading data to a job in state "
                    + job.state().wireName() + " is not allowed; data can only be uploaded while the job is Open");
        }
        try (InputStream body = exchange.bodyStream()) {
            job.upload(body);
        }
        exchange.sendEmpty(201);
    }

    private void changeState(Exchange exchange) throws IOException {
        IngestJob job = job(exchange);
        String wanted = BulkResponses.text(BulkResponses.jsonObject(exchange), "state");
        if ("UploadComplete".equals(wanted)) {
            if (job.uploads() > 1) {
                // Salesforce's own spelling ("multipe") is kept: clients match on this text.
                throw BulkException.invalidJob("Found multipe contents for job: <" + job.id() + ">, please 'Close'"
                        + " / 'Abort' / 'Delete' the current Job then create a new Job and make sure you only do "
                        + "'PUT' once on a given Job.");
            }
            if (!job.transition(JobState.UPLOAD_COMPLETE, JobState.OPEN)) {
                throw JobLifecycle.badTransition(job, wanted);
            }
            exchange.sendJson(200, JobInfoJson.summary(job));
            context.executor().execute(new IngestProcessor(context, job));
        } else {
            JobLifecycle.abortOrRefuse(job, wanted, exchange);
        }
    }

    private void download(Exchange exchange, ResultFile file) throws IOException {
        // Salesforce serves ingest results while the job runs: what is processed so far. Before processing
        // starts there is nothing yet, not even a header.
        if (file == null) {
            exchange.sendBytes(200, BulkResponses.CSV_TYPE, new byte[0]);
            return;
        }
        long length = file.length();
        BulkResponses.sendCsv(context, exchange, length, out -> file.copyTo(out, length));
    }
}
