package dev.forcelink.testkit.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The org's limits as {@code /limits} reports them, with counters that move: every counted API call consumes one
 * {@code DailyApiRequests}. Other features consume their own limits through {@link #consume}.
 *
 * <p>Thread-safe: counters are atomic.
 */
public final class ApiLimits {

    /** The daily API request limit's name. */
    public static final String DAILY_API_REQUESTS = "DailyApiRequests";

    private final Map<String, Limit> limits = new LinkedHashMap<>();

    /**
     * @param dailyApiRequests the {@code DailyApiRequests} maximum
     * @param dataStorageUsedMb reports how much data storage the records use, in MB
     */
    public ApiLimits(long dailyApiRequests, LongSupplier dataStorageUsedMb) {
        limits.put("ConcurrentAsyncGetReportInstances", new Limit(200, null));
        limits.put("ConcurrentSyncReportRuns", new Limit(20, null));
        limits.put("DailyApiRequests", new Limit(dailyApiRequests, null));
        limits.put("DailyAsyncApexExecutions", new Limit(250_000, null));
        limits.put("DailyBulkApiBatches", new Limit(15_000, null));
        limits.put("DailyBulkV2QueryFileStorageMB", new Limit(976_562, null));
        limits.put("DailyBulkV2QueryJobs", new Limit(10_000, null));
        limits.put("DailyDeliveredPlatformEvents", new Limit(50_000, null));
        limits.put("DataStorageMB", new Limit(1_024, dataStorageUsedMb));
        limits.put("FileStorageMB", new Limit(1_024, null));
        limits.put("HourlyPublishedPlatformEvents", new Limit(250_000, null));
    }

    /**
     * Records use of a limit.
     *
     * @param name the limit's name, e.g. {@code DailyBulkV2QueryJobs}
     * @param amount how much was used
     * @return the amount used so far
     * @throws IllegalArgumentException for an unknown limit name
     */
    public long consume(String name, long amount) {
        Limit limit = limits.get(name);
        if (limit == null) {
            throw new IllegalArgumentException("Unknown limit " + name + "; known: " + limits.keySet());
        }
        return limit.used.addAndGet(amount);
    }

    /**
     * @param name a limit name
     * @return the amount used so far
     */
    public long used(String name) {
        Limit limit = limits.get(name);
        return limit == null ? 0 : limit.usedNow();
    }

    /**
     * @param name a limit name
     * @return its maximum
     */
    public long max(String name) {
        Limit limit = limits.get(name);
        return limit == null ? 0 : limit.max;
    }

    /** Resets every counter to zero, as a new 24-hour window would. */
    public void reset() {
        limits.values().forEach(limit -> limit.used.set(0));
    }

    /** @return the {@code /limits} body: name to {@code {"Max":…,"Remaining":…}} */
    public Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> body = new LinkedHashMap<>();
        limits.forEach((name, limit) -> {
            Map<String, Long> entry = new LinkedHashMap<>();
            entry.put("Max", limit.max);
            entry.put("Remaining", Math.max(0, limit.max - limit.usedNow()));
            body.put(name, entry);
        });
        return body;
    }

    private static final class Limit {
        final long max;
        final AtomicLong used = new AtomicLong();
        final LongSupplier measured;

        Limit(long max, LongSupplier measured) {
            this.max = max;
            this.measured = measured;
        }

        long usedNow() {
            return measured != null ? measured.getAsLong() : used.get();
        }
    }
}
