/**
 * Bulk API 2.0: {@link dev.forcelink.bulk.BulkClient} loads rows of any size and runs query jobs.
 *
 * <h2>Design choices</h2>
 * <ul>
 *   <li><b>Spool, not pipe.</b> Each ingest job's CSV is spooled to a temporary file as the input
 *       streams, then uploaded with one {@code PUT}. A pipe fed by a producer would save disk but
 *       make the upload unreplayable for one-shot sources; Salesforce accepts exactly one upload per
 *       job, so a failed upload must be replayed into a new job, and the spool is the only copy that
 *       survives. It also gives the upload an exact length and lets rows that failed with
 *       {@code UNABLE_TO_LOCK_ROW} be re-read for resubmission. Disk use is bounded by the number of
 *       jobs in flight times the job size limit (100 MB by default); heap holds one row.</li>
 *   <li><b>Matching results to input rows.</b> Salesforce rejects unknown columns, so no correlation
 *       column can be added; results are matched on what they echo: {@code Id} (update, delete,
 *       hardDelete), the external id (upsert), or a digest of all original columns (insert). See
 *       {@link dev.forcelink.bulk.IngestJobHandle} and {@link dev.forcelink.bulk.LoadSummary#unmatchedResults()}
 *       for the limits.</li>
 *   <li><b>Pages land on disk first.</b> A result page is written to its destination or parsed only
 *       after it was downloaded completely (and its record count checked against
 *       {@code Sforce-NumberOfRecords}), so a dropped connection costs one refetch by locator and
 *       never corrupts the output.</li>
 * </ul>
 *
 * <p>CSV is written and read with FastCSV. Types here are immutable and thread-safe unless their
 * documentation says otherwise.
 */
package dev.forcelink.bulk;
