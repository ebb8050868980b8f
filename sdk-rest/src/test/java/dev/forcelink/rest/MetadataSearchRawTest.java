package dev.forcelink.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.forcelink.rest.WireMockRest.DATA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.rest.describe.FieldDescribe;
import dev.forcelink.rest.describe.GlobalDescribe;
import dev.forcelink.rest.describe.SObjectDescribe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetadataSearchRawTest {
  private final WireMockRest wm = new WireMockRest();
  private final RestClient rest = wm.rest;

  @AfterEach
  void stop() {
    wm.close();
  }

  @Test
  void searchReadsTheCurrentAndTheOldShape() {
    wm.server.stubFor(get(urlPathEqualTo(DATA + "/search")).withQueryParam("q", equalTo("FIND {Acme}"))
        .willReturn(okJson("{\"searchRecords\":[{\"attributes\":{\"type\":\"Account\"},\"Id\":\"001000000000001AAA\"}]}")));
    assertThat(rest.search("FIND {Acme}")).singleElement().extracting(SObject::type).isEqualTo("Account");
    wm.server.stubFor(get(urlPathEqualTo(DATA + "/search")).withQueryParam("q", equalTo("FIND {Old}"))
        .willReturn(okJson("[{\"attributes\":{\"type\":\"Contact\"},\"Id\":\"003000000000001AAA\"}]")));
    assertThat(rest.search("FIND {Old}")).singleElement().extracting(SObject::type).isEqualTo("Contact");
  }

  @Test
  void parameterizedSearchSendsTheDocumentedParameters() {
    wm.server.stubFor(get(urlPathEqualTo(DATA + "/parameterizedSearch/")).willReturn(okJson("{\"searchRecords\":[]}")));
    List<SObject> found = rest.parameterizedSearch(ParameterizedSearch.builder("Acme & Co")
        .sobject("Account", 10, "Id", "Name").build());
    assertThat(found).isEmpty();
    wm.server.verify(getRequestedFor(urlEqualTo(DATA
        + "/parameterizedSearch/?q=Acme+%26+Co&sobject=Account&Account.fields=Id%2CName&Account.limit=10")));
  }

  @Test
  void describeGlobalExposesTheKeyFlags() {
    wm.server.stubFor(get(urlEqualTo(DATA + "/sobjects")).willReturn(okJson("{\"encoding\":\"UTF-8\",\"maxBatchSize\":200,"
        + "\"sobjects\":[{\"name\":\"Account\",\"label\":\"Account\",\"keyPrefix\":\"001\",\"createable\":true,"
        + "\"queryable\":true,\"custom\":false,\"urls\":{\"sobject\":\"/services/data/v65.0/sobjects/Account\"}}]}")));
    GlobalDescribe g = rest.describeGlobal();
    assertThat(g.maxBatchSize()).isEqualTo(200);
    assertThat(g.sobject("account")).get().satisfies(s -> {
      assertThat(s.keyPrefix()).isEqualTo("001");
      assertThat(s.createable()).isTrue();
      assertThat(s.custom()).isFalse();
      assertThat(s.raw()).containsKey("urls");
    });
  }

  private static final String DESCRIBE = "{\"name\":\"Account\",\"label\":\"Account\",\"queryable\":true,"
      + "\"fields\":[{\"name\":\"Industry\",\"label\":\"Industry\",\"type\":\"picklist\",\"length\":255,\"nillable\":true,"
      + "\"createable\":true,\"updateable\":true,\"externalId\":false,\"unique\":false,\"referenceTo\":[],"
      + "\"picklistValues\":[{\"value\":\"Energy\",\"label\":\"Energy\",\"active\":true,\"defaultValue\":false}],"
      + "\"inlineHelpText\":\"help\"},{\"name\":\"ParentId\",\"type\":\"reference\",\"referenceTo\":[\"Account\"],"
      + "\"relationshipName\":\"Parent\"}],"
      + "\"childRelationships\":[{\"childSObject\":\"Contact\",\"field\":\"AccountId\",\"relationshipName\":\"Contacts\","
      + "\"cascadeDelete\":false,\"restrictedDelete\":false}],"
      + "\"recordTypeInfos\":[{\"name\":\"Master\",\"developerName\":\"Master\",\"recordTypeId\":\"012000000000000AAA\","
      + "\"available\":true,\"defaultRecordTypeMapping\":true,\"master\":true}],\"supportedScopes\":[]}";

  @Test
  void describeIsCachedAndRevalidatedWithIfModifiedSince() {
    String path = DATA + "/sobjects/Account/describe";
    wm.server.stubFor(get(urlEqualTo(path)).withHeader("If-Modified-Since", absent())
        .willReturn(okJson(DESCRIBE).withHeader("Last-Modified", "Wed, 03 Jan 2024 10:00:00 GMT")));
    wm.server.stubFor(get(urlEqualTo(path)).withHeader("If-Modified-Since", equalTo("Wed, 03 Jan 2024 10:00:00 GMT"))
        .willReturn(aResponse().withStatus(304)));
    SObjectDescribe first = rest.describe("Account");
    FieldDescribe industry = first.field("industry").orElseThrow();
    assertThat(industry.type()).isEqualTo("picklist");
    assertThat(industry.length()).isEqualTo(255);
    assertThat(industry.nillable()).isTrue();
    assertThat(industry.picklistValues()).extracting(v -> v.value()).containsExactly("Energy");
    assertThat(industry.raw()).containsEntry("inlineHelpText", "help");
    assertThat(first.field("ParentId").orElseThrow().referenceTo()).containsExactly("Account");
    assertThat(first.field("ParentId").orElseThrow().relationshipName()).isEqualTo("Parent");
    assertThat(first.childRelationships()).singleElement().extracting(c -> c.relationshipName()).isEqualTo("Contacts");
    assertThat(first.recordTypeInfos()).singleElement().extracting(r -> r.master()).isEqualTo(true);

    SObjectDescribe second = rest.describe("Account");
    assertThat(second).isSameAs(first);
    wm.server.verify(2, getRequestedFor(urlEqualTo(path)));
    wm.server.verify(1, getRequestedFor(urlEqualTo(path)).withHeader("If-Modified-Since", equalTo("Wed, 03 Jan 2024 10:00:00 GMT")));
  }

  @Test
  void limitsKeepNestedPerAppEntries() {
    wm.server.stubFor(get(urlEqualTo(DATA + "/limits")).willReturn(okJson("{\"DailyApiRequests\":{\"Max\":15000,\"Remaining\":14998,"
        + "\"Ant Migration Tool\":{\"Max\":0,\"Remaining\":0}},\"DataStorageMB\":{\"Max\":5,\"Remaining\":5}}")));
    OrgLimits limits = rest.limits();
    Limit api = limits.get("DailyApiRequests").orElseThrow();
    assertThat(api.max()).isEqualTo(15000);
    assertThat(api.used()).isEqualTo(2);
    assertThat(api.byApp()).containsKey("Ant Migration Tool");
    assertThat(limits.all()).containsOnlyKeys("DailyApiRequests", "DataStorageMB");
  }

  @Test
  void versionsComeFromTheUnauthenticatedList() {
    wm.server.stubFor(get(urlEqualTo("/services/data/")).willReturn(okJson(
        "[{\"label\":\"Winter '15\",\"url\":\"/services/data/v32.0\",\"version\":\"32.0\"},"
            + "{\"label\":\"x\",\"url\":\"/services/data/v65.0\",\"version\":\"65.0\"}]")));
    assertThat(rest.versions()).containsExactly(new ApiVersion(32, 0), new ApiVersion(65, 0));
    wm.server.verify(getRequestedFor(urlEqualTo("/services/data/")).withoutHeader("Authorization"));
  }

  @Test
  void rawRequestsGoThroughTheSameConnection() {
    wm.server.stubFor(post(urlEqualTo("/services/apexrest/orders")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withHeader("X-Custom", "1").withBody("{\"ok\":true,\"n\":[1,2]}")));
    RawResponse r = rest.rawJson("POST", "/services/apexrest/orders", Map.of("order", "A-1"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.header("x-custom")).contains("1");
    assertThat(r.json()).isEqualTo(Map.of("ok", true, "n", List.of(1, 2)));
    wm.server.verify(postRequestedFor(urlEqualTo("/services/apexrest/orders"))
        .withHeader("Authorization", matching("Bearer .+")).withHeader("X-SFDC-REQUEST-ID", matching(".+"))
        .withRequestBody(equalToJson("{\"order\":\"A-1\"}")));

    wm.server.stubFor(get(urlPathEqualTo(DATA + "/tooling/query")).willReturn(okJson("{\"records\":[]}")));
    RawResponse tooling = rest.raw(SalesforceRequest.builder().get().path(rest.dataPath() + "/tooling/query")
        .queryParam("q", "SELECT Id FROM ApexClass").build());
    assertThat(tooling.bodyAsString()).isEqualTo("{\"records\":[]}");
  }
}
