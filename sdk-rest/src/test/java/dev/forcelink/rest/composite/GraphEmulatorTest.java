package dev.forcelink.rest.composite;

import static dev.forcelink.rest.composite.EmulatorClients.count;
import static dev.forcelink.rest.composite.EmulatorClients.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.exception.SalesforceError;
import dev.forcelink.rest.RestClient;
import dev.forcelink.testkit.EmulatorExtension;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /composite/graph} through {@link CompositeClient} against the embedded emulator. */
class GraphEmulatorTest {
  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.builder().build();

  private static SalesforceConnection connection;
  private static RestClient rest;

  @BeforeAll
  static void connect() {
    connection = EmulatorClients.connect(EMULATOR.emulator());
    rest = RestClient.create(connection);
  }

  @AfterAll
  static void close() {
    connection.close();
  }

  private static Graph customer(String graphId, String name, String contactLastName) {
    return Graph.builder(graphId)
        .add("account", Subrequest.create(record("Account", "Name", name)))
        .add("contact", Subrequest.create(contactLastName == null
            ? record("Contact", "FirstName", "No last name", "AccountId", Reference.to("account").field("id"))
            : record("Contact", "LastName", contactLastName, "AccountId", Reference.to("account").field("id"))))
        .build();
  }

  @Test
  void oneFailingGraphRollsBackAloneWhileTheOtherCommits() {
    String good = "Graph ok " + UUID.randomUUID().toString().substring(0, 8);
    String bad = "Graph bad " + UUID.randomUUID().toString().substring(0, 8);
    GraphRequest request = GraphRequest.builder()
        .add(customer("good", good, "Lovelace"))
        .add(customer("bad", bad, null))
        .build();

    GraphResult result = rest.composite().graph(request);

    assertThat(result.allSuccessful()).isFalse();
    assertThat(result.failedGraphs()).extracting(GraphOutcome::graphId).containsExactly("bad");
    GraphOutcome ok = result.graph("good").orElseThrow();
    assertThat(ok.isSuccessful()).isTrue();
    String accountId = ok.result("account").orElseThrow().saveResult().orElseThrow().id().orElseThrow();
    assertThat(count(rest, "Contact WHERE AccountId = '" + accountId + "'")).isEqualTo(1);

    GraphOutcome failed = result.graph("bad").orElseThrow();
    assertThat(failed.result("contact").orElseThrow().errors()).extracting(SalesforceError::errorCode)
        .containsExactly("REQUIRED_FIELD_MISSING");
    assertThat(failed.result("account").orElseThrow().isHalted()).isTrue();
    assertThat(count(rest, "Account WHERE Name = '" + good + "'")).isEqualTo(1);
    assertThat(count(rest, "Account WHERE Name = '" + bad + "'")).isZero();
  }

  @Test
  void upsertNodesByExternalIdMakeAGraphSafeToSendTwice() {
    String erpId = "G-" + UUID.randomUUID();
    Graph graph = Graph.builder("onboard")
        .add("account", Subrequest.upsert(record("Account", "External_ERP_Id__c", erpId, "Name", "Graph upsert"),
            "External_ERP_Id__c"))
        .add("contact", Subrequest.upsert(record("Contact", "External_ERP_Id__c", erpId + "-c", "LastName", "Once",
            "AccountId", Reference.to("account").field("id")), "External_ERP_Id__c"))
        .build();
    GraphRequest request = GraphRequest.builder().add(graph).build();

    GraphResult first = rest.composite().graph(request);
    GraphResult second = rest.composite().graph(request);

    assertThat(first.allSuccessful()).as("%s", first).isTrue();
    assertThat(second.allSuccessful()).as("%s", second).isTrue();
    assertThat(first.graph("onboard").orElseThrow().result("account").orElseThrow().saveResult().orElseThrow()
        .created()).contains(true);
    assertThat(second.graph("onboard").orElseThrow().result("account").orElseThrow().saveResult().orElseThrow()
        .created()).contains(false);
    assertThat(count(rest, "Account WHERE External_ERP_Id__c = '" + erpId + "'")).isEqualTo(1);
    assertThat(count(rest, "Contact WHERE External_ERP_Id__c = '" + erpId + "-c'")).isEqualTo(1);
  }
}
