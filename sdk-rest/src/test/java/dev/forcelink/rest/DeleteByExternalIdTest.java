package dev.forcelink.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.forcelink.rest.WireMockRest.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.forcelink.core.exception.MultipleChoicesException;
import dev.forcelink.core.exception.NotFoundException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code DELETE /sobjects/{type}/{field}/{value}} through {@link RestClient} and {@link RestAsyncClient}. */
class DeleteByExternalIdTest {
  private static final String PATH = DATA + "/sobjects/Account/Ext__c/";
  private static final String NOT_FOUND_BODY =
      "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]";

  private final WireMockRest wm = new WireMockRest();
  private final RestClient rest = wm.rest;

  @AfterEach
  void stop() {
    wm.close();
  }

  @Test
  void aMatchIsDeletedWith204() {
    wm.server.stubFor(delete(urlEqualTo(PATH + "A-1")).willReturn(aResponse().withStatus(204)));

    rest.deleteByExternalId("Account", "Ext__c", "A-1");

    wm.server.verify(1, deleteRequestedFor(urlEqualTo(PATH + "A-1")).withRequestBody(absent()));
  }

  @Test
  void theValueIsOnePercentEncodedSegment() {
    wm.server.stubFor(delete(urlPathMatching(PATH + ".*")).willReturn(aResponse().withStatus(204)));

    rest.deleteByExternalId("Account", "Ext__c", "ACME EU/2024 ?#%");
    rest.deleteByExternalId("Account", "Ext__c", "..");

    assertThat(wm.server.findAll(deleteRequestedFor(anyUrl()))).extracting(r -> r.getUrl())
        .containsExactly(PATH + "ACME%20EU%2F2024%20%3F%23%25", PATH + "%2E%2E");
  }

  @Test
  void noMatchIsNotFound() {
    wm.server.stubFor(delete(urlEqualTo(PATH + "NONE")).willReturn(aResponse().withStatus(404).withBody(NOT_FOUND_BODY)));

    assertThatThrownBy(() -> rest.deleteByExternalId("Account", "Ext__c", "NONE"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.errorCode()).contains("NOT_FOUND");
          assertThat(e.getMessage()).contains("delete Account by Ext__c");
        });
    wm.server.verify(1, deleteRequestedFor(urlEqualTo(PATH + "NONE")));
  }

  @Test
  void severalMatchesAreListedAndNeverResent() {
    wm.server.stubFor(delete(urlEqualTo(PATH + "dup")).willReturn(aResponse().withStatus(300).withBody(
        "[\"/services/data/v65.0/sobjects/Account/001000000000001AAA\","
            + "\"/services/data/v65.0/sobjects/Account/001000000000002AAA\"]")));

    assertThatThrownBy(() -> rest.deleteByExternalId("Account", "Ext__c", "dup"))
        .isInstanceOfSatisfying(MultipleChoicesException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(300);
          assertThat(e.matches()).containsExactly("/services/data/v65.0/sobjects/Account/001000000000001AAA",
              "/services/data/v65.0/sobjects/Account/001000000000002AAA");
        });
    wm.server.verify(1, deleteRequestedFor(urlEqualTo(PATH + "dup")));
  }

  private void firstThenSecond(String value, ResponseDefinitionBuilder first, ResponseDefinitionBuilder second) {
    wm.server.stubFor(delete(urlEqualTo(PATH + value)).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(first).willSetStateTo("second"));
    wm.server.stubFor(delete(urlEqualTo(PATH + value)).inScenario("retry").whenScenarioStateIs("second")
        .willReturn(second));
  }

  @Test
  void aServerUnavailableAnswerIsRetried() {
    firstThenSecond("A-2", aResponse().withStatus(503)
        .withBody("[{\"errorCode\":\"SERVER_UNAVAILABLE\",\"message\":\"Server Unavailable\"}]"),
        aResponse().withStatus(204));

    rest.deleteByExternalId("Account", "Ext__c", "A-2");

    wm.server.verify(2, deleteRequestedFor(urlEqualTo(PATH + "A-2")));
  }

  @Test
  void aDroppedConnectionIsRetried() {
    firstThenSecond("A-3", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withStatus(204));

    rest.deleteByExternalId("Account", "Ext__c", "A-3");

    wm.server.verify(2, deleteRequestedFor(urlEqualTo(PATH + "A-3")));
  }

  @Test
  void aResendAfterALostAnswerThatFindsNothingIsNotFoundAsForDeleteById() {
    // The first attempt may have deleted the record before the connection dropped; the documented
    // outcome is NotFoundException, not a silent success.
    firstThenSecond("A-4", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withStatus(404).withBody(NOT_FOUND_BODY));

    assertThatThrownBy(() -> rest.deleteByExternalId("Account", "Ext__c", "A-4"))
        .isInstanceOf(NotFoundException.class);
    wm.server.verify(2, deleteRequestedFor(urlEqualTo(PATH + "A-4")));
  }

  @Test
  void requestOptionsAndClientDefaultsReachTheRequest() {
    try (WireMockRest w = new WireMockRest(c -> RestClient.builder(c)
        .defaultOptions(RequestOptions.builder().callOptionsClient("default-client").build()))) {
      w.server.stubFor(delete(urlPathMatching(".*")).willReturn(aResponse().withStatus(204)));

      w.rest.deleteByExternalId("Account", "Ext__c", "A-5");
      w.rest.deleteByExternalId("Account", "Ext__c", "A-5",
          RequestOptions.builder().callOptionsClient("erp-sync").correlationId("corr-9").build());

      List<LoggedRequest> sent = w.server.findAll(deleteRequestedFor(urlEqualTo(PATH + "A-5")));
      assertThat(sent).extracting(r -> r.getHeader("Sforce-Call-Options"))
          .containsExactly("client=default-client", "client=erp-sync");
      assertThat(sent.get(1).getHeader("X-SFDC-REQUEST-ID")).isEqualTo("corr-9");
    }
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> rest.deleteByExternalId("Account/x", "Ext__c", "v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sObject API name");
    assertThatThrownBy(() -> rest.deleteByExternalId("Account", "Ext__c/../Id", "v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field API name");
    assertThatThrownBy(() -> rest.deleteByExternalId("Account", "Ext__c", ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> rest.deleteByExternalId("Account", "Ext__c", null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("external id value");
    assertThatThrownBy(() -> rest.deleteByExternalId("Account", "Ext__c", "v", null))
        .isInstanceOf(NullPointerException.class);
    assertThat(wm.server.getAllServeEvents()).isEmpty();
  }

  @Test
  void theAsyncCallCompletesAndFailsLikeTheSyncOne() throws Exception {
    wm.server.stubFor(delete(urlEqualTo(PATH + "A%2F6")).willReturn(aResponse().withStatus(204)));
    wm.server.stubFor(delete(urlEqualTo(PATH + "NONE")).willReturn(aResponse().withStatus(404).withBody(NOT_FOUND_BODY)));
    RestAsyncClient async = rest.async();

    assertThat(async.deleteByExternalId("Account", "Ext__c", "A/6").get(5, TimeUnit.SECONDS)).isNull();
    assertThatThrownBy(() -> async.deleteByExternalId("Account", "Ext__c", "NONE",
        RequestOptions.none()).join())
        .isInstanceOf(CompletionException.class).hasCauseInstanceOf(NotFoundException.class);
    assertThat(async.deleteByExternalId("Account", "Ext__c", "")).isCompletedExceptionally();
    wm.server.verify(1, deleteRequestedFor(urlEqualTo(PATH + "A%2F6")));
    wm.server.verify(2, deleteRequestedFor(anyUrl()));
  }
}
