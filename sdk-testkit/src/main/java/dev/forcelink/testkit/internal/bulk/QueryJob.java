package dev.forcelink.testkit.internal.bulk;

import dev.forcelink.testkit.internal.soql.SoqlPreparedQuery;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A query job: the prepared query and, once complete, its result file.
 *
 * <p>Thread-safe.
 */
final class QueryJob extends Job {

    private static final Logger LOG = LoggerFactory.getLogger(QueryJob.class);

    private final SoqlPreparedQuery query;
    private volatile QueryResultFile result;

    QueryJob(Fields fields, SoqlPreparedQuery query) {
        super(fields, JobState.UPLOAD_COMPLETE);
        this.query = query;
    }

    @Override
    String jobType() {
        return "V2Query";
    }

    SoqlPreparedQuery query() {
        return query;
    }

    /** @return whether deleted records are included ({@code queryAll}) */
    boolean includeDeleted() {
        return "queryAll".equals(operation());
    }

    void result(QueryResultFile file) {
        this.result = file;
    }

    /** @return the result, or {@code null} before the job completes */
    QueryResultFile result() {
        return result;
    }

    @Override
    void releaseFiles() {
        QueryResultFile file = result;
        if (file != null) {
            try {
                file.delete();
            } catch (IOException e) {
                LOG.debug("Could not delete the result of Bulk job {}: {}", id(), e.toString());
            }
        }
    }
}
