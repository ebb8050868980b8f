package dev.forcelink.rest;

import static dev.forcelink.rest.EmulatorRest.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.testkit.EmulatorExtension;
import dev.forcelink.testkit.RecordedRequest;
import dev.forcelink.testkit.RequestMatcher;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Query and queryAll against the emulator over many pages, with faults on the way. The class seeds
 * 5,000 accounts once (about two seconds on a laptop), so that a 200-row page size gives 25 pages.
 */
class QueryEmulatorTest {
  private static final int ROWS = 5_000;
  private static final int BATCH = 200;
  private static final String PAGED = "SELECT Id, AccountNumber FROM Account WHERE Description = 'paging'"
      + " ORDER BY AccountNumber";
  private static final QueryOptions PAGES_OF_200 = QueryOptions.builder().batchSize(BATCH).build();

  @RegisterExtension
  static final EmulatorExtension ORG = EmulatorRest.extension();

  private EmulatorRest e2e;

  @BeforeAll
  static void seed() {
    try (EmulatorRest seeder = new EmulatorRest(ORG.emulator())) {
      RestAsyncClient async = seeder.rest.async();
      for (int start = 0; start < ROWS; start += 100) {
        List<CompletableFuture<SaveResult>> inFlight = new ArrayList<>();
        for (int i = start; i < start + 100; i++) {
          inFlight.add(async.create(SObject.builder("Account").set("Name", "Paged " + i)
              .set("AccountNumber", number(i)).set("Description", "paging").build()));
        }
        CompletableFuture.allOf(inFlight.toArray(new CompletableFuture<?>[0])).join();
      }
    }
  }

  private static String number(int i) {
    return String.format("N%05d", i);
  }

  @BeforeEach
  void connect() {
    e2e = new EmulatorRest(ORG.emulator());
  }

  @AfterEach
  void close() {
    e2e.close();
  }

  private static List<String> expectedNumbers(int from) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < ROWS; i++) {
      out.add(number(i));
    }
    return out;
  }

  private static String continuation(int offset) {
    return ".*/query/[^/]+-" + offset;
  }

  @Test
  void everyRowComesOnceInOrderOverPagesOf200WithBoundedMemory() {
    List<WeakReference<List<?>>> loaded = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    AtomicInteger maxStronglyHeld = new AtomicInteger();
    List<String> seen = new ArrayList<>();
    try (RestClient observed = RestClient.builder(e2e.connection).pageObserver(records -> {
          loaded.add(new WeakReference<>(records));
          pageSizes.add(records.size());
        }).build();
        QueryResult<SObject> result = observed.query(PAGED, SObject.class, PAGES_OF_200)) {
      assertThat(result.totalSize()).isEqualTo(ROWS);
      for (SObject row : result) {
        seen.add(row.getString("AccountNumber"));
        if (seen.size() % 1_000 == 0) {
          maxStronglyHeld.accumulateAndGet(stronglyReachable(loaded), Math::max);
        }
      }
    }

    assertThat(seen).containsExactlyElementsOf(expectedNumbers(0));
    assertThat(pageSizes).hasSize(ROWS / BATCH).allSatisfy(size -> assertThat(size).isEqualTo(BATCH));
    // The page being read and, at most, the one it just replaced.
    assertThat(maxStronglyHeld.get()).isLessThanOrEqualTo(2);
    List<RecordedRequest> pages = e2e.requests("GET", DATA + "/query");
    assertThat(pages).hasSize(ROWS / BATCH)
        .allSatisfy(r -> assertThat(r.header("Sforce-Query-Options")).isEqualTo("batchSize=200"));
    assertThat(pages.get(1).path()).matches(DATA + "/query/[^/]+-200");
  }

  @Test
  void droppedConnectionsOnRandomPagesLoseAndRepeatNoRow() {
    Random random = new Random(20_240_131L);
    int first = 1 + random.nextInt(ROWS / BATCH - 1);
    int second = first;
    while (second == first) {
      second = 1 + random.nextInt(ROWS / BATCH - 1);
    }
    // The JDK client may silently retry a GET once when a pooled connection drops, so each faulted
    // page fails twice: a 503 then a drop, and two drops. The connection's policy (3 attempts)
    // must recover both.
    e2e.emulator.faults().next(1, RequestMatcher.pathMatches(continuation(first * BATCH)))
        .respondError(503, "SERVER_UNAVAILABLE", "Server Unavailable");
    e2e.emulator.faults().next(1, RequestMatcher.pathMatches(continuation(first * BATCH))).dropConnection();
    e2e.emulator.faults().next(2, RequestMatcher.pathMatches(continuation(second * BATCH))).dropConnection();

    List<String> seen;
    try (var rows = e2e.rest.query(PAGED, SObject.class, PAGES_OF_200).stream()) {
      seen = rows.map(r -> r.getString("AccountNumber")).collect(Collectors.toList());
    }

    assertThat(seen).containsExactlyElementsOf(expectedNumbers(0));
    assertThat(e2e.emulator.faults().pending()).isZero();
    for (int page : List.of(first, second)) {
      assertThat(e2e.emulator.requests().list())
          .filteredOn(r -> r.path().matches(continuation(page * BATCH)))
          .extracting(RecordedRequest::status)
          .as("attempts at page %d", page)
          .hasSize(3)
          .endsWith(200);
    }
  }

  @Test
  void aCursorResumesInAnotherClientWhereIterationStopped() {
    String stored;
    try (QueryResult<SObject> result = e2e.rest.query(PAGED, SObject.class, PAGES_OF_200)) {
      Iterator<SObject> it = result.iterator();
      for (int i = 0; i < 450; i++) {
        assertThat(it.next().getString("AccountNumber")).isEqualTo(number(i));
      }
      stored = result.cursor().asString();
    }

    List<String> rest = new ArrayList<>();
    try (SalesforceConnection other = EmulatorRest.connect(e2e.emulator, new ArrayList<>());
        RestClient later = RestClient.create(other);
        QueryResult<SObject> resumed = later.resume(QueryCursor.parse(stored), SObject.class, PAGES_OF_200)) {
      resumed.forEach(r -> rest.add(r.getString("AccountNumber")));
      assertThat(resumed.cursor().isDone()).isTrue();
    }
    assertThat(rest).containsExactlyElementsOf(expectedNumbers(450));
  }

  @Test
  void anUnknownCursorSaysToRunTheQueryAgain() {
    QueryCursor bogus = new QueryCursor(DATA + "/query/01gNOSUCHLOCATOR-200", 0);

    assertThatThrownBy(() -> e2e.rest.resume(bogus))
        .isInstanceOfSatisfying(InvalidQueryLocatorException.class, ex -> {
          assertThat(ex.errorCode()).contains("INVALID_QUERY_LOCATOR");
          assertThat(ex.isRetryable()).isFalse();
          assertThat(ex.getMessage()).contains("run the query again");
        });
  }

  @Test
  void queryAllContinuesUnderQuery() {
    try (QueryResult<SObject> all = e2e.rest.queryAll(PAGED, SObject.class, QueryOptions.defaults())) {
      assertThat(all.stream().map(r -> r.getString("AccountNumber"))).containsExactlyElementsOf(expectedNumbers(0));
    }
    assertThat(e2e.emulator.requests().list()).extracting(RecordedRequest::path)
        .containsExactly(DATA + "/queryAll", DATA + "/query/" + locatorOf(1) + "-2000",
            DATA + "/query/" + locatorOf(1) + "-4000");
  }

  private String locatorOf(int request) {
    String path = e2e.emulator.requests().list().get(request).path();
    return path.substring(path.lastIndexOf('/') + 1, path.lastIndexOf('-'));
  }

  @Test
  void queryAllAlsoReturnsDeletedRecordsFlaggedIsDeleted() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(e2e.rest.create(SObject.builder("Account").set("Name", "Bin " + i).set("Description", "bin").build()).id());
    }
    e2e.rest.delete("Account", ids.get(1));
    String soql = "SELECT Id, Name, IsDeleted FROM Account WHERE Description = 'bin' ORDER BY Name";

    List<SObject> live = e2e.rest.query(soql).stream().collect(Collectors.toList());
    List<SObject> all = e2e.rest.queryAll(soql).stream().collect(Collectors.toList());

    assertThat(live).extracting(r -> r.id().orElseThrow()).containsExactly(ids.get(0), ids.get(2));
    assertThat(all).extracting(r -> r.id().orElseThrow()).containsExactlyElementsOf(ids);
    assertThat(all).extracting(r -> r.getBoolean("IsDeleted")).containsExactly(false, true, false);
  }

  @Test
  void soqlErrorsAreTypedWithTheirCodes() {
    assertQueryFails("SELEC Id FROM Account", "MALFORMED_QUERY");
    assertQueryFails("SELECT Id, Nope__c FROM Account", "INVALID_FIELD");
    assertQueryFails("SELECT Id FROM Nope__c", "INVALID_TYPE");
  }

  private void assertQueryFails(String soql, String code) {
    assertThatThrownBy(() -> e2e.rest.query(soql))
        .as(soql)
        .isInstanceOfSatisfying(SalesforceServiceException.class, ex -> {
          assertThat(ex.statusCode()).isEqualTo(400);
          assertThat(ex.errorCode()).contains(code);
          assertThat(ex.getMessage()).contains(code);
        });
  }

  @Test
  void parentFieldsAndChildSubqueriesReadThroughSObjectGetters() {
    String account = e2e.rest.create(SObject.builder("Account").set("Name", "Parent Co").build()).id();
    for (String last : List.of("Berg", "Adams")) {
      e2e.rest.create(SObject.builder("Contact").set("LastName", last).set("AccountId", account).build());
    }

    List<SObject> contacts = e2e.rest.query("SELECT Id, LastName, Account.Name FROM Contact WHERE AccountId = '"
        + account + "' ORDER BY LastName").stream().collect(Collectors.toList());
    SObject parent = e2e.rest.query("SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account"
        + " WHERE Id = '" + account + "'").stream().findFirst().orElseThrow();

    assertThat(contacts).extracting(c -> c.getString("LastName")).containsExactly("Adams", "Berg");
    assertThat(contacts).allSatisfy(c -> {
      assertThat(c.getString("Account.Name")).isEqualTo("Parent Co");
      assertThat(c.getParent("Account").orElseThrow().type()).isEqualTo("Account");
    });
    RelatedRecords children = parent.getChildren("Contacts");
    assertThat(children.totalSize()).isEqualTo(2);
    assertThat(children.done()).isTrue();
    assertThat(children.records()).extracting(c -> c.getString("LastName")).containsExactly("Adams", "Berg");
  }

  record Numbered(String id, String accountNumber) {}

  @Test
  void aTypedQueryBindsEveryRecord() {
    List<Numbered> rows = e2e.rest.query(PAGED + " LIMIT 3", Numbered.class).stream().collect(Collectors.toList());

    assertThat(rows).extracting(Numbered::accountNumber).containsExactly(number(0), number(1), number(2));
    assertThat(rows).allSatisfy(r -> assertThat(r.id()).startsWith("001"));
  }

  @Test
  void countQueriesReportTheTotal() {
    try (QueryResult<SObject> count = e2e.rest.query("SELECT COUNT() FROM Account WHERE Description = 'paging'")) {
      assertThat(count.totalSize()).isEqualTo(ROWS);
      assertThat(count.iterator().hasNext()).isFalse();
    }
  }

  /** Counts loaded pages still reachable after garbage collection; bounded retries, no timing. */
  private static int stronglyReachable(List<WeakReference<List<?>>> refs) {
    int alive = Integer.MAX_VALUE;
    for (int attempt = 0; attempt < 5 && alive > 1; attempt++) {
      System.gc();
      alive = (int) refs.stream().filter(w -> w.get() != null).count();
    }
    return alive;
  }
}
