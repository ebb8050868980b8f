package dev.forcelink.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ingest operation, input source and CSV dialect through {@link BulkClient#loadAndWait}
 * against the emulator, with what landed in the org read back through the REST API.
 */
class IngestEmulatorTest {
  static EmulatorOrg org;
  @TempDir Path temp;

  @BeforeAll
  static void start() {
    org = EmulatorOrg.start();
  }

  @AfterAll
  static void stop() {
    org.close();
  }

  /** A marker unique to one test, so tests sharing the org count only their own records. */
  private static String marker() {
    return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static List<Map<String, Object>> contacts(String marker, int n) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("LastName", marker + " " + i);
      m.put("Email", "c" + i + "@example.com");
      m.put("External_ERP_Id__c", marker + "-" + i);
      rows.add(m);
    }
    return rows;
  }

  private static List<RowResult> results(LoadResult load) {
    try (Stream<RowResult> s = load.results()) {
      return s.sorted(java.util.Comparator.comparingLong(r -> r.rowNumber().orElse(0))).collect(Collectors.toList());
    }
  }

  private long count(String where) {
    return org.restCount("SELECT COUNT() FROM Contact WHERE " + where);
  }

  @Test
  void insertFromMapsCreatesEveryRowAndReturnsItsIdJoinedToTheInputRow() {
    String marker = marker();
    try (BulkClient bulk = org.client(temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT).build(),
             RowSource.ofMaps(contacts(marker, 12)))) {
      assertThat(load.summary().allSucceeded()).isTrue();
      assertThat(load.summary().jobs()).singleElement()
          .satisfies(j -> assertThat(j.state()).isEqualTo(JobState.JOB_COMPLETE));
      List<RowResult> rows = results(load);
      assertThat(rows).hasSize(12);
      for (RowResult r : rows) {
        long n = r.rowNumber().getAsLong();
        assertThat(r.status()).isEqualTo(RowStatus.SUCCEEDED);
        assertThat(r.created()).isTrue();
        assertThat(r.id()).hasValueSatisfying(id -> assertThat(id).startsWith("003").hasSize(18));
        assertThat(r.values()).containsEntry("LastName", marker + " " + n).containsEntry("Email", "c" + n + "@example.com");
        assertThat(org.restQuery("SELECT LastName FROM Contact WHERE Id = '" + r.id().get() + "'"))
            .contains("\"LastName\":\"" + marker + " " + n + "\"");
      }
    }
    assertThat(count("LastName LIKE '" + marker + "%'")).isEqualTo(12);
  }

  /** A user type for the object source. */
  static final class Person {
    final String id;
    final String title;
    final String department;

    Person(String id, String title, String department) {
      this.id = id;
      this.title = title;
      this.department = department;
    }
  }

  @Test
  void updateFromObjectsSetsNullWithNaAndLeavesEmptyCellsUnchanged() {
    String marker = marker();
    List<String> ids;
    try (BulkClient bulk = org.client(temp).build()) {
      List<Map<String, Object>> seed = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        seed.add(new LinkedHashMap<>(Map.of("LastName", marker + " " + i, "Title", "Old title", "Department", "Old dept")));
      }
      ids = EmulatorOrg.insert(bulk, "Contact", seed);
      RowMapper<Person> mapper = RowMapper.<Person>builder()
          .column("Id", p -> p.id)
          .column("Title", p -> p.title)
          .column("Department", p -> p.department == null ? RowMapper.UNCHANGED : p.department)
          .build();
      List<Person> people = List.of(
          new Person(ids.get(0), "New title", null),   // Department left as it is
          new Person(ids.get(1), null, "New dept"),    // Title cleared with #N/A
          new Person(ids.get(2), "", ""));              // empty cells: nothing changes
      try (LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.UPDATE).build(),
          RowSource.of(people, mapper))) {
        assertThat(load.summary().succeeded()).isEqualTo(3);
        assertThat(results(load)).allSatisfy(r -> {
          assertThat(r.created()).isFalse();
          assertThat(r.id()).hasValue(ids.get((int) r.rowNumber().getAsLong() - 1));
        });
      }
    }
    String first = org.restQuery("SELECT Title, Department FROM Contact WHERE Id = '" + ids.get(0) + "'");
    assertThat(first).contains("\"Title\":\"New title\"", "\"Department\":\"Old dept\"");
    String second = org.restQuery("SELECT Title, Department FROM Contact WHERE Id = '" + ids.get(1) + "'");
    assertThat(second).contains("\"Title\":null", "\"Department\":\"New dept\"");
    String third = org.restQuery("SELECT Title, Department FROM Contact WHERE Id = '" + ids.get(2) + "'");
    assertThat(third).contains("\"Title\":\"Old title\"", "\"Department\":\"Old dept\"");
  }

  @Test
  void upsertFromACsvFileUpdatesMatchesAndCreatesTheRestByExternalId() throws Exception {
    String marker = marker();
    try (BulkClient bulk = org.client(temp).build()) {
      EmulatorOrg.insert(bulk, "Contact", contacts(marker, 2));
      Path csv = temp.resolve("upsert.csv");
      Files.writeString(csv, "External_ERP_Id__c,LastName,Title\n"
          + marker + "-1," + marker + " one,\"Chief, \"\"Data\"\"\"\n"
          + marker + "-2," + marker + " two,#N/A\n"
          + marker + "-3," + marker + " three,\"multi\nline\"\n", StandardCharsets.UTF_8);
      try (LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.UPSERT)
          .externalIdFieldName("External_ERP_Id__c").build(), RowSource.ofCsv(csv))) {
        List<RowResult> rows = results(load);
        assertThat(rows).extracting(RowResult::status).containsOnly(RowStatus.SUCCEEDED);
        assertThat(rows).extracting(RowResult::created).containsExactly(false, false, true);
        assertThat(rows.get(0).values()).containsEntry("Title", "Chief, \"Data\"");
        assertThat(rows.get(2).values()).containsEntry("Title", "multi\nline");
      }
    }
    assertThat(org.restQuery("SELECT Title FROM Contact WHERE External_ERP_Id__c = '" + marker + "-1'"))
        .contains("\"Title\":\"Chief, \\\"Data\\\"\"");
    assertThat(org.restQuery("SELECT Title FROM Contact WHERE External_ERP_Id__c = '" + marker + "-3'"))
        .contains("\"Title\":\"multi\\nline\"");
    assertThat(count("External_ERP_Id__c LIKE '" + marker + "%'")).isEqualTo(3);
  }

  @Test
  void deleteMovesRecordsToTheRecycleBinAndHardDeleteRemovesThem() {
    String marker = marker();
    try (BulkClient bulk = org.client(temp).build()) {
      List<String> ids = EmulatorOrg.insert(bulk, "Contact", contacts(marker, 4));
      List<Map<String, Object>> soft = List.of(Map.of("Id", ids.get(0)), Map.of("Id", ids.get(1).substring(0, 15)));
      try (LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.DELETE).build(),
          RowSource.ofMaps(soft))) {
        assertThat(load.summary().succeeded()).isEqualTo(2);
        assertThat(results(load)).extracting(r -> r.id().orElseThrow()).containsExactly(ids.get(0), ids.get(1));
      }
      try (LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.HARD_DELETE).build(),
          RowSource.ofMaps(List.of(Map.of("Id", ids.get(2)))))) {
        assertThat(load.summary().succeeded()).isEqualTo(1);
      }
      assertThat(count("LastName LIKE '" + marker + "%'")).isEqualTo(1);
      QueryJobHandle all = bulk.query(QueryRequest.builder(
          "SELECT Id, IsDeleted FROM Contact WHERE LastName LIKE '" + marker + "%'").includeDeleted(true).build());
      try (Stream<BulkRecord> records = all.records()) {
        Map<String, String> deleted = records.collect(Collectors.toMap(r -> r.get("Id"), r -> r.get("IsDeleted")));
        assertThat(deleted).containsOnlyKeys(ids.get(0), ids.get(1), ids.get(3))
            .containsEntry(ids.get(0), "true").containsEntry(ids.get(3), "false");
      }
    }
  }

  static Stream<Arguments> dialects() {
    List<Arguments> all = new ArrayList<>();
    for (ColumnDelimiter d : ColumnDelimiter.values()) {
      for (LineEnding e : LineEnding.values()) {
        all.add(Arguments.of(d, e));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dialects")
  void everyDelimiterAndLineEndingRoundTripsValuesThatNeedQuoting(ColumnDelimiter delimiter, LineEnding ending) {
    String marker = marker();
    String tricky = "a" + delimiter.character() + "b, \"q\"\r\nnext`^|;\tend";
    List<Map<String, Object>> rows = List.of(
        new LinkedHashMap<>(Map.of("LastName", marker + " 1", "Description", tricky)),
        new LinkedHashMap<>(Map.of("LastName", marker + " 2", "Description", "plain")));
    try (BulkClient bulk = org.client(temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT)
             .columnDelimiter(delimiter).lineEnding(ending).build(), RowSource.ofMaps(rows))) {
      assertThat(load.summary().allSucceeded()).as(load.summary().toString()).isTrue();
      List<RowResult> results = results(load);
      assertThat(results.get(0).values()).containsEntry("Description", tricky);
      QueryJobHandle query = bulk.query(QueryRequest.builder(
              "SELECT LastName, Description FROM Contact WHERE LastName LIKE '" + marker + "%' ORDER BY LastName")
          .columnDelimiter(delimiter).lineEnding(ending).build());
      try (Stream<BulkRecord> records = query.records()) {
        assertThat(records.map(r -> r.get("Description"))).containsExactly(tricky, "plain");
      }
    }
  }

  @Test
  void rowsTheOrgRefusesComeBackAsFailedRowsJoinedToTheirInputWithReasons() {
    String marker = marker();
    List<Map<String, Object>> rows = new ArrayList<>(contacts(marker, 6));
    rows.get(1).put("LastName", "");                      // an empty cell leaves the required field unset
    rows.get(3).put("LastName", marker + "x".repeat(90)); // 80 characters at most
    rows.get(4).put("LastName", null);                    // #N/A on a required field
    try (BulkClient bulk = org.client(temp).build();
         LoadResult load = bulk.loadAndWait(IngestRequest.builder("Contact", IngestOperation.INSERT).build(),
             RowSource.ofMaps(rows))) {
      LoadSummary summary = load.summary();
      assertThat(summary.rows()).isEqualTo(6);
      assertThat(summary.succeeded()).isEqualTo(3);
      assertThat(summary.failed()).isEqualTo(3);
      assertThat(summary.unprocessed()).isZero();
      assertThat(summary.failureReasons()).containsEntry("REQUIRED_FIELD_MISSING", 2L).containsEntry("STRING_TOO_LONG", 1L);
      assertThat(summary.jobs().get(0).state()).isEqualTo(JobState.JOB_COMPLETE);
      Map<Long, RowResult> byRow = results(load).stream()
          .collect(Collectors.toMap(r -> r.rowNumber().getAsLong(), r -> r));
      assertThat(byRow.get(2L).status()).isEqualTo(RowStatus.FAILED);
      assertThat(byRow.get(2L).errorCode()).hasValue("REQUIRED_FIELD_MISSING");
      assertThat(byRow.get(2L).error()).hasValueSatisfying(e -> assertThat(e).contains("LastName"));
      assertThat(byRow.get(2L).values()).containsEntry("External_ERP_Id__c", marker + "-2");
      assertThat(byRow.get(4L).errorCode()).hasValue("STRING_TOO_LONG");
      assertThat(byRow.get(4L).values()).containsEntry("Email", "c4@example.com");
      assertThat(byRow.get(5L).errorCode()).hasValue("REQUIRED_FIELD_MISSING");
      assertThat(byRow.get(5L).values()).containsEntry("LastName", "#N/A");
      assertThat(byRow.get(5L).isTransientFailure()).isFalse();

      java.io.ByteArrayOutputStream failures = new java.io.ByteArrayOutputStream();
      load.writeResultsCsv(failures, java.util.EnumSet.of(RowStatus.FAILED, RowStatus.UNPROCESSED), true);
      List<String> lines = failures.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
      assertThat(lines.get(0)).isEqualTo("sf__Row,sf__Job,sf__Status,sf__Id,sf__Created,sf__Error,"
          + "LastName,Email,External_ERP_Id__c");
      assertThat(lines).hasSize(4);
      assertThat(lines.subList(1, 4)).allMatch(l -> l.contains(",FAILED,")).anyMatch(l -> l.startsWith("4,"));
    }
    assertThat(count("External_ERP_Id__c LIKE '" + marker + "%'")).isEqualTo(3);
  }
}
