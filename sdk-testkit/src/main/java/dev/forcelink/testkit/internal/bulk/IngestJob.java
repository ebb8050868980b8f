package dev.forcelink.testkit.internal.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ingest job: the upload spooled to a temporary file, then the result files its processing writes.
 *
 * <p>Thread-safe.
 */
final class IngestJob extends Job {

    private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

    private final String externalIdFieldName;
    private final String assignmentRuleId;
    private final String changeOrigin;
    private final Path directory;
    private final AtomicInteger uploads = new AtomicInteger();
    private volatile ResultFile successful;
    private volatile ResultFile failed;
    private volatile ResultFile unprocessed;

    IngestJob(Fields fields, String externalIdFieldName, String assignmentRuleId, String changeOrigin,
              Path directory) {
        super(fields, JobState.OPEN);
        this.externalIdFieldName = externalIdFieldName;
        this.assignmentRuleId = assignmentRuleId;
        this.changeOrigin = changeOrigin;
        this.directory = directory;
    }

    @Override
    String jobType() {
        return "V2Ingest";
    }

    String externalIdFieldName() {
        return externalIdFieldName;
    }

    String assignmentRuleId() {
        return assignmentRuleId;
    }

    /** @return {@code com/salesforce/api/bulkapi/65.0[;client=…]}, recorded on every change the job makes */
    String changeOrigin() {
        return changeOrigin;
    }

    Path uploadFile() {
        return directory.resolve("upload.csv");
    }

    Path directory() {
        return directory;
    }

    /**
     * Stores an upload. Only the first is kept: a second one is drained and counted, and makes closing the job
     * fail as Salesforce's does.
     */
    void upload(InputStream body) throws IOException {
        if (uploads.incrementAndGet() == 1) {
            Files.copy(body, uploadFile());
        } else {
            body.transferTo(OutputStream.nullOutputStream());
        }
    }

    int uploads() {
        return uploads.get();
    }

    void results(ResultFile successfulRows, ResultFile failedRows, ResultFile unprocessedRows) {
        this.successful = successfulRows;
        this.failed = failedRows;
        this.unprocessed = unprocessedRows;
    }

    ResultFile successful() {
        return successful;
    }

    ResultFile failed() {
        return failed;
    }

    ResultFile unprocessed() {
        return unprocessed;
    }

    @Override
    void releaseFiles() {
        for (ResultFile file : new ResultFile[] {successful, failed, unprocessed}) {
            if (file != null) {
                file.delete();
            }
        }
        try {
            Files.deleteIfExists(uploadFile());
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            LOG.debug("Could not delete the files of Bulk job {}: {}", id(), e.toString());
        }
    }
}
