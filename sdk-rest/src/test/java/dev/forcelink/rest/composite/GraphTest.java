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

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.internal.composite.TestConnections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class GraphTest {
  private static final String URL = "/services/data/v65.0/composite/graph";
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

  private static Graph accountWithContact(String graphId, String name) {
    return Graph.builder(graphId)
        .add("acct", Subrequest.create(SObject.builder("Account").set("Name", name).build()))
        .add("contact", Subrequest.create(SObject.builder("Contact").set("LastName", name)
            .set("AccountId", Reference.to("acct").field("id")).build()))
        .build();
  }

  @Test
  void sendsGraphsAndReportsPartialSuccessPerGraph() {
    stubFor(post(URL).willReturn(okJson("""
        {"graphs":[
         {"graphId":"g1","isSuccessful":true,"graphResponse":{"compositeResponse":[
           {"body":{"id":"001000000000001AAA","success":true,"errors":[]},"httpHeaders":{},"httpStatusCode":201,
            "referenceId":"acct"},
           {"body":{"id":"003000000000001AAA","success":true,"errors":[]},"httpHeaders":{},"httpStatusCode":201,
            "referenceId":"contact"}]}},
         {"graphId":"g2","isSuccessful":false,"graphResponse":{"compositeResponse":[
           {"body":[{"errorCode":"PROCESSING_HALTED","message":"The transaction was rolled back since another operation in the same transaction failed."}],
            "httpHeaders":{},"httpStatusCode":400,"referenceId":"acct"},
           {"body":[{"errorCode":"REQUIRED_FIELD_MISSING","message":"Required fields are missing: [LastName]",
             "fields":["LastName"]}],"httpHeaders":{},"httpStatusCode":400,"referenceId":"contact"}]}}]}
        """)));
    GraphRequest request = GraphRequest.builder().add(accountWithContact("g1", "Acme"))
        .add(accountWithContact("g2", "Globex")).build();

    GraphResult result = client.graph(request);

    assertThat(body(WireMock.findAll(postRequestedFor(urlEqualTo(URL))).get(0))).isEqualTo(json("""
        {"graphs":[
         {"graphId":"g1","compositeRequest":[
           {"method":"POST","url":"/services/data/v65.0/sobjects/Account","referenceId":"acct","body":{"Name":"Acme"}},
           {"method":"POST","url":"/services/data/v65.0/sobjects/Contact","referenceId":"contact",
            "body":{"LastName":"Acme","AccountId":"@{acct.id}"}}]},
         {"graphId":"g2","compositeRequest":[
           {"method":"POST","url":"/services/data/v65.0/sobjects/Account","referenceId":"acct","body":{"Name":"Globex"}},
           {"method":"POST","url":"/services/data/v65.0/sobjects/Contact","referenceId":"contact",
            "body":{"LastName":"Globex","AccountId":"@{acct.id}"}}]}]}
        """));
    assertThat(result.allSuccessful()).isFalse();
    assertThat(result.graph("g1").orElseThrow().isSuccessful()).isTrue();
    assertThat(result.graph("g1").orElseThrow().result("contact").orElseThrow().saveResult().orElseThrow().id())
        .contains("003000000000001AAA");
    GraphOutcome failed = result.failedGraphs().get(0);
    assertThat(failed.graphId()).isEqualTo("g2");
    assertThat(failed.result("acct").orElseThrow().isHalted()).isTrue();
    assertThat(failed.result("contact").orElseThrow().outcome()).isEqualTo(SubResult.Outcome.FAILED);
    assertThat(failed.failures()).hasSize(2);
  }

  @Test
  void limitsAreCheckedBeforeAnythingIsSent() {
    GraphRequest.Builder tooManyGraphs = GraphRequest.builder();
    for (int i = 0; i < 76; i++) {
      tooManyGraphs.add(Graph.builder("g" + i).add("a", Subrequest.delete("Account", "001000000000001AAA")).build());
    }
    assertThatThrownBy(tooManyGraphs::build).hasMessageContaining("at most 75 graphs")
        .hasMessageContaining("has 76 (1 over");

    Graph.Builder bigGraph = Graph.builder("big");
    for (int i = 0; i < 501; i++) {
      bigGraph.add("n" + i, Subrequest.delete("Account", "001000000000001AAA"));
    }
    assertThatThrownBy(bigGraph::build).hasMessageContaining("at most 500 nodes in a graph")
        .hasMessageContaining("has 501 (1 over");

    GraphRequest.Builder tooManyNodes = GraphRequest.builder();
    for (int g = 0; g < 2; g++) {
      Graph.Builder b = Graph.builder("g" + g);
      for (int i = 0; i < 260; i++) {
        b.add("n" + i, Subrequest.delete("Account", "001000000000001AAA"));
      }
      tooManyNodes.add(b.build());
    }
    assertThatThrownBy(tooManyNodes::build).hasMessageContaining("at most 500 nodes across all graphs")
        .hasMessageContaining("has 520 (20 over");

    Graph.Builder deep = Graph.builder("deep").add("n0", Subrequest.create(SObject.builder("Account").build()));
    for (int i = 1; i < 16; i++) {
      deep.add("n" + i, Subrequest.create(SObject.builder("Account")
          .set("ParentId", Reference.to("n" + (i - 1)).field("id")).build()));
    }
    assertThatThrownBy(deep::build).hasMessageContaining("at most 15 levels").hasMessageContaining("has 16 (1 over");

    assertThatThrownBy(() -> Graph.builder("q").add("q", Subrequest.query("SELECT Id FROM Account")))
        .hasMessageContaining("Graph nodes must be sObject record calls");
    assertThatThrownBy(() -> GraphRequest.builder().add(accountWithContact("same", "A"))
        .add(accountWithContact("same", "B"))).hasMessageContaining("Duplicate graphId 'same'");
    WireMock.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void fifteenLevelsAreAccepted() {
    Graph.Builder deep = Graph.builder("deep").add("n0", Subrequest.create(SObject.builder("Account").build()));
    for (int i = 1; i < 15; i++) {
      deep.add("n" + i, Subrequest.create(SObject.builder("Account")
          .set("ParentId", Reference.to("n" + (i - 1)).field("id")).build()));
    }
    assertThat(deep.build().depth()).isEqualTo(15);
  }

  @Test
  void graphsNeedApiVersionFifty() {
    SalesforceConnection old = connection.withApiVersion(new ApiVersion(49, 0));
    GraphRequest request = GraphRequest.builder().add(accountWithContact("g1", "Acme")).build();
    assertThatThrownBy(() -> CompositeClient.create(old).graph(request)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("v50.0");
  }
}
