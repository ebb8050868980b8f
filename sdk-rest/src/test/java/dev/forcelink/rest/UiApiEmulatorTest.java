package dev.forcelink.rest;

import static dev.forcelink.rest.EmulatorRest.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.core.idempotency.IdempotencyKey;
import dev.forcelink.testkit.EmulatorExtension;
import dev.forcelink.testkit.RecordedRequest;
import dev.forcelink.testkit.RequestMatcher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * UI API record writes with {@code Idempotency-Key} (the UI API guide's "Prevent Record Duplication with
 * Idempotent Record Writes") against the emulator.
 */
class UiApiEmulatorTest {
  private static final String RECORDS = DATA + "/ui-api/records";

  @RegisterExtension
  static final EmulatorExtension ORG = EmulatorRest.extension();

  private EmulatorRest e2e;

  @BeforeEach
  void connect() {
    e2e = new EmulatorRest(ORG.emulator());
  }

  @AfterEach
  void close() {
    e2e.close();
  }

  private long accountsNamed(String name) {
    return e2e.rest.query("SELECT COUNT() FROM Account WHERE Name = '" + name + "'").totalSize();
  }

  @Test
  void createAndUpdateReturnTheRecordsFieldValues() {
    UiRecord created = e2e.rest.uiApi().createRecord("Account", Map.of("Name", "Ui Co", "NumberOfEmployees", 7));
    UiRecord updated = e2e.rest.uiApi().updateRecord(created.id(), Map.of("Phone", "555-0199"));

    assertThat(created.id()).startsWith("001");
    assertThat(created.apiName()).isEqualTo("Account");
    assertThat(created.fields()).containsEntry("Name", "Ui Co");
    assertThat(((Number) created.fields().get("NumberOfEmployees")).intValue()).isEqualTo(7);
    assertThat(updated.fields()).containsEntry("Phone", "555-0199").containsEntry("Name", "Ui Co");
    assertThat(e2e.rest.retrieve("Account", created.id(), "Phone").getString("Phone")).isEqualTo("555-0199");
  }

  @Test
  void aCreateRetriedAfterADroppedConnectionCarriesOneKeyAndCreatesOnce() {
    e2e.emulator.faults().next(1, RequestMatcher.pathMatches(RECORDS).method("POST")).dropConnection();

    UiRecord created = e2e.rest.uiApi().createRecord("Account", Map.of("Name", "Dropped Once"));

    List<RecordedRequest> attempts = e2e.requests("POST", RECORDS);
    assertThat(attempts).hasSizeGreaterThanOrEqualTo(2);
    assertThat(attempts.get(0).status()).isEqualTo(-1);
    assertThat(attempts.get(attempts.size() - 1).status()).isEqualTo(201);
    assertThat(attempts).extracting(r -> r.header("Idempotency-Key")).doesNotContainNull().containsOnly(
        attempts.get(0).header("Idempotency-Key"));
    assertThat(accountsNamed("Dropped Once")).isEqualTo(1);
    assertThat(created.fields()).containsEntry("Name", "Dropped Once");
  }

  @Test
  void aCreateRepeatedAfterItsResponseWasLostIsReplayedNotRepeated() {
    IdempotencyKey key = IdempotencyKey.random();
    UiRecord first = e2e.rest.uiApi().createRecord("Account", Map.of("Name", "Lost Response"), key);

    // The caller never saw the first answer (say it crashed), and sends the same call again.
    UiRecord again = e2e.rest.uiApi().createRecord("Account", Map.of("Name", "Lost Response"), key);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(accountsNamed("Lost Response")).isEqualTo(1);
    assertThat(e2e.requests("POST", RECORDS)).extracting(r -> r.header("Idempotency-Key"))
        .containsExactly(key.value(), key.value());
  }

  @Test
  void aReplayedUpdateMakesNoNewChange() {
    String id = e2e.rest.create(SObject.builder("Account").set("Name", "Replay").build()).id();
    IdempotencyKey key = IdempotencyKey.random();
    e2e.rest.uiApi().updateRecord(id, Map.of("Phone", "111"), key);
    e2e.rest.update("Account", id, Map.of("Phone", "222"));

    UiRecord replayed = e2e.rest.uiApi().updateRecord(id, Map.of("Phone", "111"), key);

    assertThat(replayed.fields()).containsEntry("Phone", "111");
    assertThat(e2e.rest.retrieve("Account", id, "Phone").getString("Phone")).isEqualTo("222");
  }

  @Test
  void aKeyReusedForAnotherRequestIsRefused() {
    IdempotencyKey key = IdempotencyKey.random();
    e2e.rest.uiApi().createRecord("Account", Map.of("Name", "Key Owner"), key);

    // Salesforce does not document the status and code of this refusal.
    assertThatThrownBy(() -> e2e.rest.uiApi().createRecord("Account", Map.of("Name", "Key Thief"), key))
        .isInstanceOf(SalesforceServiceException.class)
        .hasMessageContaining(key.value());
    assertThat(accountsNamed("Key Thief")).isZero();
  }

  @Test
  void eachLogicalCallGetsItsOwnKey() {
    e2e.rest.uiApi().createRecord("Account", Map.of("Name", "Twice"));
    e2e.rest.uiApi().createRecord("Account", Map.of("Name", "Twice"));

    assertThat(e2e.requests("POST", RECORDS)).extracting(r -> r.header("Idempotency-Key")).doesNotHaveDuplicates();
    assertThat(accountsNamed("Twice")).isEqualTo(2);
  }
}
