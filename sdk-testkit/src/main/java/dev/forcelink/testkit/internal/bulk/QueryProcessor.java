package dev.forcelink.testkit.internal.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one query job in the background: runs its SOQL through the org's engine into a result file, at the
 * configured rate, unless a scripted fault fails it or it is aborted.
 *
 * <p>Not thread-safe: one runs per job, on the Bulk executor.
 */
final class QueryProcessor implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(QueryProcessor.class);

    private final BulkContext context;
    private final QueryJob job;

    QueryProcessor(BulkContext context, QueryJob job) {
        this.context = context;
        this.job = job;
    }

    @Override
    public void run() {
        if (!job.startProcessing()) {
            return;
        }
        String scripted = context.faults().claimQueryFailure();
        if (scripted != null) {
            job.fail(scripted);
            return;
        }
        CsvFormat format = new CsvFormat(job.delimiter(), job.lineEnding());
        QueryRunner runner = new QueryRunner(context.engine(), context.runtime().store(), QueryRunner.SLICE_SIZE);
        long started = System.nanoTime();
        try (QueryResultFile.Writer writer = new QueryResultFile.Writer(
                context.workDirectory().resolve(job.id() + "-result.csv"),
                context.workDirectory().resolve(job.id() + "-result.idx"), format, job.query().columnPaths())) {
            runner.run(job.query(), job.includeDeleted(), writer, job::abortRequested,
                    rows -> throttle(rows, started));
            if (job.abortRequested()) {
                return;
            }
            QueryResultFile result = writer.finish();
            job.result(result);
            job.addProcessed(result.rows(), 0);
            job.complete();
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Bulk query job {} could not write its result: {}", job.id(), e.toString());
            job.fail("InternalServerError : cannot store the query result: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.fail("InternalServerError : processing was interrupted because the emulator is closing");
        } catch (RuntimeException e) {
            LOG.warn("Bulk query job {} failed unexpectedly", job.id(), e);
            job.fail("InternalServerError : " + e);
        }
    }

    private void throttle(long rows, long startedNanos) throws InterruptedException {
        int rate = context.settings().rowsPerSecond();
        if (rate <= 0) {
            return;
        }
        long dueMillis = rows * 1000 / rate;
        long elapsed = (System.nanoTime() - startedNanos) / 1_000_000;
        while (dueMillis > elapsed && !job.abortRequested()) {
            Thread.sleep(Math.min(50, dueMillis - elapsed));
            elapsed = (System.nanoTime() - startedNanos) / 1_000_000;
        }
    }
}
