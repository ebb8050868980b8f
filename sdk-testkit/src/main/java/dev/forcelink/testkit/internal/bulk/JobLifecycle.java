package dev.forcelink.testkit.internal.bulk;

import dev.forcelink.testkit.internal.http.Exchange;
import java.io.IOException;

/**
 * The state changes ingest and query jobs share: abort and delete, with Salesforce's refusals. Stateless and
 * thread-safe.
 */
final class JobLifecycle {

    private JobLifecycle() {
    }

    /**
     * Aborts the job if {@code wanted} is {@code Aborted} and the job may still be aborted, and answers with its
     * JobInfo; refuses anything else.
     */
    static void abortOrRefuse(Job job, String wanted, Exchange exchange) throws IOException {
        if (!"Aborted".equals(wanted)) {
            throw badTransition(job, wanted);
        }
        if (!job.transition(JobState.ABORTED, JobState.OPEN, JobState.UPLOAD_COMPLETE, JobState.IN_PROGRESS)) {
            throw new BulkException(400, "INVALIDJOBSTATE", "Aborting a job in state " + job.state().wireName()
                    + " is not allowed");
        }
        exchange.sendJson(200, JobInfoJson.summary(job));
    }

    static BulkException badTransition(Job job, String wanted) {
        String target = wanted == null ? "(no state given)" : wanted;
        String allowed = job instanceof IngestJob ? "UploadComplete (from Open) or Aborted" : "Aborted";
        return new BulkException(400, "INVALIDJOBSTATE", "Changing the state of a job in state "
                + job.state().wireName() + " to " + target + " is not allowed; set state to " + allowed);
    }

    /** Deletes the job and its files if its state allows it (per the Bulk API 2.0 guide), answering 204. */
    static void delete(BulkContext context, Job job, Exchange exchange) throws IOException {
        if (!job.markDeleted()) {
            throw new BulkException(400, "INVALIDJOBSTATE", "Deleting a job in state " + job.state().wireName()
                    + " is not allowed; only UploadComplete, JobComplete, Aborted or Failed jobs can be deleted");
        }
        context.jobs().remove(job);
        job.releaseFiles();
        exchange.sendEmpty(204);
    }
}
