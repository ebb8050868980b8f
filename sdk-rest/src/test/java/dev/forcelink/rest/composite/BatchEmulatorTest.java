package dev.forcelink.rest.composite;

import static dev.forcelink.rest.composite.EmulatorClients.count;
import static dev.forcelink.rest.composite.EmulatorClients.record;
import static dev.forcelink.rest.composite.EmulatorClients.requestsTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.exception.SalesforceError;
import dev.forcelink.rest.RestClient;
import dev.forcelink.testkit.EmulatorExtension;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /composite/batch} through {@link CompositeClient} against the embedded emulator. */
class BatchEmulatorTest {
  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.builder().build();

  private static SalesforceConnection connection;
  private static RestClient rest;
  private String name;

  @BeforeAll
  static void connect() {
    connection = EmulatorClients.connect(EMULATOR.emulator());
    rest = RestClient.create(connection);
  }

  @AfterAll
  static void close() {
    connection.close();
  }

  @BeforeEach
  void name() {
    name = "Batch " + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void moreThan25SubrequestsAreSplitIntoGroupsOf25WithResultsInInputOrder() {
    BatchRequest.Builder builder = BatchRequest.builder();
    for (int i = 0; i < 60; i++) {
      builder.add(Subrequest.create(record("Contact", "LastName", name, "Description", "n" + i)));
    }

    BatchResult result = rest.composite().batch(builder.build());

    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.calls()).isEqualTo(3);
    assertThat(requestsTo(EMULATOR.emulator(), rest, "/composite/batch")).hasSize(3);
    assertThat(result.results()).extracting(SubResult::index).containsExactlyElementsOf(
        java.util.stream.IntStream.range(0, 60).boxed().toList());
    for (int i : new int[] {0, 24, 25, 59}) {
      String id = result.results().get(i).saveResult().orElseThrow().id().orElseThrow();
      assertThat(rest.retrieve("Contact", id, "Description").getString("Description")).isEqualTo("n" + i);
    }
    assertThat(count(rest, "Contact WHERE LastName = '" + name + "'")).isEqualTo(60);
  }

  @Test
  void haltOnErrorHaltsTheRestOfTheGroupAndSendsNoLaterGroup() {
    BatchRequest.Builder builder = BatchRequest.builder().haltOnError(true);
    builder.add(Subrequest.create(record("Contact", "LastName", name)));
    builder.add(Subrequest.create(record("Contact", "FirstName", "No last name")));
    for (int i = 0; i < 30; i++) {
      builder.add(Subrequest.create(record("Contact", "LastName", name)));
    }

    BatchResult result = rest.composite().batch(builder.build());

    assertThat(result.calls()).isEqualTo(1);
    assertThat(requestsTo(EMULATOR.emulator(), rest, "/composite/batch")).hasSize(1);
    assertThat(result.results()).hasSize(32);
    assertThat(result.results().get(0).isSuccess()).isTrue();
    assertThat(result.results().get(1).outcome()).isEqualTo(SubResult.Outcome.FAILED);
    assertThat(result.results().subList(2, 25)).allSatisfy(r -> {
      assertThat(r.statusCode()).isEqualTo(412);
      assertThat(r.errors()).extracting(SalesforceError::errorCode).containsExactly("BATCH_PROCESSING_HALTED");
      assertThat(r.isHalted()).isTrue();
    });
    assertThat(result.notAttempted()).extracting(SubResult::index)
        .containsExactlyElementsOf(java.util.stream.IntStream.range(25, 32).boxed().toList());
    assertThat(count(rest, "Contact WHERE LastName = '" + name + "'")).isEqualTo(1);
  }

  @Test
  void withoutHaltOnErrorEverySubrequestRunsIndependently() {
    BatchRequest request = BatchRequest.builder()
        .add(Subrequest.retrieve("Account", "001000000000000AAA", "Name"))
        .add(Subrequest.create(record("Contact", "LastName", name)))
        .add(Subrequest.query("SELECT Id FROM Contact WHERE LastName = '" + name + "'"))
        .build();

    BatchResult result = rest.composite().batch(request);

    assertThat(result.allSucceeded()).isFalse();
    assertThat(result.failed()).extracting(SubResult::index).containsExactly(0);
    assertThat(result.results().get(0).statusCode()).isEqualTo(404);
    assertThat(result.succeeded()).extracting(SubResult::index).containsExactly(1, 2);
    assertThat(result.results().get(2).queryResult().orElseThrow().records()).hasSize(1);
  }
}
