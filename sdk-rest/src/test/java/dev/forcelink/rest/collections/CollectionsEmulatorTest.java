package dev.forcelink.rest.collections;

import static dev.forcelink.rest.composite.EmulatorClients.count;
import static dev.forcelink.rest.composite.EmulatorClients.record;
import static dev.forcelink.rest.composite.EmulatorClients.requestsTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.exception.SalesforceError;
import dev.forcelink.rest.RestClient;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.composite.EmulatorClients;
import dev.forcelink.testkit.EmulatorExtension;
import dev.forcelink.testkit.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * sObject Collections through {@link CollectionsClient} against the embedded emulator: 450 records
 * take three requests of at most 200, and the results come back in input order whatever the
 * concurrency.
 */
class CollectionsEmulatorTest {
  private static final int RECORDS = 450;

  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.builder().build();

  private static SalesforceConnection connection;
  private static RestClient rest;
  private String tag;

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
  void tag() {
    tag = UUID.randomUUID().toString().substring(0, 8);
  }

  private List<SObject> contacts() {
    List<SObject> records = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      records.add(record("Contact", "LastName", tag, "Description", "n" + i,
          "External_ERP_Id__c", tag + "-" + i));
    }
    return records;
  }

  private static List<String> ids(CollectionResult result) {
    return result.results().stream().map(r -> r.id().orElseThrow()).toList();
  }

  private List<RecordedRequest> collectionsRequests() {
    return requestsTo(EMULATOR.emulator(), rest, "/composite/sobjects");
  }

  /** Checks that record i of the input is the i-th id by reading each record's Description back. */
  private static void assertInInputOrder(List<String> ids, String prefix) {
    List<Optional<SObject>> read = rest.collections().retrieve("Contact", ids, List.of("Description"));
    assertThat(read).hasSize(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      assertThat(read.get(i)).as("record %d", i).isPresent();
      assertThat(read.get(i).get().getString("Description")).as("record %d", i).isEqualTo(prefix + i);
    }
  }

  @ParameterizedTest(name = "concurrency {0}")
  @ValueSource(ints = {1, 3})
  void createTakesThreeRequestsAndAnswersInInputOrder(int concurrency) {
    CollectionResult result = rest.collections().create(contacts(),
        CollectionOptions.builder().concurrency(concurrency).build());

    assertThat(result.allSucceeded()).as("%s", result).isTrue();
    assertThat(result.apiCalls()).isEqualTo(3);
    assertThat(collectionsRequests()).extracting(RecordedRequest::method).containsExactly("POST", "POST", "POST");
    assertThat(result.results()).extracting(RecordResult::index)
        .containsExactlyElementsOf(IntStream.range(0, RECORDS).boxed().toList());
    assertThat(result.results()).allSatisfy(r -> assertThat(r.attempts()).isEqualTo(1));
    assertInInputOrder(ids(result), "n");
    assertThat(count(rest, "Contact WHERE LastName = '" + tag + "'")).isEqualTo(RECORDS);
  }

  @Test
  void updateChangesEveryRecordInThreeRequests() {
    List<String> ids = ids(rest.collections().create(contacts()));
    List<SObject> changes = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      changes.add(record("Contact", "Id", ids.get(i), "Description", "updated " + i));
    }
    EMULATOR.emulator().requests().reset();

    CollectionResult result = rest.collections().update(changes,
        CollectionOptions.builder().concurrency(3).build());

    assertThat(result.allSucceeded()).isTrue();
    assertThat(ids(result)).isEqualTo(ids);
    assertThat(collectionsRequests()).extracting(RecordedRequest::method).containsExactly("PATCH", "PATCH", "PATCH");
    assertInInputOrder(ids, "updated ");
  }

  @Test
  void upsertByExternalIdCreatesThenUpdatesTheSameRecords() {
    CollectionResult first = rest.collections().upsert("Contact", "External_ERP_Id__c", contacts());
    CollectionResult second = rest.collections().upsert("Contact", "External_ERP_Id__c", contacts(),
        CollectionOptions.builder().concurrency(3).build());

    assertThat(first.allSucceeded()).isTrue();
    assertThat(second.allSucceeded()).isTrue();
    assertThat(first.results()).allSatisfy(r -> assertThat(r.created()).contains(true));
    assertThat(second.results()).allSatisfy(r -> assertThat(r.created()).contains(false));
    assertThat(ids(second)).isEqualTo(ids(first));
    assertThat(collectionsRequests()).hasSize(6)
        .allSatisfy(r -> assertThat(r.path()).endsWith("/composite/sobjects/Contact/External_ERP_Id__c"));
    assertInInputOrder(ids(second), "n");
    assertThat(count(rest, "Contact WHERE LastName = '" + tag + "'")).isEqualTo(RECORDS);
  }

  @Test
  void retrieveAnswersInInputOrderWithEmptyEntriesForUnknownIds() {
    List<String> ids = new ArrayList<>(ids(rest.collections().create(contacts())));
    String deleted = ids.get(7);
    rest.delete("Contact", deleted);
    EMULATOR.emulator().requests().reset();

    List<Optional<SObject>> read = rest.collections().retrieve("Contact", ids, List.of("Description"),
        CollectionOptions.builder().concurrency(3).build());

    assertThat(read).hasSize(RECORDS);
    assertThat(read.get(7)).isEmpty();
    assertThat(read.get(8).orElseThrow().getString("Description")).isEqualTo("n8");
    assertThat(read.get(449).orElseThrow().getString("Description")).isEqualTo("n449");
    assertThat(collectionsRequests()).hasSize(1);
  }

  @Test
  void retrieveOfMoreThan800IdsUsesOnePostRequest() {
    List<String> ids = new ArrayList<>(ids(rest.collections().create(contacts())));
    List<String> twice = new ArrayList<>(ids);
    twice.addAll(ids);
    EMULATOR.emulator().requests().reset();

    List<Optional<SObject>> read = rest.collections().retrieve("Contact", twice, List.of("Description"));

    assertThat(read).hasSize(2 * RECORDS);
    assertThat(read.get(RECORDS + 3).orElseThrow().getString("Description")).isEqualTo("n3");
    assertThat(collectionsRequests()).extracting(RecordedRequest::method).containsExactly("POST");
  }

  @Test
  void deleteRemovesEveryRecordInThreeRequestsAndReportsMissingOnes() {
    List<String> ids = new ArrayList<>(ids(rest.collections().create(contacts())));
    rest.delete("Contact", ids.get(300));
    EMULATOR.emulator().requests().reset();

    CollectionResult result = rest.collections().delete(ids, CollectionOptions.builder().concurrency(3).build());

    assertThat(result.apiCalls()).isEqualTo(3);
    assertThat(collectionsRequests()).extracting(RecordedRequest::method)
        .containsExactly("DELETE", "DELETE", "DELETE");
    assertThat(result.failed()).extracting(RecordResult::index).containsExactly(300);
    assertThat(result.failed().get(0).errors()).extracting(SalesforceError::errorCode).isNotEmpty();
    assertThat(result.succeeded()).hasSize(RECORDS - 1);
    assertThat(count(rest, "Contact WHERE LastName = '" + tag + "'")).isZero();
  }
}
