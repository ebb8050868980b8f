package dev.forcelink.testkit.internal.bulk;

/**
 * How the emulator's Bulk API 2.0 behaves: processing speed and page sizes. Immutable and thread-safe.
 *
 * @param rowsPerSecond how many ingest rows (or query result rows) a job processes per second; 0 for as fast as
 *     possible
 * @param jobListPageSize the most jobs per page of {@code GET /jobs/ingest} and {@code GET /jobs/query}
 *     (Salesforce: 1000)
 * @param resultPageRecords the records of a query results page when the client gives no {@code maxRecords}, and of
 *     each page listed by {@code resultPages}
 */
public record BulkSettings(int rowsPerSecond, int jobListPageSize, int resultPageRecords) {

    /** Salesforce's page size for the job lists. */
    public static final int DEFAULT_JOB_LIST_PAGE_SIZE = 1000;
    /** Records per results page when the client does not choose: large enough for most test data in one page. */
    public static final int DEFAULT_RESULT_PAGE_RECORDS = 50_000;

    /**
     * @throws IllegalArgumentException if a value is out of range
     */
    public BulkSettings {
        if (rowsPerSecond < 0) {
            throw new IllegalArgumentException("rowsPerSecond must be 0 (unthrottled) or more, got " + rowsPerSecond);
        }
        if (jobListPageSize < 1 || jobListPageSize > DEFAULT_JOB_LIST_PAGE_SIZE) {
            throw new IllegalArgumentException("jobListPageSize must be 1 to 1000, got " + jobListPageSize);
        }
        if (resultPageRecords < 1) {
            throw new IllegalArgumentException("resultPageRecords must be at least 1, got " + resultPageRecords);
        }
    }

    /** @return unthrottled processing and Salesforce's page sizes */
    public static BulkSettings defaults() {
        return new BulkSettings(0, DEFAULT_JOB_LIST_PAGE_SIZE, DEFAULT_RESULT_PAGE_RECORDS);
    }
}
