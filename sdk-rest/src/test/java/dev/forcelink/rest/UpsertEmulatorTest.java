package dev.forcelink.rest;

import static dev.forcelink.rest.EmulatorRest.DATA;
import static dev.forcelink.rest.EmulatorRest.LEGACY_CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.exception.MultipleChoicesException;
import dev.forcelink.core.exception.NotFoundException;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.testkit.EmulatorExtension;
import dev.forcelink.testkit.RecordedRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upsert and retrieve by external id, including values that are hard to put in a URL path. */
class UpsertEmulatorTest {
  private static final String ERP = "External_ERP_Id__c";

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

  private static SObject account(String name) {
    return SObject.builder("Account").set("Name", name).build();
  }

  @Test
  void anUpsertCreatesThenUpdatesTheSameRecord() {
    UpsertResult first = e2e.rest.upsert("Account", ERP, "ERP-1", account("First"));
    UpsertResult second = e2e.rest.upsert("Account", ERP, "ERP-1", account("Second"));

    assertThat(first.created()).isTrue();
    assertThat(first.recordId()).isPresent();
    assertThat(second).isEqualTo(new UpsertResult(first.id(), false));
    assertThat(e2e.rest.retrieve("Account", first.id(), "Name", ERP).fields())
        .containsEntry("Name", "Second").containsEntry(ERP, "ERP-1");
    assertThat(e2e.requests("PATCH", DATA + "/sobjects/Account/" + ERP)).extracting(RecordedRequest::status)
        .containsExactly(201, 200);
  }

  @Test
  void onApiVersion45AnUpdateAnswers204WithoutABody() {
    try (RestClient v45 = RestClient.create(e2e.connection.withApiVersion(ApiVersion.parse("45.0")))) {
      UpsertResult created = v45.upsert("Account", ERP, "ERP-45", account("Old"));
      UpsertResult updated = v45.upsert("Account", ERP, "ERP-45", account("Older"));

      assertThat(created.created()).isTrue();
      assertThat(created.recordId()).isPresent();
      assertThat(updated).isEqualTo(new UpsertResult(null, false));
      assertThat(v45.retrieveByExternalId("Account", ERP, "ERP-45", "Name").getString("Name")).isEqualTo("Older");
    }
    assertThat(e2e.requests("PATCH", "/services/data/v45.0/sobjects/Account/")).extracting(RecordedRequest::status)
        .containsExactly(201, 204);
  }

  @Test
  void severalMatchesAreAMultipleChoicesExceptionListingThem() {
    String a = e2e.rest.create(SObject.builder("Account").set("Name", "Twin A").set(LEGACY_CODE, "L-1").build()).id();
    String b = e2e.rest.create(SObject.builder("Account").set("Name", "Twin B").set(LEGACY_CODE, "L-1").build()).id();

    assertThatThrownBy(() -> e2e.rest.upsert("Account", LEGACY_CODE, "L-1", account("Which?")))
        .isInstanceOfSatisfying(MultipleChoicesException.class, ex -> {
          assertThat(ex.statusCode()).isEqualTo(300);
          assertThat(ex.matches()).hasSize(2);
          assertThat(String.join(" ", ex.matches())).contains(a, b);
        });
    assertThatThrownBy(() -> e2e.rest.retrieveByExternalId("Account", LEGACY_CODE, "L-1"))
        .isInstanceOf(MultipleChoicesException.class);
    assertThat(e2e.rest.retrieve("Account", a, "Name").getString("Name")).isEqualTo("Twin A");
  }

  @Test
  void updateOnlyUpdatesAMatchAndRefusesToCreate() {
    UpsertOptions updateOnly = UpsertOptions.builder().updateOnly(true).build();
    String id = e2e.rest.upsert("Account", ERP, "ERP-UO", account("Before")).id();

    UpsertResult updated = e2e.rest.upsert("Account", ERP, "ERP-UO", account("After"), updateOnly);

    assertThat(updated).isEqualTo(new UpsertResult(id, false));
    // Salesforce does not document the error code for "no match"; any service error will do.
    assertThatThrownBy(() -> e2e.rest.upsert("Account", ERP, "ERP-NONE", account("Never"), updateOnly))
        .isInstanceOf(SalesforceServiceException.class);
    assertThatThrownBy(() -> e2e.rest.retrieveByExternalId("Account", ERP, "ERP-NONE"))
        .isInstanceOf(NotFoundException.class);
    assertThat(e2e.requests("PATCH", DATA + "/sobjects/Account/" + ERP)).extracting(RecordedRequest::query)
        .containsExactly(null, "updateOnly=true", "updateOnly=true");
  }

  @Test
  void updateOnlyBelowApiVersion61IsRefusedBeforeAnythingIsCreated() {
    // Regression: the client sent ?updateOnly=true on v60.0, which ignores it, and a record the
    // caller asked never to create was created (the REST API guide gives updateOnly as v61.0+).
    UpsertOptions updateOnly = UpsertOptions.builder().updateOnly(true).build();
    try (RestClient v60 = RestClient.create(e2e.connection.withApiVersion(ApiVersion.parse("60.0")))) {
      assertThatThrownBy(() -> v60.upsert("Account", ERP, "ERP-V60", account("Never"), updateOnly))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("v61.0").hasMessageContaining("v60.0");
      assertThatThrownBy(() -> v60.async().upsert("Account", ERP, "ERP-V60", account("Never"), updateOnly).join())
          .hasCauseInstanceOf(IllegalArgumentException.class);
    }
    assertThat(e2e.emulator.requests().count()).isZero();
    try (RestClient v61 = RestClient.create(e2e.connection.withApiVersion(ApiVersion.parse("61.0")))) {
      assertThatThrownBy(() -> v61.upsert("Account", ERP, "ERP-V60", account("Never"), updateOnly))
          .isInstanceOf(SalesforceServiceException.class);
    }
    assertThatThrownBy(() -> e2e.rest.retrieveByExternalId("Account", ERP, "ERP-V60"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void theEmulatorRefusesAnUpsertBodyNamingTheExternalIdOrId() {
    // Regression: the emulator accepted such bodies silently and dropped the value; the REST API
    // guide (upsert by external ID) says they generate an error.
    String path = DATA + "/sobjects/Account/" + ERP + "/RAW-1";
    for (String body : List.of("{\"Name\":\"x\",\"" + ERP + "\":\"RAW-1\"}", "{\"Name\":\"x\",\"external_erp_id__c\":\"B\"}",
        "{\"Name\":\"x\",\"Id\":\"001000000000000AAA\"}")) {
      assertThatThrownBy(() -> e2e.rest.rawJson("PATCH", path, body)).as(body)
          .isInstanceOfSatisfying(SalesforceServiceException.class, ex -> {
            assertThat(ex.statusCode()).isEqualTo(400);
            assertThat(ex.errorCode()).contains("INVALID_FIELD");
          });
    }
    assertThatThrownBy(() -> e2e.rest.retrieveByExternalId("Account", ERP, "RAW-1"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aRecordCarryingItsOwnExternalIdIsUpsertedWithTheKeyOnlyInTheUrl() {
    // Regression: the client sent the external id field in the body, which Salesforce refuses.
    UpsertResult fromSObject = e2e.rest.upsert("Account", ERP, "KEY-1",
        SObject.builder("Account").set("Name", "Keyed").set(ERP, "KEY-1").build());
    UpsertResult fromMap = e2e.rest.upsert("Account", "external_erp_id__c", "KEY-1",
        Map.of("Name", "Keyed again", "External_ERP_Id__c", "KEY-1"));

    assertThat(fromSObject.created()).isTrue();
    assertThat(fromMap).isEqualTo(new UpsertResult(fromSObject.id(), false));
    assertThat(e2e.rest.retrieve("Account", fromSObject.id(), "Name", ERP).fields())
        .containsEntry("Name", "Keyed again").containsEntry(ERP, "KEY-1");
  }

  @Test
  void aRecordCarryingAnotherExternalIdIsRefusedBeforeSending() {
    assertThatThrownBy(() -> e2e.rest.upsert("Account", ERP, "KEY-2",
        SObject.builder("Account").set("Name", "Confused").set(ERP, "KEY-3").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KEY-2").hasMessageContaining("KEY-3");
    assertThatThrownBy(() -> e2e.rest.upsert("Account", ERP, "KEY-2",
        SObject.builder("Account").set("Name", "Confused").setNull(ERP).build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(e2e.emulator.requests().count()).isZero();
  }

  @Test
  void anUnknownExternalIdFieldIsNotFound() {
    assertThatThrownBy(() -> e2e.rest.upsert("Account", "Phone", "555", account("x")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void externalIdValuesWithPathCharactersReachTheirOwnRecord() {
    List<String> values = List.of("a/b", "..", ".", "a/../b", "what?x=1&y=2", "#fragment", "100%", "%2F",
        "Zürich-東京-😀", " spaced + plus ", "semi;colon", "back\\slash");
    Set<String> ids = new HashSet<>();
    for (String value : values) {
      UpsertResult created = e2e.rest.upsert("Account", ERP, value, account("Name of " + value));
      assertThat(created.created()).as("first upsert of %s", value).isTrue();
      ids.add(created.id());
    }
    assertThat(ids).as("one record per value").hasSize(values.size());

    for (String value : values) {
      SObject found = e2e.rest.retrieveByExternalId("Account", ERP, value, "Id", "Name", ERP);
      assertThat(found.getString(ERP)).as("retrieve of %s", value).isEqualTo(value);
      assertThat(found.getString("Name")).isEqualTo("Name of " + value);
      UpsertResult again = e2e.rest.upsert("Account", ERP, value, account("Renamed " + value));
      assertThat(again).as("second upsert of %s", value).isEqualTo(new UpsertResult(found.id().orElseThrow(), false));
    }
  }
}
