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

/** {@code /composite/tree} through {@link CompositeClient} against the embedded emulator. */
class TreeEmulatorTest {
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

  @Test
  void createsTreesWithNestedChildrenLinkedToTheirParents() {
    String name = "Tree " + UUID.randomUUID().toString().substring(0, 8);
    TreeRequest request = TreeRequest.builder("Account")
        .add(TreeRecord.of("acme", record("Account", "Name", name))
                .withChildren("Contacts",
                    TreeRecord.of("ada", record("Contact", "LastName", "Ada", "Description", name)),
                    TreeRecord.of("bob", record("Contact", "LastName", "Bob", "Description", name)))
                .withChildren("Opportunities", TreeRecord.of("deal", record("Opportunity", "Name", name,
                    "StageName", "Prospecting", "CloseDate", java.time.LocalDate.of(2030, 1, 31)))),
            TreeRecord.of("globex", record("Account", "Name", name)))
        .build();

    TreeResult result = rest.composite().tree(request);

    assertThat(result.isSuccess()).as("%s", result).isTrue();
    assertThat(result.ids()).containsOnlyKeys("acme", "ada", "bob", "deal", "globex");
    String acme = result.id("acme").orElseThrow();
    assertThat(rest.retrieve("Contact", result.id("ada").orElseThrow(), "AccountId").getString("AccountId"))
        .isEqualTo(acme);
    assertThat(rest.retrieve("Opportunity", result.id("deal").orElseThrow(), "AccountId").getString("AccountId"))
        .isEqualTo(acme);
    assertThat(count(rest, "Contact WHERE AccountId = '" + acme + "'")).isEqualTo(2);
    assertThat(count(rest, "Account WHERE Name = '" + name + "'")).isEqualTo(2);
  }

  @Test
  void aBadChildRollsBackTheWholeRequestAndNamesTheChild() {
    String name = "Tree " + UUID.randomUUID().toString().substring(0, 8);
    TreeRequest request = TreeRequest.builder("Account")
        .add(TreeRecord.of("ok", record("Account", "Name", name)),
            TreeRecord.of("parent", record("Account", "Name", name))
                .withChildren("Contacts",
                    TreeRecord.of("good", record("Contact", "LastName", "Good", "Description", name)),
                    TreeRecord.of("bad", record("Contact", "FirstName", "No last name", "Description", name))))
        .build();

    TreeResult result = rest.composite().tree(request);

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.ids()).isEmpty();
    assertThat(result.errorsByReferenceId()).containsOnlyKeys("bad");
    assertThat(result.errorsByReferenceId().get("bad")).extracting(SalesforceError::errorCode)
        .containsExactly("REQUIRED_FIELD_MISSING");
    assertThat(count(rest, "Account WHERE Name = '" + name + "'")).isZero();
    assertThat(count(rest, "Contact WHERE Description = '" + name + "'")).isZero();
  }
}
