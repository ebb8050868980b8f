package dev.forcelink.testkit;

import dev.forcelink.testkit.internal.bulk.BulkFaultScript;
import java.time.Duration;

/**
 * Scripts Bulk API 2.0 failures: a job that ends {@code Failed} part way, a results download whose connection
 * drops mid-body, and latency on result downloads.
 *
 * <pre>{@code
 * emulator.bulkFaults().failIngestJobAfter(500, "InvalidBatch : simulated failure");
 * emulator.bulkFaults().dropResultPages(1);
 * emulator.bulkFaults().delayResultPages(2, Duration.ofMillis(200));
 * }</pre>
 * Each fault applies to the next job or download that reaches it and is then spent. Result downloads are query
 * result pages and the ingest {@code successfulResults}, {@code failedResults} and {@code unprocessedrecords}.
 *
 * <p>Thread-safe.
 */
public final class BulkFaults {

    private final BulkFaultScript script;

    BulkFaults(BulkFaultScript script) {
        this.script = script;
    }

    /**
     * Makes the next ingest job that starts processing end {@code Failed} after {@code rows} rows: those rows are
     * applied and reported in the results, the rest are listed in {@code unprocessedrecords}, and the job's
     * {@code errorMessage} is the given text.
     *
     * @param rows rows processed before the failure, 0 or more
     * @param errorMessage the job's {@code errorMessage}
     * @throws IllegalArgumentException if {@code rows} is negative
     * @throws NullPointerException if {@code errorMessage} is null
     */
    public void failIngestJobAfter(int rows, String errorMessage) {
        script.failIngestJob(rows, errorMessage);
    }

    /**
     * Makes the next query job that starts processing end {@code Failed} without results.
     *
     * @param errorMessage the job's {@code errorMessage}
     * @throws NullPointerException if {@code errorMessage} is null
     */
    public void failQueryJob(String errorMessage) {
        script.failQueryJob(errorMessage);
    }

    /**
     * Makes the next {@code count} result downloads announce their full length, send half of the bytes and close
     * the connection, as a connection dropped mid-body would. Fetching the same locator again gives the whole page.
     *
     * @param count how many downloads, at least 1
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public void dropResultPages(int count) {
        script.dropResultPages(count);
    }

    /**
     * Adds latency to each of the next {@code count} result downloads.
     *
     * @param count how many downloads, at least 1
     * @param latency the added latency, not negative
     * @throws IllegalArgumentException if {@code count} is below 1 or the latency is negative
     */
    public void delayResultPages(int count, Duration latency) {
        script.delayResultPages(count, latency);
    }

    /** Removes every Bulk fault not yet used. */
    public void clear() {
        script.clear();
    }

    /** @return how many Bulk faults are still waiting */
    public int pending() {
        return script.pending();
    }
}
