package dev.forcelink.rest.collections;

import static dev.forcelink.rest.composite.EmulatorClients.count;
import static dev.forcelink.rest.composite.EmulatorClients.record;
import static dev.forcelink.rest.composite.EmulatorClients.requestsTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.rest.RestClient;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.composite.EmulatorClients;
import dev.forcelink.testkit.EmulatorExtension;
import dev.forcelink.testkit.RecordMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Row locks on some records of a Collections call: only the locked records are sent again, so a
 * record that was saved is never sent twice. Creates make that visible: a re-sent record would be a
 * duplicate.
 */
class CollectionsLockRetryEmulatorTest {
  private static final int RECORDS = 450;
  private static final LockRetry NO_WAIT = LockRetry.builder()
      .maxAttempts(6).baseDelay(Duration.ZERO).maxDelay(Duration.ZERO).build();

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
      records.add(record("Contact", "LastName", tag, "Description", tag + "-" + i));
    }
    return records;
  }

  /** Each input record must exist exactly once, whatever the retries. */
  private void assertEachRecordSavedOnce(CollectionResult result) {
    Map<String, Integer> byDescription = new HashMap<>();
    rest.query("SELECT Description FROM Contact WHERE LastName = '" + tag + "'")
        .forEach(r -> byDescription.merge(r.getString("Description"), 1, Integer::sum));
    assertThat(byDescription).hasSize(RECORDS);
    assertThat(byDescription.values()).containsOnly(1);
    List<String> ids = result.results().stream().map(r -> r.id().orElseThrow()).toList();
    List<java.util.Optional<SObject>> read = rest.collections().retrieve("Contact", ids, List.of("Description"));
    for (int i = 0; i < RECORDS; i++) {
      assertThat(read.get(i).orElseThrow().getString("Description")).isEqualTo(tag + "-" + i);
    }
  }

  @Test
  void lockedRecordsAndOnlyThoseAreSentAgain() {
    int calls = lockedRun(1);
    assertThat(calls).isGreaterThan(3);
  }

  @Test
  void lockRetryKeepsInputOrderWithThreeRequestsInFlight() {
    lockedRun(3);
  }

  private int lockedRun(int concurrency) {
    EMULATOR.emulator().faults().lockRecords(RecordMatcher.object("Contact").share(0.10, 42L), 10_000);

    CollectionResult result = rest.collections().create(contacts(), CollectionOptions.builder()
        .concurrency(concurrency).retryLockedRecords(NO_WAIT).build());

    assertThat(result.allSucceeded()).as("%s", result.errorsByIndex()).isTrue();
    List<RecordResult> retried = result.results().stream().filter(r -> r.attempts() > 1).toList();
    // About 10% of 450; a seeded share, so the exact count is stable but not worth pinning.
    assertThat(retried.size()).isBetween(20, 80);
    int rounds = result.results().stream().mapToInt(RecordResult::attempts).max().orElseThrow();
    // Three first-round requests, then one request per retry round (each round holds < 200 records).
    assertThat(result.apiCalls()).isEqualTo(3 + rounds - 1);
    assertThat(requestsTo(EMULATOR.emulator(), rest, "/composite/sobjects")).hasSize(result.apiCalls())
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    assertEachRecordSavedOnce(result);
    EMULATOR.emulator().faults().clear();
    return result.apiCalls();
  }

  @Test
  void withAllOrNoneTheWholeRolledBackRequestIsSentAgain() {
    EMULATOR.emulator().faults().lockRecords(
        RecordMatcher.object("Contact").fieldEquals("Description", tag + "-250"), 1);

    CollectionResult result = rest.collections().create(contacts(), CollectionOptions.builder()
        .allOrNone(true).retryLockedRecords(NO_WAIT).build());

    assertThat(result.allSucceeded()).as("%s", result.errorsByIndex()).isTrue();
    assertThat(result.apiCalls()).isEqualTo(4);
    assertThat(result.results()).filteredOn(r -> r.attempts() == 2).extracting(RecordResult::index)
        .containsExactlyElementsOf(java.util.stream.IntStream.range(200, 400).boxed().toList());
    assertEachRecordSavedOnce(result);
    assertThat(count(rest, "Contact WHERE LastName = '" + tag + "'")).isEqualTo(RECORDS);
  }

  @Test
  void withoutLockRetryLockedRecordsAreReportedAndNotSaved() {
    EMULATOR.emulator().faults().lockRecords(
        RecordMatcher.object("Contact").fieldEquals("Description", tag + "-5"), 1);

    CollectionResult result = rest.collections().create(contacts());

    assertThat(result.apiCalls()).isEqualTo(3);
    assertThat(result.failed()).extracting(RecordResult::index).containsExactly(5);
    assertThat(result.failed().get(0).errors().get(0).errorCode()).isEqualTo("UNABLE_TO_LOCK_ROW");
    assertThat(count(rest, "Contact WHERE LastName = '" + tag + "'")).isEqualTo(RECORDS - 1);
  }
}
