/**
 * The emulator's Bulk API 2.0: ingest and query jobs under {@code /services/data/vXX.X/jobs/}, their state machine,
 * background processing through the org's {@link dev.forcelink.testkit.internal.org.RecordStore} and SOQL engine,
 * CSV uploads and results kept in temporary files, and the Bulk faults a test can script.
 *
 * <p>Internal to the test kit; the public entry points are {@link dev.forcelink.testkit.BulkFaults} and the
 * {@code bulk…} options of {@link dev.forcelink.testkit.SalesforceEmulator.Builder}.
 */
package dev.forcelink.testkit.internal.bulk;
