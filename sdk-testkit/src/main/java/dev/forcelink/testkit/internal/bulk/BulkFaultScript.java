package dev.forcelink.testkit.internal.bulk;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Bulk faults scripted for coming jobs and result downloads. Each fault is claimed once, by the first job or
 * download that reaches it.
 *
 * <p>Thread-safe.
 */
public final class BulkFaultScript {

    private final ConcurrentLinkedQueue<JobFailure> ingestFailures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> queryFailures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drops = new AtomicInteger();
    private final ConcurrentLinkedQueue<Duration> delays = new ConcurrentLinkedQueue<>();

    /**
     * Makes the next ingest job that starts processing fail after {@code rows} rows.
     *
     * @param rows rows processed before the failure, 0 or more
     * @param errorMessage the job's {@code errorMessage}
     * @throws IllegalArgumentException if {@code rows} is negative
     */
    public void failIngestJob(int rows, String errorMessage) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be 0 or more, got " + rows);
        }
        ingestFailures.add(new JobFailure(rows, Objects.requireNonNull(errorMessage, "errorMessage")));
    }

    /**
     * Makes the next query job that starts processing fail.
     *
     * @param errorMessage the job's {@code errorMessage}
     */
    public void failQueryJob(String errorMessage) {
        queryFailures.add(Objects.requireNonNull(errorMessage, "errorMessage"));
    }

    /**
     * Makes the next {@code count} result downloads send half of their bytes and then drop the connection.
     *
     * @param count how many downloads, at least 1
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public void dropResultPages(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        drops.addAndGet(count);
    }

    /**
     * Adds latency to the next {@code count} result downloads.
     *
     * @param count how many downloads, at least 1
     * @param latency the latency of each, not negative
     * @throws IllegalArgumentException if {@code count} is below 1 or the latency is negative
     */
    public void delayResultPages(int count, Duration latency) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
        for (int i = 0; i < count; i++) {
            delays.add(latency);
        }
    }

    /** Forgets every fault not yet claimed. */
    public void clear() {
        ingestFailures.clear();
        queryFailures.clear();
        drops.set(0);
        delays.clear();
    }

    /** @return how many faults are still waiting */
    public int pending() {
        return ingestFailures.size() + queryFailures.size() + drops.get() + delays.size();
    }

    JobFailure claimIngestFailure() {
        return ingestFailures.poll();
    }

    String claimQueryFailure() {
        return queryFailures.poll();
    }

    boolean claimDrop() {
        while (true) {
            int left = drops.get();
            if (left <= 0) {
                return false;
            }
            if (drops.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }

    Duration claimDelay() {
        Duration delay = delays.poll();
        return delay == null ? Duration.ZERO : delay;
    }

    /**
     * A scripted failure of an ingest job.
     *
     * @param afterRows rows processed before the job fails
     * @param errorMessage the job's {@code errorMessage}
     */
    record JobFailure(int afterRows, String errorMessage) {
    }
}
