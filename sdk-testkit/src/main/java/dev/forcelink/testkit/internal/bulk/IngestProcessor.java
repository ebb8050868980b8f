package dev.forcelink.testkit.internal.bulk;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.WriteContext;
import dev.forcelink.testkit.internal.rest.ApiLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one closed ingest job in the background: streams the upload with the job's CSV dialect, applies rows
 * in chunks of 200 per {@link RecordStore} transaction (each row succeeds or fails on its own, as Salesforce's
 * partial success does), and appends each chunk's outcomes to the result files in a shuffled but deterministic
 * order, because Salesforce does not keep the upload order either. Honours abort, the scripted mid-job failure and
 * the configured rate. Memory stays bounded by one chunk.
 *
 * <p>Not thread-safe: one runs per job, on the Bulk executor.
 */
final class IngestProcessor implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestProcessor.class);
    /** Salesforce applies an internal batch in chunks of 200 records. */
    static final int CHUNK_SIZE = 200;
    /** Salesforce splits a job into internal batches of 10,000 records; each counts as one Bulk batch. */
    static final int INTERNAL_BATCH_SIZE = 10_000;

    private final BulkContext context;
    private final IngestJob job;

    IngestProcessor(BulkContext context, IngestJob job) {
        this.context = context;
        this.job = job;
    }

    @Override
    public void run() {
        if (!job.startProcessing()) {
            return;
        }
        try {
            process();
        } catch (JobFailure e) {
            job.fail(e.getMessage());
        } catch (IOException | UncheckedIOException | CsvParseException e) {
            LOG.debug("Bulk job {} failed reading its data: {}", job.id(), e.toString());
            job.fail("InvalidBatch : Failed to read the CSV data: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.fail("InternalServerError : processing was interrupted because the emulator is closing");
        } catch (RuntimeException e) {
            LOG.warn("Bulk job {} failed unexpectedly", job.id(), e);
            job.fail("InternalServerError : " + e);
        }
    }

    private void process() throws IOException, JobFailure, InterruptedException {
        if (job.uploads() == 0 || !Files.exists(job.uploadFile())) {
            // Closing a job without data: nothing to process (Salesforce's exact outcome here is not documented).
            job.complete();
            return;
        }
        checkLineEnding();
        CsvFormat format = new CsvFormat(job.delimiter(), job.lineEnding());
        BulkFaultScript.JobFailure scripted = context.faults().claimIngestFailure();
        long failAfter = scripted == null ? Long.MAX_VALUE : scripted.afterRows();
        try (CsvReader<CsvRecord> reader = format.reader(job.uploadFile())) {
            Iterator<CsvRecord> rows = reader.iterator();
            if (!rows.hasNext()) {
                job.complete();
                return;
            }
            List<String> header = rows.next().getFields();
            RowMapper mapper = RowMapper.create(job, context.runtime().schema(), context.runtime().store(), header);
            ResultFile successful = new ResultFile(job.directory().resolve("successful.csv"), format,
                    prefixed(List.of("sf__Id", "sf__Created"), header));
            ResultFile failed = new ResultFile(job.directory().resolve("failed.csv"), format,
                    prefixed(List.of("sf__Id", "sf__Error"), header));
            ResultFile unprocessed = new ResultFile(job.directory().resolve("unprocessed.csv"), format, header);
            job.results(successful, failed, unprocessed);
            WriteContext writer = new WriteContext(job.createdById(), job.changeOrigin());
            long started = System.nanoTime();
            long done = 0;
            int chunkNumber = 0;
            while (true) {
                if (job.abortRequested()) {
                    drain(rows, unprocessed);
                    break;
                }
                if (done >= failAfter) {
                    drain(rows, unprocessed);
                    job.fail(scripted.errorMessage());
                    break;
                }
                List<CsvRecord> chunk = read(rows, (int) Math.min(CHUNK_SIZE, failAfter - done));
                if (chunk.isEmpty()) {
                    if (scripted != null) {
                        job.fail(scripted.errorMessage());
                    }
                    break;
                }
                if (done % INTERNAL_BATCH_SIZE == 0) {
                    context.runtime().limits().consume("DailyBulkApiBatches", 1);
                }
                apply(mapper, writer, chunk, chunkNumber++, successful, failed);
                done += chunk.size();
                throttle(done, started);
            }
            successful.close();
            failed.close();
            unprocessed.close();
            job.complete();
        }
    }

    private void apply(RowMapper mapper, WriteContext writer, List<CsvRecord> chunk, int chunkNumber,
                       ResultFile successful, ResultFile failed) throws IOException {
        List<IngestRow> outcomes = context.runtime().store().transaction(writer, tx -> {
            List<IngestRow> results = new ArrayList<>(chunk.size());
            for (CsvRecord row : chunk) {
                results.add(mapper.apply(tx, row));
            }
            return results;
        });
        // Deterministic per job and chunk, so a rerun gives the same files, yet not the upload order.
        Collections.shuffle(outcomes, new Random(job.id().hashCode() * 31L + chunkNumber));
        List<List<String>> successRows = new ArrayList<>();
        List<List<String>> failedRows = new ArrayList<>();
        for (IngestRow outcome : outcomes) {
            if (outcome.error() == null) {
                successRows.add(prefixed(List.of(outcome.id(), Boolean.toString(outcome.created())), outcome.cells()));
            } else {
                failedRows.add(prefixed(List.of(outcome.id(), outcome.errorText()), outcome.cells()));
            }
        }
        successful.append(successRows);
        failed.append(failedRows);
        job.addProcessed(outcomes.size(), failedRows.size());
    }

    private void throttle(long done, long startedNanos) throws InterruptedException {
        int rate = context.settings().rowsPerSecond();
        if (rate <= 0) {
            return;
        }
        long dueMillis = done * 1000 / rate;
        long elapsedMillis = (System.nanoTime() - startedNanos) / 1_000_000;
        // Sleep in short steps so that an abort is noticed quickly.
        while (dueMillis > elapsedMillis && !job.abortRequested()) {
            Thread.sleep(Math.min(50, dueMillis - elapsedMillis));
            elapsedMillis = (System.nanoTime() - startedNanos) / 1_000_000;
        }
    }

    /**
     * Salesforce fails a job whose data does not use the declared line ending; the first line decides.
     */
    private void checkLineEnding() throws IOException, JobFailure {
        try (InputStream in = Files.newInputStream(job.uploadFile())) {
            byte[] buffer = new byte[8192];
            boolean quoted = false;
            int previous = -1;
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    int b = buffer[i];
                    if (b == '"') {
                        quoted = !quoted;
                    } else if (b == '\n' && !quoted) {
                        LineEnding found = previous == '\r' ? LineEnding.CRLF : LineEnding.LF;
                        if (found != job.lineEnding()) {
                            throw new JobFailure("ClientInputError : LineEnding is invalid on user data. Current "
                                    + "LineEnding setting is " + job.lineEnding().name());
                        }
                        return;
                    }
                    previous = b;
                }
            }
        }
    }

    private static List<CsvRecord> read(Iterator<CsvRecord> rows, int max) {
        List<CsvRecord> chunk = new ArrayList<>(Math.max(0, max));
        while (chunk.size() < max && rows.hasNext()) {
            chunk.add(rows.next());
        }
        return chunk;
    }

    private static void drain(Iterator<CsvRecord> rows, ResultFile unprocessed) throws IOException {
        List<List<String>> batch = new ArrayList<>(CHUNK_SIZE);
        while (rows.hasNext()) {
            batch.add(rows.next().getFields());
            if (batch.size() == CHUNK_SIZE) {
                unprocessed.append(batch);
                batch.clear();
            }
        }
        unprocessed.append(batch);
    }

    private static List<String> prefixed(List<String> first, List<String> rest) {
        List<String> row = new ArrayList<>(first.size() + rest.size());
        row.addAll(first);
        row.addAll(rest);
        return row;
    }
}
