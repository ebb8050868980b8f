package dev.forcelink.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.exception.NotFoundException;
import dev.forcelink.testkit.RecordMatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest loads across several jobs and jobs that do not simply complete, against the emulator:
 * splitting, a job the org fails part way, row-lock resubmission, resuming from a job id in a fresh
 * client, abort, delete and the job lists.
 *
 * <p>Uses two orgs: one processing as fast as it can, one throttled to 100 rows a second so that a
 * job stays in progress for a few hundred milliseconds (long enough to pass a deadline or abort it;
 * nothing here asserts on time).
 */
class IngestJobsEmulatorTest {
  static EmulatorOrg org;
  static EmulatorOrg slowOrg;
  @TempDir Path temp;

  @BeforeAll
  static void start() {
    org = EmulatorOrg.start();
    slowOrg = EmulatorOrg.start(b -> b.bulkProcessingRate(100).bulkJobListPageSize(2));
  }

  @AfterAll
  static void stop() {
    org.close();
    slowOrg.close();
  }

  @AfterEach
  void clearFaults() {
    org.emulator.bulkFaults().clear();
    org.emulator.faults().clear();
  }

  private static String marker() {
    return "J" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static List<Map<String, Object>> contacts(String marker, int n) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("LastName", marker + " " + i);
      m.put("Title", "Title " + i);
      rows.add(m);
    }
    return rows;
  }

  private static List<RowResult> results(LoadResult load) {
    try (Stream<RowResult> s = load.results()) {
      return s.collect(Collectors.toList());
    }
  }

  private static Map<Long, RowResult> byRow(LoadResult load) {
    return results(load).stream().collect(Collectors.toMap(r -> r.rowNumber().getAsLong(), r -> r));
  }

  @Test
  void anInputLargerThanOneJobIsSplitAndEveryRowIsAccountedForExactlyOnce() {
    String marker = marker();
    int puts = org.emulator.requests().countOf("PUT", "/services/data/");
    try (BulkClient bulk = org.client(temp).maxJobRows(7).maxJobBytes(250).maxConcurrentJobs(3).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT).build(),
             RowSource.ofMaps(contacts(marker, 50)))) {
      LoadSummary summary = load.summary();
      assertThat(summary.jobs()).hasSizeGreaterThanOrEqualTo(8);
      assertThat(summary.jobs()).allSatisfy(j -> {
        assertThat(j.state()).isEqualTo(JobState.JOB_COMPLETE);
        assertThat(j.rows()).isBetween(1L, 7L);
        assertThat(j.succeeded()).isEqualTo(j.rows());
      });
      assertThat(summary.jobs().stream().mapToLong(JobSummary::rows).sum()).isEqualTo(50);
      assertThat(summary.rows()).isEqualTo(50);
      assertThat(summary.succeeded()).isEqualTo(50);
      List<RowResult> rows = results(load);
      assertThat(rows).hasSize(50);
      assertThat(rows.stream().map(r -> r.rowNumber().getAsLong()).collect(Collectors.toSet()))
          .hasSize(50).allMatch(n -> n >= 1 && n <= 50);
      assertThat(rows.stream().map(r -> r.id().orElseThrow()).collect(Collectors.toSet())).hasSize(50);
      for (RowResult r : rows) {
        assertThat(r.values()).containsEntry("LastName", marker + " " + r.rowNumber().getAsLong());
      }
      // One upload per job, never a second PUT into the same job.
      assertThat(org.emulator.requests().countOf("PUT", "/services/data/") - puts).isEqualTo(summary.jobs().size());
    }
    assertThat(org.restCount("SELECT COUNT() FROM Contact WHERE LastName LIKE '" + marker + "%'")).isEqualTo(50);
  }

  @Test
  void aJobTheOrgFailsPartWayReturnsFailedAndUnprocessedRowsJoinedToTheirInput() {
    String marker = marker();
    List<Map<String, Object>> rows = contacts(marker, 30);
    rows.get(2).put("LastName", "");
    rows.get(6).put("Title", "t".repeat(200));
    org.emulator.bulkFaults().failIngestJobAfter(10, "InvalidBatch : simulated failure of an internal batch");
    try (BulkClient bulk = org.client(temp).maxConcurrentJobs(1).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT).build(),
             RowSource.ofMaps(rows))) {
      LoadSummary summary = load.summary();
      assertThat(summary.jobs()).singleElement().satisfies(j -> {
        assertThat(j.state()).isEqualTo(JobState.FAILED);
        assertThat(j.errorMessage()).hasValue("InvalidBatch : simulated failure of an internal batch");
      });
      assertThat(summary.rows()).isEqualTo(30);
      assertThat(summary.succeeded()).isEqualTo(8);
      assertThat(summary.failed()).isEqualTo(2);
      assertThat(summary.unprocessed()).isEqualTo(20);
      assertThat(summary.unmatchedResults()).isZero();
      Map<Long, RowResult> byRow = byRow(load);
      assertThat(byRow).hasSize(30);
      assertThat(byRow.get(3L).status()).isEqualTo(RowStatus.FAILED);
      assertThat(byRow.get(3L).errorCode()).hasValue("REQUIRED_FIELD_MISSING");
      assertThat(byRow.get(7L).errorCode()).hasValue("STRING_TOO_LONG");
      assertThat(byRow.get(7L).values()).containsEntry("LastName", marker + " 7");
      for (long n = 11; n <= 30; n++) {
        RowResult r = byRow.get(n);
        assertThat(r.status()).isEqualTo(RowStatus.UNPROCESSED);
        assertThat(r.values()).containsEntry("LastName", marker + " " + n).containsEntry("Title", "Title " + n);
        assertThat(r.error()).hasValueSatisfying(e -> assertThat(e).contains("Failed", "InvalidBatch"));
      }

      // Processed rows are not rolled back; a new job with exactly the unprocessed rows finishes the load.
      assertThat(org.restCount("SELECT COUNT() FROM Contact WHERE LastName LIKE '" + marker + "%'")).isEqualTo(8);
      List<Map<String, String>> rest = results(load).stream().filter(r -> r.status() == RowStatus.UNPROCESSED)
          .map(RowResult::values).collect(Collectors.toList());
      try (LoadResult again = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT).build(),
          RowSource.ofMaps(rest))) {
        assertThat(again.summary().rows()).isEqualTo(20);
        assertThat(again.summary().allSucceeded()).isTrue();
      }
    }
    assertThat(org.restCount("SELECT COUNT() FROM Contact WHERE LastName LIKE '" + marker + "%'")).isEqualTo(28);
  }

  @Test
  void rowsThatHitARowLockAreResubmittedAloneInANewJob() {
    String marker = marker();
    org.emulator.faults().lockRecords(RecordMatcher.object("Contact").fieldEquals("LastName", marker + " 3"), 1);
    org.emulator.faults().lockRecords(RecordMatcher.object("Contact").fieldEquals("LastName", marker + " 6"), 1);
    try (BulkClient bulk = org.client(temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT)
             .retryTransientFailures(2).build(), RowSource.ofMaps(contacts(marker, 10)))) {
      LoadSummary summary = load.summary();
      assertThat(summary.allSucceeded()).as(summary.toString()).isTrue();
      assertThat(summary.jobs()).hasSize(2);
      JobSummary first = summary.jobs().stream().filter(j -> j.resubmissionOf().isEmpty()).findFirst().orElseThrow();
      JobSummary second = summary.jobs().stream().filter(j -> j.resubmissionOf().isPresent()).findFirst().orElseThrow();
      assertThat(first.resubmitted()).isEqualTo(2);
      assertThat(first.succeeded()).isEqualTo(8);
      assertThat(second.resubmissionOf()).isEqualTo(first.jobId());
      assertThat(second.rows()).isEqualTo(2);
      Map<Long, RowResult> byRow = byRow(load);
      assertThat(byRow).hasSize(10);
      assertThat(byRow.get(3L).jobId()).isEqualTo(second.jobId());
      assertThat(byRow.get(6L).jobId()).isEqualTo(second.jobId());
      assertThat(byRow.get(3L).values()).containsEntry("LastName", marker + " 3");
    }
    assertThat(org.emulator.faults().pendingRecordLocks()).isZero();
    assertThat(org.restCount("SELECT COUNT() FROM Contact WHERE LastName LIKE '" + marker + "%'")).isEqualTo(10);
  }

  @Test
  void withoutResubmissionABulkRowLockIsAFailedRowMarkedTransient() {
    String marker = marker();
    List<String> ids;
    try (BulkClient bulk = org.client(temp).build()) {
      ids = EmulatorOrg.insert(bulk, "Contact", contacts(marker, 3));
      org.emulator.faults().lockRecords(RecordMatcher.ids(ids.get(1)), 1);
      List<Map<String, Object>> updates = new ArrayList<>();
      for (String id : ids) {
        updates.add(Map.of("Id", id, "Title", "Updated"));
      }
      try (LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.UPDATE).build(),
          RowSource.ofMaps(updates))) {
        assertThat(load.summary().succeeded()).isEqualTo(2);
        assertThat(load.summary().failureReasons()).containsEntry("UNABLE_TO_LOCK_ROW", 1L);
        RowResult locked = byRow(load).get(2L);
        assertThat(locked.status()).isEqualTo(RowStatus.FAILED);
        assertThat(locked.isTransientFailure()).isTrue();
        assertThat(locked.error()).hasValueSatisfying(e -> assertThat(e).contains(ids.get(1)));
      }
    }
    assertThat(org.restQuery("SELECT Title FROM Contact WHERE Id = '" + ids.get(1) + "'")).contains("\"Title\":\"Title 2\"");
    assertThat(org.restQuery("SELECT Title FROM Contact WHERE Id = '" + ids.get(0) + "'")).contains("\"Title\":\"Updated\"");
  }

  @Test
  void aHandleHandedBackAtTheDeadlineIsFinishedByAFreshClient() {
    String marker = marker();
    String jobId;
    try (BulkClient bulk = slowOrg.client(temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT)
             .deadline(Duration.ofMillis(50)).build(), RowSource.ofMaps(contacts(marker, 60)))) {
      assertThat(load.pendingJobs()).hasSize(1);
      assertThat(load.summary().pending()).isEqualTo(60);
      assertThat(load.summary().allSucceeded()).isFalse();
      assertThat(load.summary().jobs().get(0).state().isTerminal()).isFalse();
      jobId = load.pendingJobs().get(0).id();
    }
    try (SalesforceConnection fresh = EmulatorOrg.connect(slowOrg.emulator);
         BulkClient later = EmulatorOrg.client(fresh, temp).build()) {
      IngestJobHandle handle = later.ingestJob(jobId);
      JobInfo done = handle.awaitCompletion(Duration.ofSeconds(30));
      assertThat(done.state()).isEqualTo(JobState.JOB_COMPLETE);
      assertThat(done.numberRecordsProcessed()).isEqualTo(60);
      assertThat(done.createdDate()).as("createdDate in Salesforce's +0000 form").isPresent();
      List<RowResult> rows = handle.results();
      assertThat(rows).hasSize(60).allMatch(r -> r.status() == RowStatus.SUCCEEDED && r.rowNumber().isEmpty());
      assertThat(rows.stream().map(r -> r.values().get("LastName")).collect(Collectors.toSet()))
          .hasSize(60).contains(marker + " 1", marker + " 60");
    }
  }

  @Test
  void anAbortedJobKeepsWhatItProcessedListsTheRestAsUnprocessedAndCanBeDeleted() {
    String marker = marker();
    IngestJobHandle handle;
    try (BulkClient bulk = slowOrg.client(temp).build()) {
      try (LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT)
          .deadline(Duration.ofMillis(50)).build(), RowSource.ofMaps(contacts(marker, 500)))) {
        handle = load.pendingJobs().get(0);
      }
      JobInfo aborted = handle.abort();
      assertThat(aborted.state()).isEqualTo(JobState.ABORTED);
      assertThat(handle.info().state()).isEqualTo(JobState.ABORTED);
      assertThatThrownBy(handle::abort).isInstanceOf(dev.forcelink.core.exception.SalesforceServiceException.class)
          .hasMessageContaining("INVALIDJOBSTATE");

      // The emulator moves the rows it had not reached to unprocessedrecords once it notices the abort.
      List<RowResult> rows = eventually(handle::results, r -> r.size() == 500);
      long succeeded = rows.stream().filter(r -> r.status() == RowStatus.SUCCEEDED).count();
      long unprocessed = rows.stream().filter(r -> r.status() == RowStatus.UNPROCESSED).count();
      assertThat(succeeded + unprocessed).isEqualTo(500);
      assertThat(unprocessed).isPositive();
      assertThat(slowOrg.restCount("SELECT COUNT() FROM Contact WHERE LastName LIKE '" + marker + "%'"))
          .isEqualTo(succeeded);

      assertThat(bulk.allIngestJobs().map(JobInfo::id)).contains(handle.id());
      handle.delete();
      assertThatThrownBy(handle::info).isInstanceOf(NotFoundException.class);
      assertThat(bulk.allIngestJobs().map(JobInfo::id)).doesNotContain(handle.id());
    }
  }

  @Test
  void jobListsArePagedAndStreamedWholeAcrossPages() {
    try (BulkClient bulk = slowOrg.client(temp).build()) {
      Set<String> created = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        try (LoadResult load = bulk.loadAndWait(IngestRequest.builder("Account", IngestOperation.INSERT).build(),
            RowSource.ofMaps(List.of(Map.of("Name", "Listed " + i))))) {
          created.add(load.summary().jobs().get(0).jobId().orElseThrow());
        }
      }
      QueryJobHandle query = bulk.query("SELECT Id FROM Account");
      query.awaitCompletion(Duration.ofSeconds(30));

      JobListPage first = bulk.listIngestJobs(null);
      assertThat(first.jobs()).hasSize(2);
      assertThat(first.done()).isFalse();
      assertThat(first.nextRecordsUrl()).isPresent();
      JobListPage second = bulk.listIngestJobs(first.nextRecordsUrl().get());
      assertThat(second.jobs()).isNotEmpty().doesNotContainAnyElementsOf(first.jobs());

      List<JobInfo> all = bulk.allIngestJobs().collect(Collectors.toList());
      assertThat(all.stream().map(JobInfo::id)).contains(created.toArray(new String[0])).doesNotHaveDuplicates();
      assertThat(all).allMatch(j -> "V2Ingest".equals(j.jobType().orElse(null)));
      assertThat(bulk.allQueryJobs().map(JobInfo::id)).contains(query.id());
    }
  }

  @Test
  void aFailedUploadIsNeverSentAgainIntoTheSameJobButIntoANewOne() {
    String marker = marker();
    org.emulator.faults().next(1, dev.forcelink.testkit.RequestMatcher.pathMatches(".*/jobs/ingest/[^/]+/batches")
        .method("PUT")).dropConnection();
    try (BulkClient bulk = org.client(temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT).build(),
             RowSource.ofMaps(contacts(marker, 5)))) {
      assertThat(load.summary().allSucceeded()).as(load.summary().toString()).isTrue();
      JobSummary job = load.summary().jobs().get(0);
      assertThat(job.abortedAfterFailedUpload()).hasSize(1);
      String aborted = job.abortedAfterFailedUpload().get(0);
      assertThat(bulk.ingestJob(aborted).info().state()).isEqualTo(JobState.ABORTED);
      assertThat(job.jobId().orElseThrow()).isNotEqualTo(aborted);
    }
    assertThat(org.restCount("SELECT COUNT() FROM Contact WHERE LastName LIKE '" + marker + "%'")).isEqualTo(5);
  }

  @Test
  void resultDownloadsCutOffMidBodyOrSlowStillMatchEveryRowOnce() {
    String marker = marker();
    List<Map<String, Object>> rows = contacts(marker, 40);
    rows.get(4).put("LastName", "");
    org.emulator.bulkFaults().dropResultPages(2);
    org.emulator.bulkFaults().delayResultPages(1, Duration.ofMillis(20));
    try (BulkClient bulk = org.client(temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT).build(),
             RowSource.ofMaps(rows))) {
      assertThat(load.summary().succeeded()).isEqualTo(39);
      assertThat(load.summary().failed()).isEqualTo(1);
      assertThat(load.summary().unmatchedResults()).isZero();
      assertThat(byRow(load)).hasSize(40);
    }
    assertThat(org.emulator.bulkFaults().pending()).isZero();
  }

  /** Polls until the condition holds (for at most 20 s); what it returns is then asserted. */
  static <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) {
    Instant until = Instant.now().plusSeconds(20);
    T value = read.get();
    while (!done.test(value) && Instant.now().isBefore(until)) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      value = read.get();
    }
    return value;
  }
}
