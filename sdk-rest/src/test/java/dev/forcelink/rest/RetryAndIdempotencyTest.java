package dev.forcelink.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.forcelink.rest.WireMockRest.ACCOUNT_ID;
import static dev.forcelink.rest.WireMockRest.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.forcelink.core.exception.ConnectionException;
import dev.forcelink.core.idempotency.IdempotencyKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryAndIdempotencyTest {
  private final WireMockRest wm = new WireMockRest();

  @AfterEach
  void stop() {
    wm.close();
  }

  private void resetThenAnswer(com.github.tomakehurst.wiremock.client.MappingBuilder first,
      com.github.tomakehurst.wiremock.client.MappingBuilder second, String body, int status) {
    wm.server.stubFor(first.inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
    wm.server.stubFor(second.inScenario("s").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(status).withBody(body)));
  }

  @Test
  void aPlainCreateIsNotResentAfterAReset() {
    resetThenAnswer(post(DATA + "/sobjects/Account"), post(DATA + "/sobjects/Account"),
        "{\"id\":\"" + ACCOUNT_ID + "\",\"success\":true,\"errors\":[]}", 201);
    assertThatThrownBy(() -> wm.rest.create(SObject.builder("Account").set("Name", "Acme").build()))
        .isInstanceOf(ConnectionException.class);
    wm.server.verify(1, postRequestedFor(urlEqualTo(DATA + "/sobjects/Account")));
  }

  @Test
  void anUpsertIsRetriedAfterAReset() {
    String path = DATA + "/sobjects/Account/Ext__c/A-1";
    resetThenAnswer(patch(urlEqualTo(path)), patch(urlEqualTo(path)),
        "{\"id\":\"" + ACCOUNT_ID + "\",\"success\":true,\"errors\":[],\"created\":true}", 201);
    assertThat(wm.rest.upsert("Account", "Ext__c", "A-1", Map.of("Name", "Acme")).created()).isTrue();
    wm.server.verify(2, patchRequestedFor(urlEqualTo(path)));
  }

  @Test
  void anUpdateByIdIsRetriedAfterAReset() {
    String path = DATA + "/sobjects/Account/" + ACCOUNT_ID;
    resetThenAnswer(patch(urlEqualTo(path)), patch(urlEqualTo(path)), "", 204);
    wm.rest.update("Account", ACCOUNT_ID, Map.of("Name", "Acme"));
    wm.server.verify(2, patchRequestedFor(urlEqualTo(path)));
  }

  private static final String UI_RECORD = "{\"apiName\":\"Account\",\"id\":\"" + ACCOUNT_ID + "\","
      + "\"fields\":{\"Name\":{\"displayValue\":null,\"value\":\"Acme\"}}}";

  @Test
  void uiApiCreateIsRetriedWithTheSameGeneratedKey() {
    resetThenAnswer(post(DATA + "/ui-api/records"), post(DATA + "/ui-api/records"), UI_RECORD, 201);
    UiRecord r = wm.rest.uiApi().createRecord("Account", Map.of("Name", "Acme"));
    assertThat(r.id()).isEqualTo(ACCOUNT_ID);
    assertThat(r.fields()).containsEntry("Name", "Acme");
    List<LoggedRequest> sent = wm.server.findAll(postRequestedFor(urlEqualTo(DATA + "/ui-api/records")));
    assertThat(sent).hasSize(2);
    String key = sent.get(0).getHeader("Idempotency-Key");
    assertThat(key).isNotBlank();
    assertThat(sent.get(1).getHeader("Idempotency-Key")).isEqualTo(key);
    assertThat(sent.get(0).getBodyAsString()).isEqualTo("{\"apiName\":\"Account\",\"fields\":{\"Name\":\"Acme\"}}");
  }

  @Test
  void eachLogicalUiApiCallGetsItsOwnKeyUnlessTheCallerGivesOne() {
    wm.server.stubFor(post(DATA + "/ui-api/records").willReturn(aResponse().withStatus(201).withBody(UI_RECORD)));
    wm.rest.uiApi().createRecord("Account", Map.of("Name", "Acme"));
    wm.rest.uiApi().createRecord("Account", Map.of("Name", "Acme"));
    IdempotencyKey mine = IdempotencyKey.derived("order-sync", "42");
    wm.rest.uiApi().createRecord("Account", Map.of("Name", "Acme"), mine);
    List<String> keys = wm.server.findAll(postRequestedFor(anyUrl())).stream()
        .map(r -> r.getHeader("Idempotency-Key")).collect(java.util.stream.Collectors.toList());
    assertThat(keys).hasSize(3).doesNotHaveDuplicates().last().isEqualTo(mine.value());
  }

  @Test
  void uiApiUpdatePatchesTheRecordWithAKey() {
    String path = DATA + "/ui-api/records/" + ACCOUNT_ID;
    resetThenAnswer(patch(urlEqualTo(path)), patch(urlEqualTo(path)), UI_RECORD, 200);
    java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("Phone", null);
    wm.rest.uiApi().updateRecord(ACCOUNT_ID, fields, IdempotencyKey.of("k-1"));
    wm.server.verify(2, patchRequestedFor(urlEqualTo(path)).withHeader("Idempotency-Key", equalTo("k-1"))
        .withRequestBody(equalToJson("{\"fields\":{\"Phone\":null}}")));
  }
}
