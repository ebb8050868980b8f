package dev.forcelink.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query and queryAll jobs against the emulator: locator paging with {@code maxRecords}, the parallel
 * {@code resultPages} path, CSV copies and lazy records, dropped and slow result pages.
 *
 * <p>The org serves {@code resultPages} in pages of 20 records and holds 130 Accounts named
 * {@code Q…} (a few with text that needs quoting), 10 of them deleted.
 */
class QueryEmulatorTest {
  static final int ROWS = 130;
  static final String SOQL = "SELECT Id, Name, Description, NumberOfEmployees FROM Account WHERE Name LIKE 'Q%'";
  static EmulatorOrg org;
  static List<String> ids;
  @TempDir Path temp;

  @BeforeAll
  static void seed(@TempDir Path seedTemp) {
    org = EmulatorOrg.start(b -> b.bulkResultPageSize(20));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= ROWS; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Name", String.format("Q%04d", i));
      m.put("Description", i % 10 == 0 ? "line one\nline \"two\", three" : "plain " + i);
      m.put("NumberOfEmployees", i);
      rows.add(m);
    }
    try (BulkClient bulk = org.client(seedTemp).build()) {
      ids = EmulatorOrg.insert(bulk, "Account", rows);
      List<Map<String, Object>> deletes = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        deletes.add(Map.of("Id", ids.get(i * 13)));
      }
      try (LoadResult load = bulk.loadAndWait(IngestRequest.builder("Account", IngestOperation.DELETE).build(),
          RowSource.ofMaps(deletes))) {
        assertThat(load.summary().allSucceeded()).isTrue();
      }
    }
  }

  @AfterAll
  static void stop() {
    org.close();
  }

  @AfterEach
  void clearFaults() {
    org.emulator.bulkFaults().clear();
  }

  private static int gets(String pathEnd) {
    return (int) org.emulator.requests().list().stream()
        .filter(r -> r.method().equals("GET") && r.path().endsWith(pathEnd)).count();
  }

  private static int resultGets() {
    return gets("/results");
  }

  private static String copy(BulkClient bulk, QueryRequest request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long n = bulk.query(request).copyResultsTo(out);
    String csv = out.toString(StandardCharsets.UTF_8);
    assertThat(csv.chars().filter(c -> c == '\n').count()).isGreaterThanOrEqualTo(n + 1);
    return csv;
  }

  /** The whole result in one page: the reference every other path must reproduce byte for byte. */
  private String onePage(QueryRequest request) {
    try (BulkClient bulk = org.client(temp).parallelDownloads(1).pageSize(1_000_000).build()) {
      return copy(bulk, request);
    }
  }

  @Test
  void serialPagingWithMaxRecordsCopiesTheHeaderOnceAndEveryRowInOrder() {
    String reference = onePage(QueryRequest.of(SOQL + " ORDER BY Name"));
    int before = resultGets();
    try (BulkClient bulk = org.client(temp).parallelDownloads(1).pageSize(25).build()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long records = bulk.query(SOQL + " ORDER BY Name").copyResultsTo(out);
      assertThat(records).isEqualTo(ROWS - 10);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(reference);
    }
    assertThat(resultGets() - before).isEqualTo(5);
    assertThat(reference).startsWith("\"Id\",\"Name\",\"Description\",\"NumberOfEmployees\"\n");
    assertThat(reference).contains("\"line one\nline \"\"two\"\", three\"");
    assertThat(temp.toFile().list()).isEmpty();
  }

  @Test
  void parallelResultPagesGiveBytesIdenticalToTheSerialPathInEveryDialect() {
    for (ColumnDelimiter delimiter : List.of(ColumnDelimiter.COMMA, ColumnDelimiter.TAB)) {
      for (LineEnding ending : LineEnding.values()) {
        QueryRequest request = QueryRequest.builder(SOQL).columnDelimiter(delimiter).lineEnding(ending).build();
        String serial;
        try (BulkClient bulk = org.client(temp).parallelDownloads(1).pageSize(20).build()) {
          serial = copy(bulk, request);
        }
        int listings = gets("/resultPages");
        String parallel;
        try (BulkClient bulk = org.client(temp).parallelDownloads(4).build()) {
          parallel = copy(bulk, request);
        }
        assertThat(parallel).as("%s %s", delimiter, ending).isEqualTo(serial);
        // 120 rows in pages of 20, listed 5 to a response: two listings.
        assertThat(gets("/resultPages") - listings).isEqualTo(2);
      }
    }
  }

  @Test
  void queryAllIncludesDeletedRecordsAndQueryDoesNot() {
    try (BulkClient bulk = org.client(temp).build()) {
      QueryJobHandle all = bulk.query(QueryRequest.builder("SELECT Id, IsDeleted FROM Account WHERE Name LIKE 'Q%'")
          .includeDeleted(true).build());
      Map<String, String> deleted;
      try (Stream<BulkRecord> records = all.records()) {
        deleted = records.collect(Collectors.toMap(r -> r.get("Id"), r -> r.get("IsDeleted")));
      }
      assertThat(deleted).hasSize(ROWS);
      assertThat(deleted.values().stream().filter("true"::equals).count()).isEqualTo(10);
      assertThat(deleted).containsEntry(ids.get(13), "true").containsEntry(ids.get(1), "false");
      try (Stream<BulkRecord> live = bulk.query("SELECT Id FROM Account WHERE Name LIKE 'Q%'").records()) {
        assertThat(live.count()).isEqualTo(ROWS - 10);
      }
      assertThat(all.info().operation()).hasValue("queryAll");
    }
  }

  @Test
  void recordsAreReadLazilyAPageAtATimeAndClosingEarlyLeavesNoFileBehind() throws IOException {
    int before = resultGets();
    try (BulkClient bulk = org.client(temp).parallelDownloads(1).pageSize(25).build()) {
      QueryJobHandle job = bulk.query(SOQL + " ORDER BY Name");
      try (Stream<BulkRecord> records = job.records()) {
        Iterator<BulkRecord> it = records.iterator();
        BulkRecord first = it.next();
        assertThat(first.get("Name")).isEqualTo("Q0002");
        assertThat(first.get("numberofemployees")).isEqualTo("2");
        assertThat(first.columns()).containsExactly("Id", "Name", "Description", "NumberOfEmployees");
        for (int i = 1; i < 30; i++) {
          it.next();
        }
        assertThat(resultGets() - before).isEqualTo(2);
        try (Stream<Path> files = Files.list(temp)) {
          assertThat(files.count()).isLessThanOrEqualTo(1);
        }
      }
      assertThat(temp.toFile().list()).isEmpty();
      List<Integer> sizes = job.records(r -> Integer.parseInt(r.get("NumberOfEmployees"))).collect(Collectors.toList());
      assertThat(sizes).hasSize(ROWS - 10).isSorted();
    }
  }

  @Test
  void aConnectionDroppedInTheMiddleOfAPageGivesOutputIdenticalToACleanRun() {
    String reference = onePage(QueryRequest.of(SOQL));
    for (int parallel : new int[] {1, 4}) {
      int before = resultGets();
      org.emulator.bulkFaults().dropResultPages(2);
      try (BulkClient bulk = org.client(temp).parallelDownloads(parallel).pageSize(20).build()) {
        assertThat(copy(bulk, QueryRequest.of(SOQL))).as("parallelDownloads %d", parallel).isEqualTo(reference);
      }
      assertThat(org.emulator.bulkFaults().pending()).isZero();
      assertThat(resultGets() - before).as("pages fetched, two of them twice").isEqualTo(6 + 2);
    }
    assertThat(temp.toFile().list()).isEmpty();
  }

  @Test
  void slowResultPagesStillGiveIdenticalOutputOnBothPaths() {
    String reference = onePage(QueryRequest.of(SOQL));
    for (int parallel : new int[] {1, 4}) {
      org.emulator.bulkFaults().delayResultPages(6, Duration.ofMillis(30));
      try (BulkClient bulk = org.client(temp).parallelDownloads(parallel).pageSize(20).build()) {
        assertThat(copy(bulk, QueryRequest.of(SOQL))).isEqualTo(reference);
      }
      assertThat(org.emulator.bulkFaults().pending()).as("every page was delayed").isZero();
    }
  }

  @Test
  void aFailedQueryJobIsReportedWithItsErrorAndAnAbortedOneCanBeDeleted() {
    try (BulkClient bulk = org.client(temp).build()) {
      org.emulator.bulkFaults().failQueryJob("InternalServerError : simulated");
      QueryJobHandle failed = bulk.query(SOQL);
      assertThatThrownBy(() -> failed.copyResultsTo(new ByteArrayOutputStream()))
          .isInstanceOf(BulkJobException.class)
          .hasMessageContaining(failed.id()).hasMessageContaining("Failed").hasMessageContaining("simulated");
      assertThat(failed.info().state()).isEqualTo(JobState.FAILED);
      failed.delete();
      assertThat(bulk.allQueryJobs().map(JobInfo::id)).doesNotContain(failed.id());

      assertThatThrownBy(() -> bulk.query("SELECT Nope__c FROM Account"))
          .isInstanceOf(dev.forcelink.core.exception.SalesforceServiceException.class)
          .hasMessageContaining("INVALID_FIELD");
    }
  }
}
