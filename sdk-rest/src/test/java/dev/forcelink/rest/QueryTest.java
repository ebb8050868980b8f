package dev.forcelink.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.forcelink.rest.WireMockRest.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryTest {
  private static final String SOQL = "SELECT Id, Name FROM Account";
  private WireMockRest wm = new WireMockRest();

  @AfterEach
  void stop() {
    wm.close();
  }

  static String page(int from, int count, int total, String next) {
    StringBuilder sb = new StringBuilder("{\"totalSize\":" + total + ",\"done\":" + (next == null) + ",");
    if (next != null) {
      sb.append("\"nextRecordsUrl\":\"").append(next).append("\",");
    }
    sb.append("\"records\":[");
    for (int i = from; i < from + count; i++) {
      sb.append(i == from ? "" : ",").append("{\"attributes\":{\"type\":\"Account\",\"url\":\"/x\"},\"Id\":\"")
          .append(String.format("001%015d", i)).append("\",\"Name\":\"A").append(i).append("\"}");
    }
    return sb.append("]}").toString();
  }

  static String next(int page) {
    return DATA + "/query/01gD0000002HU6KIAW-" + (page * 3);
  }

  /** Serves {@code pages} pages of three records: the first from /query, then nextRecordsUrl links. */
  static void stubPages(WireMockRest w, int pages) {
    int total = pages * 3;
    w.server.stubFor(get(urlPathEqualTo(DATA + "/query")).willReturn(okJson(page(0, 3, total, pages > 1 ? next(1) : null))));
    for (int p = 1; p < pages; p++) {
      w.server.stubFor(get(urlEqualTo(next(p))).willReturn(okJson(page(p * 3, 3, total, p + 1 < pages ? next(p + 1) : null))));
    }
  }

  static List<String> names(Iterable<SObject> records) {
    List<String> out = new ArrayList<>();
    records.forEach(r -> out.add(r.getString("Name")));
    return out;
  }

  static List<String> expected(int n) {
    return Stream.iterate(0, i -> i + 1).limit(n).map(i -> "A" + i).collect(Collectors.toList());
  }

  @Test
  void iteratesEveryPageInOrderFetchingLazily() {
    stubPages(wm, 4);
    try (QueryResult<SObject> r = wm.rest.query(SOQL)) {
      assertThat(r.totalSize()).isEqualTo(12);
      assertThat(wm.server.getAllServeEvents()).hasSize(1);
      var it = r.iterator();
      for (int i = 0; i < 3; i++) {
        it.next();
      }
      assertThat(wm.server.getAllServeEvents()).hasSize(1);
      assertThat(it.hasNext()).isTrue();
      assertThat(wm.server.getAllServeEvents()).hasSize(2);
    }
    wm.server.verify(getRequestedFor(urlEqualTo(DATA + "/query?q=SELECT+Id%2C+Name+FROM+Account")));
  }

  @Test
  void streamsAllRowsAndSendsTheBatchSizeOnEveryPage() {
    stubPages(wm, 3);
    QueryOptions options = QueryOptions.builder().batchSize(200).build();
    try (Stream<SObject> s = wm.rest.query(SOQL, SObject.class, options).stream()) {
      assertThat(s.map(x -> x.getString("Name"))).containsExactlyElementsOf(expected(9));
    }
    wm.server.verify(3, getRequestedFor(anyUrl()).withHeader("Sforce-Query-Options", equalTo("batchSize=200")));
  }

  @Test
  void batchSizeOutsideSalesforceLimitsIsRefused() {
    assertThatThrownBy(() -> QueryOptions.builder().batchSize(199)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("200");
    assertThatThrownBy(() -> QueryOptions.builder().batchSize(2001)).isInstanceOf(IllegalArgumentException.class);
  }

  record Account(String id, String name) {}

  @Test
  void typedQueryBindsEachRecord() {
    stubPages(wm, 2);
    List<Account> all = wm.rest.query(SOQL, Account.class).stream().collect(Collectors.toList());
    assertThat(all).hasSize(6).first().isEqualTo(new Account("001000000000000000", "A0"));
  }

  @Test
  void queryAllUsesTheQueryAllResource() {
    wm.server.stubFor(get(urlPathEqualTo(DATA + "/queryAll")).willReturn(okJson(page(0, 2, 2, null))));
    assertThat(names(wm.rest.queryAll(SOQL))).containsExactly("A0", "A1");
  }

  @Test
  void aDroppedConnectionOnRandomPagesLosesAndRepeatsNoRow() {
    int pages = 12;
    stubPages(wm, pages);
    Random random = new Random(42);
    List<Integer> faulty = new ArrayList<>();
    for (int p = 1; p < pages; p++) {
      if (random.nextInt(3) == 0) {
        faulty.add(p);
        String scenario = "page-" + p;
        wm.server.stubFor(get(urlEqualTo(next(p))).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(random.nextBoolean() ? Fault.CONNECTION_RESET_BY_PEER : Fault.EMPTY_RESPONSE))
            .willSetStateTo("recovered"));
        wm.server.stubFor(get(urlEqualTo(next(p))).inScenario(scenario).whenScenarioStateIs("recovered")
            .willReturn(okJson(page(p * 3, 3, pages * 3, p + 1 < pages ? next(p + 1) : null))));
      }
    }
    assertThat(faulty).isNotEmpty();
    assertThat(names(wm.rest.query(SOQL))).containsExactlyElementsOf(expected(pages * 3));
    for (int p : faulty) {
      wm.server.verify(2, getRequestedFor(urlEqualTo(next(p))));
    }
  }

  @Test
  void cursorResumesWhereIterationStopped() {
    stubPages(wm, 3);
    QueryCursor cursor;
    List<String> seen = new ArrayList<>();
    try (QueryResult<SObject> r = wm.rest.query(SOQL)) {
      var it = r.iterator();
      for (int i = 0; i < 4; i++) {
        seen.add(it.next().getString("Name"));
      }
      cursor = r.cursor();
    }
    assertThat(cursor).isEqualTo(new QueryCursor(next(1), 1));
    QueryCursor stored = QueryCursor.parse(cursor.asString());
    seen.addAll(names(wm.rest.resume(stored)));
    assertThat(seen).containsExactlyElementsOf(expected(9));
  }

  @Test
  void cursorAtAPageEndPointsToTheNextPageAndEndsDone() {
    stubPages(wm, 2);
    QueryResult<SObject> r = wm.rest.query(SOQL);
    var it = r.iterator();
    for (int i = 0; i < 3; i++) {
      it.next();
    }
    assertThat(r.cursor()).isEqualTo(new QueryCursor(next(1), 0));
    while (it.hasNext()) {
      it.next();
    }
    assertThat(r.cursor().isDone()).isTrue();
    assertThat(names(wm.rest.resume(QueryCursor.done()))).isEmpty();
  }

  @Test
  void aResultIsIteratedOnce() {
    stubPages(wm, 1);
    QueryResult<SObject> r = wm.rest.query(SOQL);
    names(r);
    assertThatThrownBy(r::iterator).isInstanceOf(IllegalStateException.class).hasMessageContaining("once");
  }

  @Test
  void anExpiredLocatorSaysToRunTheQueryAgain() {
    stubPages(wm, 2);
    wm.server.stubFor(get(urlEqualTo(next(1))).willReturn(aResponse().withStatus(400)
        .withBody("[{\"errorCode\":\"INVALID_QUERY_LOCATOR\",\"message\":\"invalid query locator\"}]")));
    QueryResult<SObject> r = wm.rest.query(SOQL);
    var it = r.iterator();
    for (int i = 0; i < 3; i++) {
      it.next();
    }
    assertThatThrownBy(it::hasNext).isInstanceOf(InvalidQueryLocatorException.class)
        .hasMessageContaining("run the query again");
  }

  @Test
  void memoryStaysBoundedToOnePageOver200Pages() {
    wm.close();
    List<WeakReference<List<?>>> loaded = new ArrayList<>();
    AtomicInteger maxStronglyHeld = new AtomicInteger();
    wm = new WireMockRest(c -> RestClient.builder(c).pageObserver(records -> loaded.add(new WeakReference<>(records))));
    int pages = 200;
    stubPages(wm, pages);
    int count = 0;
    try (QueryResult<SObject> r = wm.rest.query(SOQL)) {
      for (SObject ignored : r) {
        count++;
        if (count % 240 == 0) {
          maxStronglyHeld.accumulateAndGet(stronglyReachable(loaded), Math::max);
        }
      }
    }
    assertThat(count).isEqualTo(pages * 3);
    assertThat(loaded).hasSize(pages);
    // The current page and, at most, the one just replaced (not yet collected in the same cycle).
    assertThat(maxStronglyHeld.get()).isLessThanOrEqualTo(2);
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
