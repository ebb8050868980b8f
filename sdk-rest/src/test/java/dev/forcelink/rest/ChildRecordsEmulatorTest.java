package dev.forcelink.rest;

import static dev.forcelink.rest.EmulatorRest.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.rest.collections.RecordResult;
import dev.forcelink.testkit.EmulatorExtension;
import dev.forcelink.testkit.RecordedRequest;
import dev.forcelink.testkit.RequestMatcher;
import dev.forcelink.testkit.SalesforceEmulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Child subquery results longer than the emulator's child batch (200 by default), read end to end
 * with {@link RestClient#children}: an Account with 450 Contacts, one with two, one with none.
 */
class ChildRecordsEmulatorTest {
  private static final int BIG = 450;
  private static final String CHILD_CONTINUATION = DATA + "/query/01g\\w+-(200|400)";
  private static final String ACCOUNTS = "SELECT Id, Name, (SELECT Id, LastName FROM Contacts ORDER BY LastName)"
      + " FROM Account WHERE Description = 'children' ORDER BY Name";

  @RegisterExtension
  static final EmulatorExtension ORG = EmulatorRest.extension();

  /** The Big account's contact ids, in LastName order. */
  private static List<String> bigContacts;

  private EmulatorRest e2e;

  @BeforeAll
  static void seed() {
    try (EmulatorRest seeder = new EmulatorRest(ORG.emulator())) {
      List<String> accounts = ids(seeder.rest.collections().create(List.of(
          account("Big"), account("Empty"), account("Small"))).results());
      List<SObject> contacts = new ArrayList<>();
      for (int i = 0; i < BIG; i++) {
        contacts.add(contact(String.format("C%03d", i), accounts.get(0)));
      }
      contacts.add(contact("S0", accounts.get(2)));
      contacts.add(contact("S1", accounts.get(2)));
      bigContacts = ids(seeder.rest.collections().create(contacts).results()).subList(0, BIG);
    }
  }

  private static SObject account(String name) {
    return SObject.builder("Account").set("Name", name).set("Description", "children").build();
  }

  private static SObject contact(String lastName, String accountId) {
    return SObject.builder("Contact").set("LastName", lastName).set("AccountId", accountId).build();
  }

  private static List<String> ids(List<RecordResult> results) {
    return results.stream().map(r -> r.id().orElseThrow()).collect(Collectors.toList());
  }

  @BeforeEach
  void connect() {
    e2e = new EmulatorRest(ORG.emulator());
  }

  @AfterEach
  void close() {
    e2e.close();
  }

  private SObject big() {
    try (QueryResult<SObject> accounts = e2e.rest.query(ACCOUNTS)) {
      return accounts.stream().filter(a -> a.getString("Name").equals("Big")).findFirst().orElseThrow();
    }
  }

  private List<RecordedRequest> childContinuations() {
    return e2e.emulator.requests().list().stream().filter(r -> r.path().matches(CHILD_CONTINUATION))
        .collect(Collectors.toList());
  }

  @Test
  void everyContactOfAnAccountWith450ComesExactlyOnceInOrder() {
    RelatedRecords nested = big().getChildren("Contacts");
    assertThat(nested.records()).as("only the first child batch is nested").hasSize(200);
    assertThat(nested.totalSize()).isEqualTo(BIG);
    assertThat(nested.done()).isFalse();

    List<String> ids;
    try (QueryResult<SObject> contacts = e2e.rest.children(nested)) {
      assertThat(contacts.totalSize()).isEqualTo(BIG);
      ids = contacts.stream().map(c -> c.getString("Id")).collect(Collectors.toList());
    }

    assertThat(ids).containsExactlyElementsOf(bigContacts);
    assertThat(childContinuations()).extracting(RecordedRequest::status).containsExactly(200, 200);
  }

  @Test
  void aNestedLoopOverParentsReadsEachParentsChildren() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (QueryResult<SObject> accounts = e2e.rest.query(ACCOUNTS)) {
      for (SObject account : accounts) {
        int n = 0;
        for (SObject ignored : e2e.rest.children(account, "Contacts")) {
          n++;
        }
        counts.put(account.getString("Name"), n);
      }
    }

    assertThat(counts).containsExactly(Map.entry("Big", BIG), Map.entry("Empty", 0), Map.entry("Small", 2));
  }

  @Test
  void aFailedChildBatchIsRetriedWithNoContactLostOrRepeated() {
    RelatedRecords nested = big().getChildren("Contacts");
    e2e.emulator.faults().next(1, RequestMatcher.pathMatches(DATA + "/query/01g\\w+-200"))
        .respondError(503, "SERVER_UNAVAILABLE", "Server Unavailable");

    List<String> ids = e2e.rest.children(nested).stream().map(c -> c.getString("Id")).collect(Collectors.toList());

    assertThat(ids).containsExactlyElementsOf(bigContacts);
    assertThat(e2e.emulator.faults().pending()).isZero();
    assertThat(childContinuations()).extracting(RecordedRequest::status).containsExactly(503, 200, 200);
  }

  @Test
  void asyncForEachChildSeesEveryContactOnce() {
    List<String> ids = new ArrayList<>();

    long count = e2e.rest.async().forEachChild(big().getChildren("Contacts"), c -> ids.add(c.getString("Id")))
        .join();

    assertThat(count).isEqualTo(BIG);
    assertThat(ids).containsExactlyElementsOf(bigContacts);
  }

  /**
   * With 201 parents the parent result has two pages; fetching the second closes the child
   * cursors of the first, so children must be read before the parent moves on.
   */
  @Test
  void childrenReadBeforeTheParentMovesOnAreCompleteButTheirCursorsCloseAfterwards() {
    try (SalesforceEmulator paged = SalesforceEmulator.builder().schema(EmulatorRest.schema())
            .queryChildBatchSize(2).start();
        EmulatorRest org = new EmulatorRest(paged)) {
      List<SObject> parents = new ArrayList<>();
      for (int i = 0; i < 201; i++) {
        parents.add(SObject.builder("Account").set("Name", String.format("P%03d", i)).build());
      }
      List<SObject> contacts = new ArrayList<>();
      for (String accountId : ids(org.rest.collections().create(parents).results())) {
        for (int c = 0; c < 3; c++) {
          contacts.add(contact("K" + c, accountId));
        }
      }
      org.rest.collections().create(contacts);
      String soql = "SELECT Id, Name, (SELECT Id FROM Contacts) FROM Account ORDER BY Name";
      QueryOptions pagesOf200 = QueryOptions.builder().batchSize(200).build();

      List<String> seen = new ArrayList<>();
      try (QueryResult<SObject> accounts = org.rest.query(soql, SObject.class, pagesOf200)) {
        for (SObject account : accounts) {
          org.rest.children(account, "Contacts").forEach(c -> seen.add(c.getString("Id")));
        }
      }
      assertThat(seen).hasSize(603).doesNotHaveDuplicates();

      List<SObject> collectedFirst = org.rest.query(soql, SObject.class, pagesOf200).stream()
          .collect(Collectors.toList());
      QueryResult<SObject> tooLate = org.rest.children(collectedFirst.get(0), "Contacts");
      assertThatThrownBy(() -> tooLate.forEach(c -> { }))
          .isInstanceOf(InvalidQueryLocatorException.class).hasMessageContaining("child result");
    }
  }
}
