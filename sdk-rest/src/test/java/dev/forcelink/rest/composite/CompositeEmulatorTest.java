package dev.forcelink.rest.composite;

import static dev.forcelink.rest.composite.EmulatorClients.count;
import static dev.forcelink.rest.composite.EmulatorClients.record;
import static dev.forcelink.rest.composite.EmulatorClients.requestsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.exception.SalesforceError;
import dev.forcelink.rest.RestClient;
import dev.forcelink.rest.SObject;
import dev.forcelink.testkit.EmulatorExtension;
import dev.forcelink.testkit.SalesforceEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /composite} through {@link CompositeClient} against the embedded emulator. */
class CompositeEmulatorTest {
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

  private static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void indexedAndNestedReferencesResolveAcrossSubrequests() {
    String accountName = unique("Refs");
    CompositeRequest request = CompositeRequest.builder()
        .allOrNone(true)
        .add("NewAccount", Subrequest.create(record("Account", "Name", accountName)))
        .add("NewContact", Subrequest.create(record("Contact", "LastName", "Ref",
            "AccountId", Reference.to("NewAccount").field("id"))))
        .add("Found", Subrequest.query("SELECT Id, Account.Name FROM Contact WHERE Id = '"
            + Reference.to("NewContact").field("id") + "'"))
        .add("Copy", Subrequest.update(record("Contact",
            "Id", Reference.to("Found").field("records").index(0).field("Id"),
            "Description", Reference.to("Found").field("records").index(0).field("Account").field("Name"))))
        .build();

    CompositeResult result = rest.composite().execute(request);

    assertThat(result.allSucceeded()).as("%s", result).isTrue();
    String contactId = result.result("NewContact").orElseThrow().saveResult().orElseThrow().id().orElseThrow();
    String accountId = result.result("NewAccount").orElseThrow().saveResult().orElseThrow().id().orElseThrow();
    SObject contact = rest.retrieve("Contact", contactId, "AccountId", "Description");
    assertThat(contact.getString("AccountId")).isEqualTo(accountId);
    assertThat(contact.getString("Description")).isEqualTo(accountName);
    assertThat(requestsTo(EMULATOR.emulator(), rest, "/composite")).hasSize(1);
  }

  @Test
  void allOrNoneRollsBackEarlierSubrequestsAndMarksThemHalted() {
    String accountName = unique("Rollback");
    CompositeRequest request = CompositeRequest.builder()
        .allOrNone(true)
        .add("GoodAccount", Subrequest.create(record("Account", "Name", accountName)))
        .add("BadContact", Subrequest.create(record("Contact", "FirstName", "No last name")))
        .add("Later", Subrequest.create(record("Account", "Name", accountName)))
        .build();

    CompositeResult result = rest.composite().execute(request);

    assertThat(result.allSucceeded()).isFalse();
    assertThat(result.causes()).extracting(r -> r.referenceId().orElseThrow()).containsExactly("BadContact");
    assertThat(result.causes().get(0).errors()).extracting(SalesforceError::errorCode)
        .containsExactly("REQUIRED_FIELD_MISSING");
    assertThat(result.halted()).extracting(r -> r.referenceId().orElseThrow())
        .containsExactly("GoodAccount", "Later");
    assertThat(result.halted()).allSatisfy(r -> assertThat(r.errors()).extracting(SalesforceError::errorCode)
        .containsExactly("PROCESSING_HALTED"));
    assertThat(count(rest, "Account WHERE Name = '" + accountName + "'")).isZero();
  }

  @Test
  void withoutAllOrNoneOnlyDependentsOfAFailureAreHalted() {
    String name = unique("Partial");
    CompositeRequest request = CompositeRequest.builder()
        .add("BadAccount", Subrequest.create(record("Account", "Description", "no name")))
        .add("Dependent", Subrequest.create(record("Contact", "LastName", name,
            "AccountId", Reference.to("BadAccount").field("id"))))
        .add("Independent", Subrequest.create(record("Contact", "LastName", name)))
        .build();

    CompositeResult result = rest.composite().execute(request);

    SubResult dependent = result.result("Dependent").orElseThrow();
    assertThat(dependent.isHalted()).isTrue();
    assertThat(dependent.statusCode()).isEqualTo(400);
    assertThat(dependent.errors()).extracting(SalesforceError::errorCode).containsExactly("PROCESSING_HALTED");
    assertThat(result.result("BadAccount").orElseThrow().outcome()).isEqualTo(SubResult.Outcome.FAILED);
    assertThat(result.result("Independent").orElseThrow().isSuccess()).isTrue();
    assertThat(count(rest, "Contact WHERE LastName = '" + name + "'")).isEqualTo(1);
  }

  @Test
  void requestsOverTheLimitsFailBeforeAnythingIsSent() {
    SalesforceEmulator emulator = EMULATOR.emulator();
    emulator.requests().reset();

    CompositeRequest.Builder tooMany = CompositeRequest.builder();
    for (int i = 0; i < 26; i++) {
      tooMany.add("A" + i, Subrequest.create(record("Account", "Name", "Over " + i)));
    }
    assertThatThrownBy(tooMany::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 25 subrequests").hasMessageContaining("1 over the limit");

    CompositeRequest.Builder tooManyQueries = CompositeRequest.builder();
    for (int i = 0; i < 6; i++) {
      tooManyQueries.add("Q" + i, Subrequest.query("SELECT Id FROM Account LIMIT 1"));
    }
    assertThatThrownBy(tooManyQueries::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 5 query, queryAll and sObject Collections subrequests");

    List<SObject> records = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      records.add(record("Account", "Name", "Over " + i));
    }
    assertThatThrownBy(() -> Subrequest.collectionsCreate(false, records))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 200 records");

    TreeRequest.Builder bigTree = TreeRequest.builder("Account");
    for (int i = 0; i < 201; i++) {
      bigTree.add(TreeRecord.of("T" + i, record("Account", "Name", "Over " + i)));
    }
    assertThatThrownBy(bigTree::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 200 records");

    Graph.Builder bigGraph = Graph.builder("g1");
    for (int i = 0; i < 501; i++) {
      bigGraph.add("N" + i, Subrequest.create(record("Account", "Name", "Over " + i)));
    }
    assertThatThrownBy(bigGraph::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 500 nodes");

    assertThat(emulator.requests().count()).as("requests that reached the emulator").isZero();
  }
}
