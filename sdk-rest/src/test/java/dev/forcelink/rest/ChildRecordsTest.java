package dev.forcelink.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.forcelink.rest.WireMockRest.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.forcelink.core.exception.SalesforceServiceException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A parent whose child subquery result has more children than one batch: the client reads the
 * nested batch, then follows the child result's own {@code nextRecordsUrl}.
 */
class ChildRecordsTest {
  private static final String SOQL = "SELECT Id, Name, (SELECT Id, LastName FROM Contacts) FROM Account";
  private static final String CHILD_LOCATOR = "01gCHILD00000001AAA";
  private final WireMockRest wm = new WireMockRest();

  @AfterEach
  void stop() {
    wm.close();
  }

  private static String childUrl(int offset) {
    return DATA + "/query/" + CHILD_LOCATOR + "-" + offset;
  }

  private static String contacts(int from, int count) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = from; i < from + count; i++) {
      sb.append(i == from ? "" : ",").append("{\"attributes\":{\"type\":\"Contact\",\"url\":\"/x\"},\"Id\":\"")
          .append(String.format("003%015d", i)).append("\",\"LastName\":\"C").append(i).append("\"}");
    }
    return sb.append("]").toString();
  }

  private static String childResult(int total, int count, String next) {
    return "{\"totalSize\":" + total + ",\"done\":" + (next == null) + ","
        + (next == null ? "" : "\"nextRecordsUrl\":\"" + next + "\",") + "\"records\":" + contacts(0, count) + "}";
  }

  private static String childPage(int from, int count, int total, String next) {
    return "{\"totalSize\":" + total + ",\"done\":" + (next == null) + ","
        + (next == null ? "" : "\"nextRecordsUrl\":\"" + next + "\",") + "\"records\":" + contacts(from, count) + "}";
  }

  /** Serves one Account whose {@code Contacts} value is {@code contactsJson}. */
  private void stubParent(String contactsJson) {
    wm.server.stubFor(get(urlPathEqualTo(DATA + "/query")).willReturn(okJson("{\"totalSize\":1,\"done\":true,"
        + "\"records\":[{\"attributes\":{\"type\":\"Account\",\"url\":\"/x\"},\"Id\":\"001000000000001AAA\","
        + "\"Name\":\"Acme\",\"Contacts\":" + contactsJson + "}]}")));
  }

  /** Seven contacts: three nested, then pages of three and one. */
  private void stubSevenContacts() {
    stubParent(childResult(7, 3, childUrl(3)));
    wm.server.stubFor(get(urlEqualTo(childUrl(3))).willReturn(okJson(childPage(3, 3, 7, childUrl(6)))));
    wm.server.stubFor(get(urlEqualTo(childUrl(6))).willReturn(okJson(childPage(6, 1, 7, null))));
  }

  private SObject parent() {
    try (QueryResult<SObject> accounts = wm.rest.query(SOQL)) {
      return accounts.stream().findFirst().orElseThrow();
    }
  }

  private static List<String> lastNames(Iterable<SObject> records) {
    List<String> out = new ArrayList<>();
    records.forEach(r -> out.add(r.getString("LastName")));
    return out;
  }

  @Test
  void everyChildComesOnceInOrderFetchingLaterBatchesLazily() {
    stubSevenContacts();
    RelatedRecords nested = parent().getChildren("Contacts");
    assertThat(nested.records()).hasSize(3);
    assertThat(nested.done()).isFalse();

    try (QueryResult<SObject> all = wm.rest.children(nested)) {
      assertThat(all.totalSize()).isEqualTo(7);
      Iterator<SObject> it = all.iterator();
      for (int i = 0; i < 3; i++) {
        assertThat(it.next().getString("LastName")).isEqualTo("C" + i);
      }
      assertThat(wm.server.findAll(getRequestedFor(urlPathMatching(DATA + "/query/.*")))).isEmpty();
      List<String> rest = new ArrayList<>();
      it.forEachRemaining(c -> rest.add(c.getString("LastName")));
      assertThat(rest).containsExactly("C3", "C4", "C5", "C6");
    }
    wm.server.verify(1, getRequestedFor(urlEqualTo(childUrl(3))));
    wm.server.verify(1, getRequestedFor(urlEqualTo(childUrl(6))));
  }

  @Test
  void continuationsCarryTheTokenACorrelationIdAndTheRequestOptions() {
    stubSevenContacts();
    QueryOptions options = QueryOptions.builder()
        .requestOptions(RequestOptions.builder().callOptionsClient("erp-sync").build()).build();

    assertThat(lastNames(wm.rest.children(parent().getChildren("Contacts"), options))).hasSize(7);

    List<LoggedRequest> fetched = wm.server.findAll(getRequestedFor(urlPathMatching(DATA + "/query/.*")));
    assertThat(fetched).hasSize(2).allSatisfy(r -> {
      assertThat(r.getHeader("Authorization")).isEqualTo("Bearer 00D000000000001!TEST-TOKEN");
      assertThat(r.getHeader("X-SFDC-REQUEST-ID")).isNotBlank();
      assertThat(r.getHeader("Sforce-Call-Options")).isEqualTo("client=erp-sync");
    });
  }

  @Test
  void theParentAndRelationshipNameShortcutReadsTheSameChildren() {
    stubSevenContacts();

    assertThat(lastNames(wm.rest.children(parent(), "Contacts")))
        .containsExactly("C0", "C1", "C2", "C3", "C4", "C5", "C6");
  }

  @Test
  void aContinuationThatFailsOnceIsRetriedWithNoChildLostOrRepeated() {
    stubSevenContacts();
    wm.server.stubFor(get(urlEqualTo(childUrl(3))).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)
            .withBody("[{\"errorCode\":\"SERVER_UNAVAILABLE\",\"message\":\"try later\"}]"))
        .willSetStateTo("up"));
    wm.server.stubFor(get(urlEqualTo(childUrl(3))).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(okJson(childPage(3, 3, 7, childUrl(6)))));

    assertThat(lastNames(wm.rest.children(parent(), "Contacts")))
        .containsExactly("C0", "C1", "C2", "C3", "C4", "C5", "C6");
    wm.server.verify(2, getRequestedFor(urlEqualTo(childUrl(3))));
  }

  @Test
  void aClosedChildCursorSurfacesAsInvalidQueryLocatorAfterTheNestedBatch() {
    stubSevenContacts();
    wm.server.stubFor(get(urlEqualTo(childUrl(3))).willReturn(aResponse().withStatus(400)
        .withBody("[{\"errorCode\":\"INVALID_QUERY_LOCATOR\",\"message\":\"invalid query locator\"}]")));
    Iterator<SObject> it = wm.rest.children(parent(), "Contacts").iterator();
    for (int i = 0; i < 3; i++) {
      it.next();
    }

    assertThatThrownBy(it::hasNext).isInstanceOfSatisfying(InvalidQueryLocatorException.class, e -> {
      assertThat(e.errorCode()).contains("INVALID_QUERY_LOCATOR");
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.getMessage()).contains("child result").contains("run the query again");
    });
    wm.server.verify(1, getRequestedFor(urlEqualTo(childUrl(3))));
  }

  @Test
  void anotherErrorOnAContinuationKeepsItsType() {
    stubSevenContacts();
    wm.server.stubFor(get(urlEqualTo(childUrl(6))).willReturn(aResponse().withStatus(403)
        .withBody("[{\"errorCode\":\"INSUFFICIENT_ACCESS\",\"message\":\"no access\"}]")));

    Iterator<SObject> it = wm.rest.children(parent(), "Contacts").iterator();
    for (int i = 0; i < 6; i++) {
      it.next();
    }

    assertThatThrownBy(it::hasNext).isInstanceOf(SalesforceServiceException.class)
        .isNotInstanceOf(InvalidQueryLocatorException.class).hasMessageContaining("INSUFFICIENT_ACCESS");
  }

  @Test
  void aNullRelationshipGivesNoChildrenAndSendsNothing() {
    stubParent("null");
    SObject parent = parent();
    int before = wm.server.getAllServeEvents().size();

    try (QueryResult<SObject> none = wm.rest.children(parent, "Contacts")) {
      assertThat(none.totalSize()).isZero();
      assertThat(none.iterator().hasNext()).isFalse();
      assertThat(none.cursor().isDone()).isTrue();
    }
    assertThat(wm.server.getAllServeEvents()).hasSize(before);
  }

  @Test
  void aCompleteChildResultIsReadFromThePageInHandAlone() {
    stubParent(childResult(2, 2, null));
    SObject parent = parent();
    int before = wm.server.getAllServeEvents().size();

    assertThat(lastNames(wm.rest.children(parent, "Contacts"))).containsExactly("C0", "C1");
    assertThat(wm.server.getAllServeEvents()).hasSize(before);
  }

  @Test
  void aChildResultThatSaysMoreRemainWithoutALinkIsRefused() {
    RelatedRecords broken = new RelatedRecords(List.of(), 9, false, null);

    assertThatThrownBy(() -> wm.rest.children(broken)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("done=false").hasMessageContaining("nextRecordsUrl");
  }

  @Test
  void aLinkToAnotherHostIsRefusedSoTheTokenStaysHome() {
    RelatedRecords elsewhere = new RelatedRecords(List.of(), 9, false, "https://evil.example/query/01g-2");

    assertThatThrownBy(() -> wm.rest.children(elsewhere)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path");
    assertThatThrownBy(() -> wm.rest.children(new RelatedRecords(List.of(), 9, false, "//evil.example/q")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCursorExistsOnceIterationHasLeftTheNestedBatch() {
    stubSevenContacts();
    QueryResult<SObject> all = wm.rest.children(parent(), "Contacts");
    Iterator<SObject> it = all.iterator();
    it.next();

    assertThatThrownBy(all::cursor).isInstanceOf(IllegalStateException.class).hasMessageContaining("nested");
    assertThat(all.toString()).contains("nested");
    it.next();
    it.next();
    assertThat(all.cursor()).isEqualTo(new QueryCursor(childUrl(3), 0));
    it.next();
    QueryCursor midway = all.cursor();
    assertThat(midway).isEqualTo(new QueryCursor(childUrl(3), 1));

    assertThat(lastNames(wm.rest.resume(midway))).containsExactly("C4", "C5", "C6");
  }

  @Test
  void asyncForEachChildSeesEveryChildInOrder() {
    stubSevenContacts();
    List<String> seen = new ArrayList<>();

    long count = wm.rest.async().forEachChild(parent().getChildren("Contacts"), c -> seen.add(c.getString("LastName")))
        .join();

    assertThat(count).isEqualTo(7);
    assertThat(seen).containsExactly("C0", "C1", "C2", "C3", "C4", "C5", "C6");
  }

  @Test
  void asyncChildrenStartsAPageChainThatNextPageContinues() {
    stubSevenContacts();
    RestAsyncClient async = wm.rest.async();

    QueryPage<SObject> first = async.children(parent().getChildren("Contacts"));
    Optional<QueryPage<SObject>> second = async.nextPage(first).join();

    assertThat(first.records()).hasSize(3);
    assertThat(first.totalSize()).isEqualTo(7);
    assertThat(second).get().satisfies(p -> assertThat(lastNames(p.records())).containsExactly("C3", "C4", "C5"));
  }

  @Test
  void asyncForEachChildFailsWithTheTypedError() {
    stubSevenContacts();
    wm.server.stubFor(get(urlEqualTo(childUrl(3))).willReturn(aResponse().withStatus(400)
        .withBody("[{\"errorCode\":\"INVALID_QUERY_LOCATOR\",\"message\":\"invalid query locator\"}]")));

    assertThatThrownBy(() -> wm.rest.async().forEachChild(parent().getChildren("Contacts"), c -> { }).join())
        .isInstanceOf(CompletionException.class).hasCauseInstanceOf(InvalidQueryLocatorException.class);
    assertThat(wm.rest.async().forEachChild(new RelatedRecords(List.of(), 1, false, null), c -> { }))
        .isCompletedExceptionally();
  }
}
