package dev.forcelink.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.bulk.internal.PipelineGauge;
import dev.forcelink.core.SalesforceConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest loads against the stateful in-test fake: splitting, matching, failures, resubmission, deadlines. */
class IngestLoadTest {
  @TempDir Path temp;
  FakeBulkServer server;
  SalesforceConnection connection;

  @BeforeEach
  void start() throws Exception {
    server = new FakeBulkServer();
    connection = TestConnections.connection(server.baseUrl());
  }

  @AfterEach
  void stop() {
    connection.close();
    server.close();
  }

  static List<Map<String, Object>> contacts(int n) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("LastName", "Name " + i);
      m.put("Email", "c" + i + "@example.com");
      rows.add(m);
    }
    return rows;
  }

  @Test
  void inputLargerThanOneJobIsSplitAndEveryRowIsAccountedForOnce() {
    try (BulkClient bulk = TestConnections.client(connection, temp).maxJobBytes(300).maxConcurrentJobs(2).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT).build(),
             RowSource.ofMaps(contacts(100)))) {
      assertThat(server.jobs).hasSizeGreaterThan(5);
      for (FakeBulkServer.Job job : server.jobs.values()) {
        assertThat(job.puts.get()).isEqualTo(1);
        assertThat(job.upload.length).isLessThanOrEqualTo(300);
      }
      List<RowResult> results;
      try (Stream<RowResult> s = load.results()) {
        results = s.collect(Collectors.toList());
      }
      assertThat(results).hasSize(100).allMatch(r -> r.status() == RowStatus.SUCCEEDED);
      assertThat(results.stream().map(r -> r.rowNumber().getAsLong()).collect(Collectors.toSet()))
          .isEqualTo(LongSet.range(1, 100));
      for (RowResult r : results) {
        assertThat(r.values().get("LastName")).isEqualTo("Name " + r.rowNumber().getAsLong());
        assertThat(r.id()).isPresent();
      }
      assertThat(load.summary().rows()).isEqualTo(100);
      assertThat(load.summary().succeeded()).isEqualTo(100);
      assertThat(load.summary().jobs()).hasSize(server.jobs.size());
      assertThat(load.summary().allSucceeded()).isTrue();
    }
  }

  @Test
  void aJobThatFailsPartWayReportsFailedAndUnprocessedRowsJoinedToTheirInput() {
    server.failAfterRows = 4;
    server.outcome = row -> row.get("LastName").equals("Name 2") ? "REQUIRED_FIELD_MISSING:Required fields are missing: [Email]:Email --" : null;
    try (BulkClient bulk = TestConnections.client(connection, temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT).build(),
             RowSource.ofMaps(contacts(10)))) {
      Map<Long, RowResult> byRow;
      try (Stream<RowResult> s = load.results()) {
        byRow = s.collect(Collectors.toMap(r -> r.rowNumber().getAsLong(), r -> r));
      }
      assertThat(byRow).hasSize(10);
      assertThat(byRow.get(1L).status()).isEqualTo(RowStatus.SUCCEEDED);
      assertThat(byRow.get(2L).status()).isEqualTo(RowStatus.FAILED);
      assertThat(byRow.get(2L).errorCode()).contains("REQUIRED_FIELD_MISSING");
      assertThat(byRow.get(2L).values().get("Email")).isEqualTo("c2@example.com");
      for (long r = 5; r <= 10; r++) {
        assertThat(byRow.get(r).status()).isEqualTo(RowStatus.UNPROCESSED);
        assertThat(byRow.get(r).values().get("LastName")).isEqualTo("Name " + r);
        assertThat(byRow.get(r).error()).hasValueSatisfying(e -> assertThat(e).contains("Failed", "InvalidBatch"));
      }
      JobSummary job = load.summary().jobs().get(0);
      assertThat(job.state()).isEqualTo(JobState.FAILED);
      assertThat(job.errorMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("InvalidBatch"));
      assertThat(load.summary().succeeded()).isEqualTo(3);
      assertThat(load.summary().failed()).isEqualTo(1);
      assertThat(load.summary().unprocessed()).isEqualTo(6);
      assertThat(load.summary().failureReasons()).containsEntry("REQUIRED_FIELD_MISSING", 1L);
    }
  }

  @Test
  void rowsThatFailedOnARowLockAreResubmittedAloneInANewJob() {
    Set<String> lockedOnce = ConcurrentHashMap.newKeySet();
    server.outcome = row -> {
      int n = Integer.parseInt(row.get("LastName").substring(5));
      return n % 3 == 0 && lockedOnce.add(row.get("LastName"))
          ? "UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--" : null;
    };
    try (BulkClient bulk = TestConnections.client(connection, temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT)
             .retryTransientFailures(1).build(), RowSource.ofMaps(contacts(10)))) {
      assertThat(server.jobs).hasSize(2);
      FakeBulkServer.Job second = server.jobsInOrder().get(1);
      assertThat(new String(second.upload, java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo("LastName,Email\nName 3,c3@example.com\nName 6,c6@example.com\nName 9,c9@example.com\n");
      assertThat(load.summary().succeeded()).isEqualTo(10);
      assertThat(load.summary().jobs()).extracting(JobSummary::resubmitted).containsExactlyInAnyOrder(3L, 0L);
      assertThat(load.summary().jobs().stream().filter(j -> j.resubmissionOf().isPresent()).count()).isEqualTo(1);
      try (Stream<RowResult> s = load.results()) {
        assertThat(s.map(r -> r.rowNumber().getAsLong()).sorted().collect(Collectors.toList()))
            .isEqualTo(LongSet.range(1, 10).stream().sorted().collect(Collectors.toList()));
      }
    }
  }

  @Test
  void withoutResubmissionARowLockIsAFailureMarkedTransient() {
    server.outcome = row -> row.get("LastName").equals("Name 1") ? "UNABLE_TO_LOCK_ROW:busy:--" : null;
    try (BulkClient bulk = TestConnections.client(connection, temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT).build(),
             RowSource.ofMaps(contacts(2)))) {
      try (Stream<RowResult> s = load.results()) {
        RowResult failed = s.filter(r -> r.status() == RowStatus.FAILED).findFirst().orElseThrow();
        assertThat(failed.rowNumber()).hasValue(1);
        assertThat(failed.isTransientFailure()).isTrue();
      }
      assertThat(server.jobs).hasSize(1);
    }
  }

  @Test
  void updatesMatchResultsByIdAndIdenticalInsertRowsAreEachClaimedOnce() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Id", "003000000000000AA" + i);
      m.put("Title", i == 2 ? null : "T" + i);
      rows.add(m);
    }
    server.outcome = row -> row.get("Id").endsWith("3") ? "ENTITY_IS_DELETED:entity is deleted:--" : null;
    try (BulkClient bulk = TestConnections.client(connection, temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.UPDATE).build(),
             RowSource.ofMaps(rows))) {
      String uploaded = new String(server.jobsInOrder().get(0).upload, java.nio.charset.StandardCharsets.UTF_8);
      assertThat(uploaded).contains("003000000000000AA2,#N/A\n");
      try (Stream<RowResult> s = load.results()) {
        Map<Long, RowStatus> status = s.collect(Collectors.toMap(r -> r.rowNumber().getAsLong(), RowResult::status));
        assertThat(status).containsEntry(3L, RowStatus.FAILED).containsEntry(1L, RowStatus.SUCCEEDED)
            .containsEntry(2L, RowStatus.SUCCEEDED).containsEntry(4L, RowStatus.SUCCEEDED);
      }
    }
    server.outcome = row -> null;
    List<Map<String, Object>> twins = List.of(Map.of("Name", "Same"), Map.of("Name", "Same"), Map.of("Name", "Other"));
    try (BulkClient bulk = TestConnections.client(connection, temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Account", IngestOperation.INSERT).build(),
             RowSource.ofMaps(twins))) {
      try (Stream<RowResult> s = load.results()) {
        List<RowResult> all = s.collect(Collectors.toList());
        assertThat(all).allMatch(r -> r.status() == RowStatus.SUCCEEDED);
        assertThat(all.stream().map(r -> r.rowNumber().getAsLong()).sorted()).containsExactly(1L, 2L, 3L);
      }
    }
  }

  @Test
  void pollingGivesUpAtTheDeadlineWithAHandleThatAFreshClientFinishes() {
    server.pollsBeforeComplete = -1;
    String jobId;
    try (BulkClient bulk = TestConnections.client(connection, temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT)
             .deadline(Duration.ofMillis(200)).build(), RowSource.ofMaps(contacts(3)))) {
      assertThat(load.pendingJobs()).hasSize(1);
      assertThat(load.summary().pending()).isEqualTo(3);
      assertThat(load.summary().jobs().get(0).state()).isEqualTo(JobState.IN_PROGRESS);
      try (Stream<RowResult> s = load.results()) {
        assertThat(s.count()).isZero();
      }
      jobId = load.pendingJobs().get(0).id();
    }
    server.pollsBeforeComplete = 0;
    try (SalesforceConnection fresh = TestConnections.connection(server.baseUrl());
         BulkClient later = TestConnections.client(fresh, temp).build()) {
      IngestJobHandle handle = later.ingestJob(jobId);
      JobInfo done = handle.awaitCompletion(Duration.ofSeconds(5));
      assertThat(done.state()).isEqualTo(JobState.JOB_COMPLETE);
      List<RowResult> results = handle.results();
      assertThat(results).hasSize(3).allMatch(r -> r.status() == RowStatus.SUCCEEDED && r.rowNumber().isEmpty());
      assertThat(results).extracting(r -> r.values().get("LastName")).containsExactlyInAnyOrder("Name 1", "Name 2", "Name 3");
    }
  }

  @Test
  void encodingAndSplittingHoldOneRowInMemoryAndAtMostTheConfiguredJobsInFlight() {
    int rows = 4_000;
    Stream<Map<String, Object>> input = IntStream.rangeClosed(1, rows).mapToObj(i -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("LastName", "Name " + i);
      m.put("Note", "line one\nline \"two\", with comma " + i);
      return m;
    });
    try (BulkClient bulk = TestConnections.client(connection, temp).maxJobBytes(30_000).maxConcurrentJobs(2).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT).build(),
             RowSource.ofMaps(input))) {
      assertThat(load.summary().succeeded()).isEqualTo(rows);
      assertThat(server.jobs.size()).isGreaterThan(4);
      PipelineGauge gauge = bulk.gauge();
      assertThat(gauge.peak(PipelineGauge.Kind.ROWS_IN_MEMORY)).isEqualTo(1);
      assertThat(gauge.peak(PipelineGauge.Kind.JOBS_IN_FLIGHT)).isBetween(1L, 2L);
      assertThat(gauge.current(PipelineGauge.Kind.JOBS_IN_FLIGHT)).isZero();
    }
    assertThat(temp.toFile().list()).isEmpty();
  }

  @Test
  void aMalformedRowStopsTheLoadWithTheRowNumber() {
    List<Map<String, Object>> rows = new ArrayList<>(contacts(2));
    rows.add(Map.of("Surprise", "x"));
    try (BulkClient bulk = TestConnections.client(connection, temp).build()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> bulk.loadAndWait(
              IngestRequest.builder("Contact", IngestOperation.INSERT).build(), RowSource.ofMaps(rows)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Row 3").hasMessageContaining("Surprise");
    }
  }

  @Test
  void csvFilesAndRowWritersAreReEncodedInTheJobsDialectAndResultsCanBeWrittenSpreadsheetSafe() throws Exception {
    Path csv = temp.resolve("in.csv");
    java.nio.file.Files.writeString(csv, "Name,Note\r\n\"Acme, Inc.\",\"=1+1\"\r\nBeta,\"two\nlines\"\r\n");
    try (BulkClient bulk = TestConnections.client(connection, temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Account", IngestOperation.INSERT)
             .columnDelimiter(ColumnDelimiter.PIPE).build(), RowSource.ofCsv(csv))) {
      assertThat(new String(server.jobsInOrder().get(0).upload, java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo("Name|Note\nAcme, Inc.|=1+1\nBeta|\"two\nlines\"\n");
      assertThat(load.summary().succeeded()).isEqualTo(2);
      java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
      load.writeResultsCsv(raw);
      java.io.ByteArrayOutputStream safe = new java.io.ByteArrayOutputStream();
      load.writeResultsCsv(safe, true);
      assertThat(raw.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith(
          "sf__Row,sf__Job,sf__Status,sf__Id,sf__Created,sf__Error,Name,Note\n").contains(",=1+1\n");
      assertThat(safe.toString(java.nio.charset.StandardCharsets.UTF_8)).contains(",'=1+1\n").doesNotContain(",=1+1");
    }
    try (BulkClient bulk = TestConnections.client(connection, temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Account", IngestOperation.INSERT).build(),
             RowSource.fromWriter(List.of("Name", "Rating"), sink -> {
               sink.row("W1", null);
               sink.row(Map.of("Name", "W2"));
             }))) {
      assertThat(new String(server.jobsInOrder().get(1).upload, java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo("Name,Rating\nW1,#N/A\nW2,\n");
      assertThat(load.summary().succeeded()).isEqualTo(2);
    }
  }

  /** Sets of longs for assertions. */
  static final class LongSet {
    static Set<Long> range(long from, long to) {
      return java.util.stream.LongStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
    }
  }
}
