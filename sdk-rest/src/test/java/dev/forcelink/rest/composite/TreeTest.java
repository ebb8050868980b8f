package dev.forcelink.rest.composite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.exception.SalesforceError;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.internal.composite.TestConnections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class TreeTest {
  private static final String URL = "/services/data/v65.0/composite/tree/Account";
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

  private static TreeRequest acmeWithContacts() {
    return TreeRequest.builder("Account")
        .add(TreeRecord.of("ref1", SObject.builder("Account").set("Name", "Acme").build())
            .withChildren("Contacts",
                TreeRecord.of("ref2", SObject.builder("Contact").set("LastName", "Smith").build()),
                TreeRecord.of("ref3", SObject.builder("Contact").set("LastName", "Evans").set("Email", "bad").build())))
        .add(TreeRecord.of("ref4", SObject.builder("Account").set("Name", "Globex").build()))
        .build();
  }

  @Test
  void sendsNestedChildrenAndMapsReferenceIdsToNewIds() {
    stubFor(post(URL).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("""
            {"hasErrors":false,"results":[{"referenceId":"ref1","id":"001000000000001AAA"},
             {"referenceId":"ref2","id":"003000000000002AAA"},{"referenceId":"ref3","id":"003000000000003AAA"},
             {"referenceId":"ref4","id":"001000000000004AAA"}]}
            """)));

    TreeResult result = client.tree(acmeWithContacts());

    assertThat(body(WireMock.findAll(postRequestedFor(urlEqualTo(URL))).get(0))).isEqualTo(json("""
        {"records":[
         {"attributes":{"type":"Account","referenceId":"ref1"},"Name":"Acme",
          "Contacts":{"records":[
            {"attributes":{"type":"Contact","referenceId":"ref2"},"LastName":"Smith"},
            {"attributes":{"type":"Contact","referenceId":"ref3"},"LastName":"Evans","Email":"bad"}]}},
         {"attributes":{"type":"Account","referenceId":"ref4"},"Name":"Globex"}]}
        """));
    assertThat(result.isSuccess()).isTrue();
    assertThat(result.ids()).containsExactly(
        java.util.Map.entry("ref1", "001000000000001AAA"), java.util.Map.entry("ref2", "003000000000002AAA"),
        java.util.Map.entry("ref3", "003000000000003AAA"), java.util.Map.entry("ref4", "001000000000004AAA"));
    assertThat(result.errorsByReferenceId()).isEmpty();
  }

  @Test
  void aFailedTreeReportsErrorsByReferenceIdAndNoIds() {
    stubFor(post(URL).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("""
            {"hasErrors":true,"results":[{"referenceId":"ref3","errors":[{"statusCode":"INVALID_EMAIL_ADDRESS",
             "message":"Email: invalid email address: bad","fields":["Email"]}]}]}
            """)));

    TreeResult result = client.treeAsync(acmeWithContacts()).join();

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.ids()).isEmpty();
    assertThat(result.errorsByReferenceId()).containsOnlyKeys("ref3");
    assertThat(result.errorsByReferenceId().get("ref3")).containsExactly(new SalesforceError("INVALID_EMAIL_ADDRESS",
        "Email: invalid email address: bad", List.of("Email")));
    WireMock.verify(1, postRequestedFor(urlEqualTo(URL)));
  }

  @Test
  void aLongFailureListIsStillReportedPerReferenceId() {
    StringBuilder results = new StringBuilder();
    for (int i = 1; i <= 60; i++) {
      results.append(i == 1 ? "" : ",").append("{\"referenceId\":\"ref").append(i)
          .append("\",\"errors\":[{\"statusCode\":\"REQUIRED_FIELD_MISSING\",")
          .append("\"message\":\"Required fields are missing: [LastName]\",\"fields\":[\"LastName\"]}]}");
    }
    stubFor(post(URL).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("{\"hasErrors\":true,\"results\":[" + results + "]}")));

    TreeResult result = client.tree(acmeWithContacts());

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.errorsByReferenceId()).hasSize(60).containsKey("ref60");
  }

  @Test
  void aRequestLevelErrorIsThrown() {
    stubFor(post(URL).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("[{\"message\":\"Unexpected character\",\"errorCode\":\"JSON_PARSER_ERROR\"}]")));

    assertThatThrownBy(() -> client.tree(acmeWithContacts())).isInstanceOf(SalesforceServiceException.class)
        .hasMessageContaining("JSON_PARSER_ERROR");
  }

  @Test
  void limitsAreCheckedBeforeAnythingIsSent() {
    TreeRequest.Builder tooMany = TreeRequest.builder("Account");
    for (int i = 0; i < 201; i++) {
      tooMany.add(TreeRecord.of("a" + i, SObject.builder("Account").set("Name", "A" + i).build()));
    }
    assertThatThrownBy(tooMany::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 200 records").hasMessageContaining("has 201 (1 over the limit)");

    TreeRecord root = TreeRecord.of("r0", SObject.builder("Account").set("Name", "A").build());
    String[] types = {"Contact", "Opportunity", "Case", "Note", "Task"};
    for (int i = 0; i < types.length; i++) {
      root = root.withChildren("Rel" + i, TreeRecord.of("c" + i, SObject.builder(types[i]).build()));
    }
    TreeRecord sixTypes = root;
    assertThatThrownBy(() -> TreeRequest.builder("Account").add(sixTypes).build())
        .hasMessageContaining("at most 5 distinct record types").hasMessageContaining("has 6 (1 over");

    TreeRecord deep = TreeRecord.of("d5", SObject.builder("Account").build());
    for (int level = 4; level >= 0; level--) {
      deep = TreeRecord.of("d" + level, SObject.builder("Account").build()).withChildren("ChildAccounts", deep);
    }
    TreeRecord sixLevels = deep;
    assertThatThrownBy(() -> TreeRequest.builder("Account").add(sixLevels).build())
        .hasMessageContaining("at most 5 levels").hasMessageContaining("has 6 (1 over");

    assertThatThrownBy(() -> TreeRequest.builder("Account")
        .add(TreeRecord.of("x", SObject.builder("Account").build()), TreeRecord.of("x", SObject.builder("Account").build()))
        .build()).hasMessageContaining("Duplicate referenceId 'x'");
    assertThatThrownBy(() -> TreeRequest.builder("Account").add(TreeRecord.of("c", SObject.builder("Contact").build())))
        .hasMessageContaining("top level");
    assertThatThrownBy(() -> TreeRecord.of("c", SObject.builder("Contact").id("003000000000001AAA").build()))
        .hasMessageContaining("has an Id");
    WireMock.verify(0, anyRequestedFor(anyUrl()));
  }
}
