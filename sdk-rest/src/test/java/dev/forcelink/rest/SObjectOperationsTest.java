package dev.forcelink.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.forcelink.rest.WireMockRest.ACCOUNT_ID;
import static dev.forcelink.rest.WireMockRest.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.exception.MultipleChoicesException;
import dev.forcelink.core.exception.NotFoundException;
import dev.forcelink.core.exception.SalesforceServiceException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SObjectOperationsTest {
  private final WireMockRest wm = new WireMockRest();
  private final RestClient rest = wm.rest;

  @AfterEach
  void stop() {
    wm.close();
  }

  @Test
  void createPostsFieldsWithExplicitNullsAndReturnsTheId() {
    wm.server.stubFor(post(DATA + "/sobjects/Account").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody("{\"id\":\"" + ACCOUNT_ID + "\",\"success\":true,\"errors\":[]}")));
    SaveResult r = rest.create(SObject.builder("Account").set("Name", "Acme").setNull("Phone").build(),
        RequestOptions.builder().autoAssign(false).callOptionsClient("acme-sync")
            .duplicateRuleHeader(new DuplicateRuleHeader(true, false, true)).correlationId("corr-1").build());
    assertThat(r.id()).isEqualTo(ACCOUNT_ID);
    wm.server.verify(postRequestedFor(urlEqualTo(DATA + "/sobjects/Account"))
        .withRequestBody(equalToJson("{\"Name\":\"Acme\",\"Phone\":null}", false, false))
        .withHeader("Content-Type", containing("application/json"))
        .withHeader("Sforce-Auto-Assign", equalTo("FALSE"))
        .withHeader("Sforce-Call-Options", equalTo("client=acme-sync"))
        .withHeader("Sforce-Duplicate-Rule-Header",
            equalTo("allowSave=true; includeRecordDetails=false; runAsCurrentUser=true"))
        .withHeader("X-SFDC-REQUEST-ID", equalTo("corr-1")));
  }

  record NewAccount(String Name, String Phone, Instant Seen__c) {}

  @Test
  void createFromAJavaRecordLeavesNullsOutUnlessListed() {
    wm.server.stubFor(post(DATA + "/sobjects/Account").willReturn(aResponse().withStatus(201)
        .withBody("{\"id\":\"" + ACCOUNT_ID + "\",\"success\":true,\"errors\":[]}")));
    rest.create("Account", new NewAccount("Acme", null, Instant.parse("2024-01-31T10:00:00Z")),
        RequestOptions.builder().fieldsToNull("Fax").build());
    wm.server.verify(postRequestedFor(urlEqualTo(DATA + "/sobjects/Account")).withRequestBody(equalToJson(
        "{\"Name\":\"Acme\",\"Seen__c\":\"2024-01-31T10:00:00.000+0000\",\"Fax\":null}", false, false)));
  }

  @Test
  void retrieveAsksForTheFieldsAndDecodesTheRecord() {
    wm.server.stubFor(get(urlPathEqualTo(DATA + "/sobjects/Account/" + ACCOUNT_ID)).willReturn(okJson(
        "{\"attributes\":{\"type\":\"Account\",\"url\":\"/x\"},\"Id\":\"" + ACCOUNT_ID + "\",\"Name\":\"Acme\"}")));
    SObject a = rest.retrieve("Account", ACCOUNT_ID, "Id", "Name");
    assertThat(a.type()).isEqualTo("Account");
    assertThat(a.getString("Name")).isEqualTo("Acme");
    wm.server.verify(getRequestedFor(urlEqualTo(DATA + "/sobjects/Account/" + ACCOUNT_ID + "?fields=Id%2CName")));
  }

  record AccountView(String id, String name) {}

  @Test
  void retrieveBindsToAJavaRecord() {
    wm.server.stubFor(get(urlPathEqualTo(DATA + "/sobjects/Account/" + ACCOUNT_ID)).willReturn(okJson(
        "{\"attributes\":{\"type\":\"Account\"},\"Id\":\"" + ACCOUNT_ID + "\",\"Name\":\"Acme\"}")));
    assertThat(rest.retrieve("Account", ACCOUNT_ID, AccountView.class)).isEqualTo(new AccountView(ACCOUNT_ID, "Acme"));
  }

  @Test
  void retrieveOfAMissingRecordThrowsNotFound() {
    wm.server.stubFor(get(urlPathEqualTo(DATA + "/sobjects/Account/" + ACCOUNT_ID)).willReturn(aResponse()
        .withStatus(404).withBody("[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]")));
    assertThatThrownBy(() -> rest.retrieve("Account", ACCOUNT_ID))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("NOT_FOUND");
  }

  @Test
  void conditionalRetrieveSendsIfModifiedSinceAndTurns304IntoAnOutcome() {
    wm.server.stubFor(get(urlPathEqualTo(DATA + "/sobjects/Account/" + ACCOUNT_ID)).willReturn(aResponse().withStatus(304)));
    Conditional<SObject> c = rest.retrieveIfModified("Account", ACCOUNT_ID,
        RequestOptions.builder().ifModifiedSince(Instant.parse("2024-01-03T10:00:00Z")).build());
    assertThat(c.isNotModified()).isTrue();
    assertThat(c.value()).isEmpty();
    wm.server.verify(getRequestedFor(urlPathEqualTo(DATA + "/sobjects/Account/" + ACCOUNT_ID))
        .withHeader("If-Modified-Since", equalTo("Wed, 03 Jan 2024 10:00:00 GMT")));
  }

  @Test
  void malformedIdsAreRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> rest.retrieve("Account", "001/../../x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rest.delete("Account", "001000000000001AAB"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checksum");
    assertThatThrownBy(() -> rest.retrieve("Account/x", ACCOUNT_ID)).isInstanceOf(IllegalArgumentException.class);
    assertThat(wm.server.getAllServeEvents()).isEmpty();
  }

  @Test
  void updatePatchesWithoutTheIdAndWithExplicitNulls() {
    wm.server.stubFor(patch(urlEqualTo(DATA + "/sobjects/Account/" + ACCOUNT_ID)).willReturn(aResponse().withStatus(204)));
    rest.update(SObject.builder("Account").id(ACCOUNT_ID).set("Name", "Acme 2").setNull("Phone").build());
    rest.update("Account", ACCOUNT_ID, Map.of("Site", "HQ"), RequestOptions.builder().fieldsToNull("Fax").build());
    wm.server.verify(patchRequestedFor(urlEqualTo(DATA + "/sobjects/Account/" + ACCOUNT_ID))
        .withRequestBody(equalToJson("{\"Name\":\"Acme 2\",\"Phone\":null}", false, false)));
    wm.server.verify(patchRequestedFor(urlEqualTo(DATA + "/sobjects/Account/" + ACCOUNT_ID))
        .withRequestBody(equalToJson("{\"Site\":\"HQ\",\"Fax\":null}", false, false)));
  }

  @Test
  void updateWithoutAnIdSaysWhatIsMissing() {
    assertThatThrownBy(() -> rest.update(SObject.builder("Account").set("Name", "x").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Id");
  }

  @Test
  void deleteSendsDelete() {
    wm.server.stubFor(delete(urlEqualTo(DATA + "/sobjects/Account/" + ACCOUNT_ID)).willReturn(aResponse().withStatus(204)));
    rest.delete("Account", ACCOUNT_ID);
    wm.server.verify(deleteRequestedFor(urlEqualTo(DATA + "/sobjects/Account/" + ACCOUNT_ID)));
  }

  @Test
  void upsertReportsCreatedUpdatedAndTheOldNoContentAnswer() {
    String path = DATA + "/sobjects/Account/Ext__c/";
    wm.server.stubFor(patch(urlEqualTo(path + "A-1")).willReturn(aResponse().withStatus(201)
        .withBody("{\"id\":\"" + ACCOUNT_ID + "\",\"success\":true,\"errors\":[],\"created\":true}")));
    wm.server.stubFor(patch(urlEqualTo(path + "A-2")).willReturn(aResponse().withStatus(200)
        .withBody("{\"id\":\"" + ACCOUNT_ID + "\",\"success\":true,\"errors\":[],\"created\":false}")));
    wm.server.stubFor(patch(urlEqualTo(path + "A-3")).willReturn(aResponse().withStatus(204)));
    SObject body = SObject.builder("Account").set("Name", "Acme").build();
    assertThat(rest.upsert("Account", "Ext__c", "A-1", body)).isEqualTo(new UpsertResult(ACCOUNT_ID, true));
    assertThat(rest.upsert("Account", "Ext__c", "A-2", body)).isEqualTo(new UpsertResult(ACCOUNT_ID, false));
    UpsertResult old = rest.upsert("Account", "Ext__c", "A-3", body);
    assertThat(old.created()).isFalse();
    assertThat(old.recordId()).isEmpty();
    wm.server.verify(3, patchRequestedFor(urlMatching(path + "A-.")).withRequestBody(equalToJson("{\"Name\":\"Acme\"}")));
  }

  @Test
  void upsertUpdateOnlyAddsTheQueryParameter() {
    wm.server.stubFor(patch(urlPathEqualTo(DATA + "/sobjects/Account/Ext__c/A-1")).willReturn(aResponse().withStatus(200)
        .withBody("{\"id\":\"" + ACCOUNT_ID + "\",\"success\":true,\"errors\":[],\"created\":false}")));
    rest.upsert("Account", "Ext__c", "A-1", Map.of("Name", "x"), UpsertOptions.builder().updateOnly(true).build());
    wm.server.verify(patchRequestedFor(urlEqualTo(DATA + "/sobjects/Account/Ext__c/A-1?updateOnly=true")));
  }

  @Test
  void upsertMatchingSeveralRecordsListsThem() {
    wm.server.stubFor(patch(urlPathEqualTo(DATA + "/sobjects/Account/Ext__c/dup")).willReturn(aResponse().withStatus(300)
        .withBody("[\"/services/data/v65.0/sobjects/Account/001000000000001AAA\","
            + "\"/services/data/v65.0/sobjects/Account/001000000000002AAA\"]")));
    assertThatThrownBy(() -> rest.upsert("Account", "Ext__c", "dup", Map.of("Name", "x")))
        .isInstanceOfSatisfying(MultipleChoicesException.class, e -> assertThat(e.matches()).hasSize(2)
            .allMatch(m -> m.startsWith("/services/data/v65.0/sobjects/Account/")));
  }

  @Test
  void validationErrorsCarryTheSalesforceCodeAndFields() {
    wm.server.stubFor(post(DATA + "/sobjects/Account").willReturn(aResponse().withStatus(400).withBody(
        "[{\"message\":\"Required fields are missing: [Name]\",\"errorCode\":\"REQUIRED_FIELD_MISSING\",\"fields\":[\"Name\"]}]")));
    assertThatThrownBy(() -> rest.create(SObject.builder("Account").set("Phone", "1").build()))
        .isInstanceOfSatisfying(SalesforceServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.errorCode()).contains("REQUIRED_FIELD_MISSING");
          assertThat(e.errors().get(0).fields()).containsExactly("Name");
        });
  }

  @Test
  void retrieveByExternalIdEncodesTheValue() {
    wm.server.stubFor(get(urlPathMatching(DATA + "/sobjects/Contact/Email__c/.*")).willReturn(okJson(
        "{\"attributes\":{\"type\":\"Contact\"},\"Id\":\"003000000000001AAA\"}")));
    SObject c = rest.retrieveByExternalId("Contact", "Email__c", "a/b?c#d%2F é", "Id");
    assertThat(c.id()).contains("003000000000001AAA");
    assertThat(wm.server.getAllServeEvents().get(0).getRequest().getUrl())
        .isEqualTo(DATA + "/sobjects/Contact/Email__c/a%2Fb%3Fc%23d%252F%20%C3%A9?fields=Id");
  }

  @Test
  void defaultOptionsApplyUnlessACallOverridesThem() {
    try (WireMockRest w = new WireMockRest(c -> RestClient.builder(c)
        .defaultOptions(RequestOptions.builder().callOptionsClient("default-client").build()))) {
      w.server.stubFor(delete(urlPathMatching(".*")).willReturn(aResponse().withStatus(204)));
      w.rest.delete("Account", ACCOUNT_ID);
      w.rest.delete("Account", ACCOUNT_ID, RequestOptions.builder().callOptionsClient("other").build());
      assertThat(w.server.findAll(deleteRequestedFor(anyUrl())))
          .extracting(r -> r.getHeader("Sforce-Call-Options"))
          .containsExactlyInAnyOrder("client=default-client", "client=other");
    }
  }
}
