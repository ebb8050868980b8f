package dev.forcelink.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.forcelink.rest.WireMockRest.ACCOUNT_ID;
import static dev.forcelink.rest.WireMockRest.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.exception.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncClientTest {
  private final WireMockRest wm = new WireMockRest();
  private final RestAsyncClient async = wm.rest.async();

  @AfterEach
  void stop() {
    wm.close();
  }

  @Test
  void createThenRetrieve() throws Exception {
    wm.server.stubFor(post(DATA + "/sobjects/Account").willReturn(aResponse().withStatus(201)
        .withBody("{\"id\":\"" + ACCOUNT_ID + "\",\"success\":true,\"errors\":[]}")));
    wm.server.stubFor(get(urlPathEqualTo(DATA + "/sobjects/Account/" + ACCOUNT_ID)).willReturn(okJson(
        "{\"attributes\":{\"type\":\"Account\"},\"Id\":\"" + ACCOUNT_ID + "\",\"Name\":\"Acme\"}")));
    SObject a = async.create(SObject.builder("Account").set("Name", "Acme").build())
        .thenCompose(saved -> async.retrieve("Account", saved.id(), "Name"))
        .get(5, TimeUnit.SECONDS);
    assertThat(a.getString("Name")).isEqualTo("Acme");
  }

  @Test
  void failuresAndBadInputCompleteTheFutureExceptionally() {
    wm.server.stubFor(get(urlPathMatching(".*")).willReturn(aResponse().withStatus(404)
        .withBody("[{\"errorCode\":\"NOT_FOUND\",\"message\":\"gone\"}]")));
    assertThatThrownBy(() -> async.retrieve("Account", ACCOUNT_ID).join())
        .isInstanceOf(CompletionException.class).hasCauseInstanceOf(NotFoundException.class);
    assertThat(async.retrieve("Account", "nope")).isCompletedExceptionally();
  }

  @Test
  void forEachVisitsEveryPageInOrder() throws Exception {
    QueryTest.stubPages(wm, 4);
    List<String> names = new ArrayList<>();
    long n = async.forEach("SELECT Id, Name FROM Account", SObject.class, QueryOptions.defaults(),
        r -> names.add(r.getString("Name"))).get(5, TimeUnit.SECONDS);
    assertThat(n).isEqualTo(12);
    assertThat(names).containsExactlyElementsOf(QueryTest.expected(12));
  }

  @Test
  void resumeSkipsConsumedRecords() {
    QueryTest.stubPages(wm, 2);
    QueryPage<SObject> p = async.resume(new QueryCursor(QueryTest.next(1), 2), SObject.class, QueryOptions.defaults())
        .join().orElseThrow();
    assertThat(p.records()).extracting(r -> r.getString("Name")).containsExactly("A5");
    assertThat(async.nextPage(p).join()).isEmpty();
  }

  @Test
  void upsertAndUiApiRunAsynchronously() {
    wm.server.stubFor(patch(urlPathMatching(DATA + "/sobjects/Account/Ext__c/.*")).willReturn(aResponse().withStatus(201)
        .withBody("{\"id\":\"" + ACCOUNT_ID + "\",\"success\":true,\"errors\":[],\"created\":true}")));
    assertThat(async.upsert("Account", "Ext__c", "x", Map.of("Name", "A"), UpsertOptions.defaults())
        .orTimeout(5, TimeUnit.SECONDS).join().created()).isTrue();
    wm.server.stubFor(post(DATA + "/ui-api/records").willReturn(aResponse().withStatus(201)
        .withBody("{\"apiName\":\"Account\",\"id\":\"" + ACCOUNT_ID + "\",\"fields\":{}}")));
    assertThat(async.uiApi().createRecord("Account", Map.of("Name", "A"), null)
        .orTimeout(Duration.ofSeconds(5).toSeconds(), TimeUnit.SECONDS).join().id()).isEqualTo(ACCOUNT_ID);
  }
}
