package dev.forcelink.rest.collections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.forcelink.rest.internal.composite.TestConnections.body;
import static dev.forcelink.rest.internal.composite.TestConnections.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.exception.SalesforceError;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.internal.composite.TestConnections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class CollectionsClientTest {
  private static final String URL = "/services/data/v65.0/composite/sobjects";
  private static final String LOCK_MESSAGE = "unable to obtain exclusive access to this record or 1 records";
  private static final LockRetry FAST_LOCK_RETRY = LockRetry.builder().maxAttempts(3)
      .baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(2)).build();
  private SalesforceConnection connection;
  private CollectionsClient client;

  @BeforeEach
  void connect(WireMockRuntimeInfo wm) {
    connection = TestConnections.to(wm);
    client = CollectionsClient.create(connection);
  }

  @AfterEach
  void close() {
    connection.close();
  }

  static String id(int i) {
    return String.format("001%015d", i);
  }

  static List<SObject> accounts(int n) {
    List<SObject> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(SObject.builder("Account").set("Name", "R" + i).build());
    }
    return out;
  }

  static String saved(int from, int to) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = from; i < to; i++) {
      sb.append(i == from ? "" : ",").append("{\"id\":\"").append(id(i)).append("\",\"success\":true,\"errors\":[]}");
    }
    return sb.append("]").toString();
  }

  static List<String> names(LoggedRequest request) {
    List<String> out = new ArrayList<>();
    body(request).get("records").forEach(r -> out.add(r.path("Name").asText(r.path("Ext__c").asText())));
    return out;
  }

  private void stubThreeChunks(int delay1, int delay2, int delay3) {
    stubFor(post(URL).withRequestBody(containing("\"Name\":\"R0\""))
        .willReturn(okJson(saved(0, 200)).withFixedDelay(delay1)));
    stubFor(post(URL).withRequestBody(containing("\"Name\":\"R200\""))
        .willReturn(okJson(saved(200, 400)).withFixedDelay(delay2)));
    stubFor(post(URL).withRequestBody(containing("\"Name\":\"R400\""))
        .willReturn(okJson(saved(400, 450)).withFixedDelay(delay3)));
  }

  private static void assertInInputOrder(CollectionResult result, int n) {
    assertThat(result.results()).hasSize(n);
    assertThat(result.allSucceeded()).isTrue();
    for (int i = 0; i < n; i++) {
      assertThat(result.results().get(i).index()).isEqualTo(i);
      assertThat(result.results().get(i).id()).contains(id(i));
    }
  }

  @Test
  void createsFourHundredFiftyRecordsInThreeCallsOfTwoHundredTwoHundredAndFifty() {
    stubThreeChunks(0, 0, 0);

    CollectionResult result = client.create(accounts(450));

    List<LoggedRequest> sent = WireMock.findAll(postRequestedFor(urlEqualTo(URL)));
    assertThat(sent).extracting(r -> names(r).size()).containsExactly(200, 200, 50);
    assertThat(names(sent.get(2)).get(0)).isEqualTo("R400");
    assertThat(result.apiCalls()).isEqualTo(3);
    assertInInputOrder(result, 450);
  }

  @Test
  void keepsInputOrderWithConcurrencyThreeWhenResponsesArriveOutOfOrder() {
    // The first request is answered last and the last first.
    stubThreeChunks(600, 300, 0);
    CollectionOptions options = CollectionOptions.builder().concurrency(3).build();

    CollectionResult sync = client.create(accounts(450), options);
    CollectionResult async = client.createAsync(accounts(450), options).join();

    assertInInputOrder(sync, 450);
    assertInInputOrder(async, 450);
    assertThat(WireMock.findAll(postRequestedFor(urlEqualTo(URL)))).hasSize(6);
  }

  @Test
  void sendsTheCollectionsCreateShape() {
    stubFor(post(URL).willReturn(okJson(saved(0, 2))));
    List<SObject> records = List.of(SObject.builder("Account").set("Name", "Acme").build(),
        SObject.builder("Contact").set("LastName", "Doe").setNull("Email").build());

    client.create(records, CollectionOptions.builder().allOrNone(true).build());

    assertThat(body(WireMock.findAll(postRequestedFor(urlEqualTo(URL))).get(0))).isEqualTo(json("""
        {"allOrNone":true,"records":[{"attributes":{"type":"Account"},"Name":"Acme"},
         {"attributes":{"type":"Contact"},"LastName":"Doe","Email":null}]}
        """));
  }

  @Test
  void retriesOnlyTheRecordsThatFailedOnARowLockAndMergesTheirOutcomes() {
    String path = URL + "/Account/Ext__c";
    List<SObject> records = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      records.add(SObject.builder("Account").set("Ext__c", "E" + i).set("Rating", "Hot").build());
    }
    List<Integer> locked = IntStream.range(0, 200).filter(i -> i % 10 == 3).boxed().toList();
    StringBuilder mixed = new StringBuilder("[");
    for (int i = 0; i < 200; i++) {
      mixed.append(i == 0 ? "" : ",").append(locked.contains(i)
          ? "{\"id\":null,\"success\":false,\"errors\":[{\"statusCode\":\"UNABLE_TO_LOCK_ROW\",\"message\":\""
              + LOCK_MESSAGE + "\",\"fields\":[]}]}"
          : "{\"id\":\"" + id(i) + "\",\"success\":true,\"errors\":[],\"created\":true}");
    }
    StringBuilder retried = new StringBuilder("[");
    for (int k = 0; k < locked.size(); k++) {
      retried.append(k == 0 ? "" : ",").append("{\"id\":\"" + id(locked.get(k))
          + "\",\"success\":true,\"errors\":[],\"created\":false}");
    }
    stubFor(patch(urlEqualTo(path)).inScenario("lock").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(mixed.append("]").toString())).willSetStateTo("retry"));
    stubFor(patch(urlEqualTo(path)).inScenario("lock").whenScenarioStateIs("retry")
        .willReturn(okJson(retried.append("]").toString())));

    CollectionResult result = client.upsert("Account", "Ext__c", records,
        CollectionOptions.builder().retryLockedRecords(FAST_LOCK_RETRY).build());

    List<LoggedRequest> sent = WireMock.findAll(patchRequestedFor(urlEqualTo(path)));
    assertThat(sent).hasSize(2);
    assertThat(names(sent.get(1))).containsExactlyElementsOf(locked.stream().map(i -> "E" + i).toList());
    List<String> allSent = new ArrayList<>(names(sent.get(0)));
    allSent.addAll(names(sent.get(1)));
    for (int i = 0; i < 200; i++) {
      String ext = "E" + i;
      assertThat(allSent.stream().filter(ext::equals).count()).as(ext).isEqualTo(locked.contains(i) ? 2 : 1);
    }
    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.apiCalls()).isEqualTo(2);
    for (int i = 0; i < 200; i++) {
      RecordResult r = result.results().get(i);
      assertThat(r.id()).contains(id(i));
      assertThat(r.attempts()).isEqualTo(locked.contains(i) ? 2 : 1);
      assertThat(r.created()).contains(!locked.contains(i));
    }
  }

  @Test
  void lockFailuresThatOutlastTheAttemptsStayFailedWithTheirErrors() {
    String lockOnSecond = "[" + saved(0, 1).substring(1, saved(0, 1).length() - 1)
        + ",{\"success\":false,\"errors\":[{\"statusCode\":\"UNABLE_TO_LOCK_ROW\",\"message\":\"" + LOCK_MESSAGE
        + "\",\"fields\":[]}]}]";
    String lockAlone = "[{\"success\":false,\"errors\":[{\"statusCode\":\"UNABLE_TO_LOCK_ROW\",\"message\":\""
        + LOCK_MESSAGE + "\",\"fields\":[]}]}]";
    stubFor(post(URL).withRequestBody(containing("\"R0\"")).willReturn(okJson(lockOnSecond)));
    stubFor(post(URL).withRequestBody(WireMock.notContaining("\"R0\"")).willReturn(okJson(lockAlone)));

    CollectionResult result = client.create(accounts(2),
        CollectionOptions.builder().retryLockedRecords(FAST_LOCK_RETRY).build());

    assertThat(result.apiCalls()).isEqualTo(3);
    assertThat(result.succeeded()).extracting(RecordResult::index).containsExactly(0);
    RecordResult failed = result.failed().get(0);
    assertThat(failed.index()).isEqualTo(1);
    assertThat(failed.status()).isEqualTo(RecordStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(result.errorsByIndex().get(1)).extracting(SalesforceError::errorCode).containsExactly("UNABLE_TO_LOCK_ROW");
  }

  @Test
  void allOrNoneRollbackIsReportedPerRecordAndALockOnlyRollbackIsRetriedWhole() {
    String rolledBack = "{\"id\":null,\"success\":false,\"errors\":[{\"statusCode\":\"ALL_OR_NONE_OPERATION_ROLLED_BACK\","
        + "\"message\":\"Record rolled back because not all records were valid and the request was using AllOrNone"
        + " header\",\"fields\":[]}]}";
    String lock = "{\"id\":null,\"success\":false,\"errors\":[{\"statusCode\":\"UNABLE_TO_LOCK_ROW\",\"message\":\""
        + LOCK_MESSAGE + "\",\"fields\":[]}]}";
    stubFor(post(URL).inScenario("aon").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("[" + rolledBack + "," + lock + "," + rolledBack + "]")).willSetStateTo("retry"));
    stubFor(post(URL).inScenario("aon").whenScenarioStateIs("retry").willReturn(okJson(saved(0, 3))));
    CollectionOptions options = CollectionOptions.builder().allOrNone(true).retryLockedRecords(FAST_LOCK_RETRY).build();

    CollectionResult result = client.create(accounts(3), options);

    List<LoggedRequest> sent = WireMock.findAll(postRequestedFor(urlEqualTo(URL)));
    assertThat(sent).hasSize(2);
    assertThat(names(sent.get(1))).containsExactly("R0", "R1", "R2");
    assertThat(body(sent.get(1)).get("allOrNone").asBoolean()).isTrue();
    assertInInputOrder(result, 3);
  }

  @Test
  void allOrNoneRollbackWithARealFailureIsNotRetried() {
    String rolledBack = "{\"id\":null,\"success\":false,\"errors\":[{\"statusCode\":\"ALL_OR_NONE_OPERATION_ROLLED_BACK\","
        + "\"message\":\"Record rolled back because not all records were valid and the request was using AllOrNone"
        + " header\",\"fields\":[]}]}";
    stubFor(post(URL).willReturn(okJson("[" + rolledBack + ",{\"success\":false,\"errors\":[{\"statusCode\":"
        + "\"REQUIRED_FIELD_MISSING\",\"message\":\"Required fields are missing: [Name]\",\"fields\":[\"Name\"]}]}]")));

    CollectionResult result = client.create(accounts(2),
        CollectionOptions.builder().allOrNone(true).retryLockedRecords(FAST_LOCK_RETRY).build());

    WireMock.verify(1, postRequestedFor(urlEqualTo(URL)));
    assertThat(result.succeeded()).isEmpty();
    assertThat(result.errorsByIndex().get(0).get(0).errorCode()).isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    assertThat(result.errorsByIndex().get(1)).containsExactly(new SalesforceError("REQUIRED_FIELD_MISSING",
        "Required fields are missing: [Name]", List.of("Name")));
  }

  @Test
  void failFastSendsNoRequestAfterOneWithAFailure() {
    String firstWithFailure = saved(0, 200).replaceFirst("\\{\"id\":\"" + id(5) + "\",\"success\":true,\"errors\":\\[]}",
        "{\"success\":false,\"errors\":[{\"statusCode\":\"DUPLICATE_VALUE\",\"message\":\"duplicate\",\"fields\":[]}]}");
    stubFor(post(URL).willReturn(okJson(firstWithFailure)));

    CollectionResult result = client.create(accounts(450), CollectionOptions.builder().failFast(true).build());

    WireMock.verify(1, postRequestedFor(urlEqualTo(URL)));
    assertThat(result.failed()).hasSize(251);
    assertThat(result.notAttempted()).hasSize(250);
    assertThat(result.notAttempted().get(0).index()).isEqualTo(200);
    assertThat(result.results().get(5).errors().get(0).errorCode()).isEqualTo("DUPLICATE_VALUE");
    assertThat(result.results().get(300).status()).isEqualTo(RecordStatus.NOT_ATTEMPTED);
  }

  @Test
  void aRefusedRequestFailsItsRecordsAndStopsTheRun() {
    stubFor(post(URL).withRequestBody(containing("\"Name\":\"R0\"")).willReturn(okJson(saved(0, 200))));
    stubFor(post(URL).withRequestBody(containing("\"Name\":\"R200\"")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("[{\"message\":\"Json Deserialization failed\",\"errorCode\":\"JSON_PARSER_ERROR\"}]")));

    CollectionResult result = client.create(accounts(450));

    assertThat(result.apiCalls()).isEqualTo(2);
    assertThat(result.succeeded()).hasSize(200);
    assertThat(result.results().get(250).status()).isEqualTo(RecordStatus.FAILED);
    assertThat(result.results().get(250).errors().get(0).errorCode()).isEqualTo("JSON_PARSER_ERROR");
    assertThat(result.results().get(400).status()).isEqualTo(RecordStatus.NOT_ATTEMPTED);
    assertThat(result.requestFailures()).singleElement().isInstanceOf(SalesforceServiceException.class);
    assertThatThrownBy(result::throwIfRequestFailed).isInstanceOf(SalesforceServiceException.class);
  }

  @Test
  void aCreateIsNotResentAfterTheConnectionDropsAndItsRecordsAreUnknown() {
    stubFor(post(URL).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    CollectionResult result = client.create(accounts(3));

    WireMock.verify(1, postRequestedFor(urlEqualTo(URL)));
    assertThat(result.results()).allMatch(r -> r.status() == RecordStatus.UNKNOWN);
    assertThat(result.requestFailures()).hasSize(1);
  }

  @Test
  void anUpsertIsResentAfterTheConnectionDrops() {
    String path = URL + "/Account/Ext__c";
    stubFor(patch(urlEqualTo(path)).inScenario("drop").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
    stubFor(patch(urlEqualTo(path)).inScenario("drop").whenScenarioStateIs("up").willReturn(okJson(saved(0, 1))));

    CollectionResult result = client.upsert("Account", "Ext__c",
        List.of(SObject.builder("Account").set("Ext__c", "E0").build()));

    WireMock.verify(2, patchRequestedFor(urlEqualTo(path)));
    assertThat(result.allSucceeded()).isTrue();
  }

  @Test
  void updateNeedsIdsAndSendsThem() {
    assertThatThrownBy(() -> client.update(List.of(SObject.builder("Account").set("Name", "x").build())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no Id");
    assertThatThrownBy(() -> client.upsert("Account", "Ext__c", List.of(SObject.builder("Contact")
        .set("Ext__c", "1").build()))).hasMessageContaining("Account records only");
    WireMock.verify(0, anyRequestedFor(anyUrl()));

    stubFor(patch(urlEqualTo(URL)).willReturn(okJson(saved(0, 1))));
    client.update(List.of(SObject.builder("Account").id(id(0)).set("Name", "New").build()));
    assertThat(body(WireMock.findAll(patchRequestedFor(urlEqualTo(URL))).get(0))).isEqualTo(json(
        "{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Id\":\"" + id(0)
            + "\",\"Name\":\"New\"}]}"));
  }

  @Test
  void deletesByIdsInTheQueryString() {
    stubFor(delete(urlPathEqualTo(URL)).willReturn(okJson(saved(0, 3))));

    CollectionResult result = client.deleteAsync(List.of(id(0), id(1), id(2)),
        CollectionOptions.builder().allOrNone(true).build()).join();

    LoggedRequest sent = WireMock.findAll(deleteRequestedFor(urlPathEqualTo(URL))).get(0);
    assertThat(sent.queryParameter("ids").firstValue()).isEqualTo(id(0) + "," + id(1) + "," + id(2));
    assertThat(sent.queryParameter("allOrNone").firstValue()).isEqualTo("true");
    assertInInputOrder(result, 3);
  }

  @Test
  void retrievesWithGetAndKeepsEmptyEntriesForUnreadableIds() {
    stubFor(get(urlPathEqualTo(URL + "/Account")).willReturn(okJson("""
        [{"attributes":{"type":"Account"},"Id":"001000000000000000","Name":"A"},null,
         {"attributes":{"type":"Account"},"Id":"001000000000000002","Name":"C"}]
        """)));

    List<Optional<SObject>> records = client.retrieve("Account", List.of(id(0), id(1), id(2)), List.of("Id", "Name"));

    LoggedRequest sent = WireMock.findAll(getRequestedFor(urlPathEqualTo(URL + "/Account"))).get(0);
    assertThat(sent.queryParameter("fields").firstValue()).isEqualTo("Id,Name");
    assertThat(records).hasSize(3);
    assertThat(records.get(0).orElseThrow().getString("Name")).isEqualTo("A");
    assertThat(records.get(1)).isEmpty();
    assertThat(records.get(2).orElseThrow().id()).contains(id(2));
  }

  @Test
  void retrievesManyIdsWithThePostFormInRequestsOfTwoThousand() {
    List<String> ids = IntStream.range(0, 2100).mapToObj(CollectionsClientTest::id).toList();
    StringBuilder big = new StringBuilder("[");
    for (int i = 0; i < 2000; i++) {
      big.append(i == 0 ? "" : ",").append("null");
    }
    stubFor(post(urlEqualTo(URL + "/Account")).willReturn(okJson(big.append("]").toString())));
    StringBuilder small = new StringBuilder("[");
    for (int i = 2000; i < 2100; i++) {
      small.append(i == 2000 ? "" : ",").append("{\"attributes\":{\"type\":\"Account\"},\"Id\":\"" + id(i) + "\"}");
    }
    stubFor(get(urlPathEqualTo(URL + "/Account")).willReturn(okJson(small.append("]").toString())));

    List<Optional<SObject>> records = client.retrieve("Account", ids, List.of("Id"));

    JsonNode postBody = body(WireMock.findAll(postRequestedFor(urlEqualTo(URL + "/Account"))).get(0));
    assertThat(postBody.get("ids")).hasSize(2000);
    assertThat(postBody.get("fields")).hasSize(1);
    WireMock.verify(1, getRequestedFor(urlPathEqualTo(URL + "/Account")));
    assertThat(records).hasSize(2100);
    assertThat(records.subList(0, 2000)).allMatch(Optional::isEmpty);
    assertThat(records.get(2099).orElseThrow().id()).contains(id(2099));
  }

  @Test
  void anEmptyInputSendsNothing() {
    assertThat(client.create(List.of()).results()).isEmpty();
    assertThat(client.retrieve("Account", List.of(), List.of("Id"))).isEmpty();
    WireMock.verify(0, anyRequestedFor(anyUrl()));
  }
}
