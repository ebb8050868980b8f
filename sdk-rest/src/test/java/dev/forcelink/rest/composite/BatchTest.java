package dev.forcelink.rest.composite;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.forcelink.rest.internal.composite.TestConnections.body;
import static dev.forcelink.rest.internal.composite.TestConnections.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.internal.composite.TestConnections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class BatchTest {
  private static final String URL = "/services/data/v65.0/composite/batch";
  private SalesforceConnection connection;
  private CompositeClient client;

  @BeforeEach
  void connect(WireMockRuntimeInfo wm) {
    connection = TestConnections.to(wm);
    client = CompositeClient.create(connection);
  }

  @AfterEach
  void close() {
    connection.close();
  }

  private static String okResults(int n) {
    StringBuilder sb = new StringBuilder("{\"hasErrors\":false,\"results\":[");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"statusCode\":204,\"result\":null}");
    }
    return sb.append("]}").toString();
  }

  private static BatchRequest updates(int n, boolean haltOnError) {
    BatchRequest.Builder b = BatchRequest.builder().haltOnError(haltOnError);
    for (int i = 0; i < n; i++) {
      b.add(Subrequest.update(SObject.builder("Account").id(String.format("001%015d", i)).set("Rating", "Hot").build()));
    }
    return b.build();
  }

  @Test
  void sendsTheBatchShapeWithUrlsRelativeToTheDataRoot() {
    stubFor(post(URL).willReturn(okJson("""
        {"hasErrors":false,"results":[
         {"statusCode":201,"result":{"id":"001000000000001AAA","success":true,"errors":[]}},
         {"statusCode":200,"result":{"attributes":{"type":"Account"},"Name":"Acme"}},
         {"statusCode":200,"result":{"totalSize":0,"done":true,"records":[]}}]}
        """)));
    BatchRequest request = BatchRequest.builder().haltOnError(true)
        .add(Subrequest.create(SObject.builder("Account").set("Name", "Acme").build()))
        .add(Subrequest.retrieve("Account", "001000000000001AAA", "Name"))
        .add(Subrequest.query("SELECT Id FROM Account LIMIT 1"))
        .build();

    BatchResult result = client.batch(request);

    LoggedRequest sent = WireMock.findAll(postRequestedFor(urlEqualTo(URL))).get(0);
    assertThat(body(sent)).isEqualTo(json("""
        {"haltOnError":true,"batchRequests":[
         {"method":"POST","url":"v65.0/sobjects/Account","richInput":{"Name":"Acme"}},
         {"method":"GET","url":"v65.0/sobjects/Account/001000000000001AAA?fields=Name"},
         {"method":"GET","url":"v65.0/query?q=SELECT+Id+FROM+Account+LIMIT+1"}]}
        """));
    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.calls()).isEqualTo(1);
    assertThat(result.results().get(0).saveResult().orElseThrow().id()).contains("001000000000001AAA");
    assertThat(result.results().get(1).record().orElseThrow().getString("Name")).isEqualTo("Acme");
    assertThat(result.results().get(2).queryResult().orElseThrow().totalSize()).isZero();
    assertThat(result.results()).allMatch(r -> r.referenceId().isEmpty());
  }

  @Test
  void splitsIntoGroupsOfTwentyFiveAndKeepsInputOrder() {
    stubFor(post(URL).inScenario("groups").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(okResults(25))).willSetStateTo("second"));
    stubFor(post(URL).inScenario("groups").whenScenarioStateIs("second").willReturn(okJson(okResults(5))));

    BatchResult result = client.batch(updates(30, false));

    List<LoggedRequest> sent = WireMock.findAll(postRequestedFor(urlEqualTo(URL)));
    assertThat(sent).hasSize(2);
    assertThat(body(sent.get(0)).get("batchRequests")).hasSize(25);
    JsonNode second = body(sent.get(1)).get("batchRequests");
    assertThat(second).hasSize(5);
    assertThat(second.get(0).get("url").asText()).isEqualTo("v65.0/sobjects/Account/001000000000000025");
    assertThat(result.calls()).isEqualTo(2);
    assertThat(result.results()).extracting(SubResult::index).containsExactlyElementsOf(
        java.util.stream.IntStream.range(0, 30).boxed().toList());
    assertThat(result.allSucceeded()).isTrue();
  }

  @Test
  void haltOnErrorRecognisesHaltedSubrequestsAndSendsNoLaterGroup() {
    StringBuilder first = new StringBuilder("{\"hasErrors\":true,\"results\":[{\"statusCode\":204,\"result\":null},"
        + "{\"statusCode\":400,\"result\":[{\"errorCode\":\"MALFORMED_ID\",\"message\":\"bad id\",\"fields\":[\"Id\"]}]}");
    for (int i = 2; i < 25; i++) {
      first.append(",{\"statusCode\":412,\"result\":[{\"errorCode\":\"BATCH_PROCESSING_HALTED\","
          + "\"message\":\"Batch processing halted per request\"}]}");
    }
    stubFor(post(URL).willReturn(okJson(first.append("]}").toString())));

    BatchResult result = client.batch(updates(30, true));

    WireMock.verify(1, postRequestedFor(urlEqualTo(URL)));
    assertThat(result.calls()).isEqualTo(1);
    assertThat(result.succeeded()).extracting(SubResult::index).containsExactly(0);
    assertThat(result.results().get(1).outcome()).isEqualTo(SubResult.Outcome.FAILED);
    assertThat(result.results().subList(2, 25)).allSatisfy(r -> {
      assertThat(r.isHalted()).isTrue();
      assertThat(r.statusCode()).isEqualTo(412);
    });
    assertThat(result.notAttempted()).extracting(SubResult::index).containsExactly(25, 26, 27, 28, 29);
    assertThat(result.errorsByIndex()).hasSize(29);
    assertThat(result.errorsByIndex().get(1).get(0).errorCode()).isEqualTo("MALFORMED_ID");
    assertThat(result.errorsByIndex().get(27)).isEmpty();
  }

  @Test
  void withoutHaltOnErrorLaterGroupsAreSentAfterAFailure() {
    String failing = okResults(25).replaceFirst("\\{\"statusCode\":204,\"result\":null}",
        "{\"statusCode\":404,\"result\":[{\"errorCode\":\"NOT_FOUND\",\"message\":\"gone\"}]}");
    stubFor(post(URL).inScenario("groups").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(failing)).willSetStateTo("second"));
    stubFor(post(URL).inScenario("groups").whenScenarioStateIs("second").willReturn(okJson(okResults(5))));

    BatchResult result = client.batchAsync(updates(30, false)).join();

    WireMock.verify(2, postRequestedFor(urlEqualTo(URL)));
    assertThat(result.failed()).extracting(SubResult::index).containsExactly(0);
    assertThat(result.succeeded()).hasSize(29);
  }

  @Test
  void batchSubrequestsCannotUseReferencesOrHeaders() {
    assertThatThrownBy(() -> BatchRequest.builder()
        .add(Subrequest.retrieve("Account", Reference.to("A").field("id"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot use references");
    assertThatThrownBy(() -> BatchRequest.builder()
        .add(Subrequest.retrieve("Account", "001000000000001AAA").withHttpHeader("If-None-Match", "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot carry HTTP headers");
    assertThatThrownBy(() -> BatchRequest.builder().build()).isInstanceOf(IllegalArgumentException.class);
    WireMock.verify(0, anyRequestedFor(anyUrl()));
  }
}
