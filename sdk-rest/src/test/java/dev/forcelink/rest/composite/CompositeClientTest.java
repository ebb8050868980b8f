package dev.forcelink.rest.composite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.forcelink.rest.internal.composite.TestConnections.body;
import static dev.forcelink.rest.internal.composite.TestConnections.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.exception.SalesforceError;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.internal.composite.TestConnections;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class CompositeClientTest {
  private static final String URL = "/services/data/v65.0/composite";
  private SalesforceConnection connection;
  private CompositeClient client;

  @BeforeEach
  void connect(WireMockRuntimeInfo wm) {
    connection = TestConnections.to(wm);
    client = CompositeClient.create(connection);
  }

  @AfterEach
  void close() {
    connection.close();
  }

  private static CompositeRequest everyKind() {
    Reference newAccountId = Reference.to("NewAccount").field("id");
    return CompositeRequest.builder()
        .allOrNone(true)
        .collateSubrequests(false)
        .add("NewAccount", Subrequest.create(SObject.builder("Account").set("Name", "Acme")
            .set("NumberOfEmployees", 12).build()))
        .add("NewContact", Subrequest.create(SObject.builder("Contact").set("LastName", "Doe")
            .set("AccountId", newAccountId).build()).withHttpHeader("Sforce-Auto-Assign", "FALSE"))
        .add("AccountInfo", Subrequest.retrieve("Account", newAccountId, "Name", "BillingAddress"))
        .add("Contacts", Subrequest.query("SELECT Id FROM Contact WHERE AccountId = '" + newAccountId + "'"))
        .add("Rename", Subrequest.update(SObject.builder("Account").set("Id", newAccountId)
            .set("Name", "Acme Corp").build()))
        .add("Ext", Subrequest.upsertUpdateOnly(SObject.builder("Account").set("Ext__c", "A/1")
            .set("City__c", Reference.to("AccountInfo").field("BillingAddress").field("city")).build(), "Ext__c"))
        .add("FirstContact", Subrequest.delete("Contact",
            Reference.to("Contacts").field("records").index(0).field("Id")))
        .build();
  }

  @Test
  void sendsEveryKindOfSubrequestWithReferencesRenderedAsSalesforceResolvesThem() {
    stubFor(post(URL).willReturn(okJson("{\"compositeResponse\":[]}")));

    client.execute(everyKind());

    List<LoggedRequest> sent = WireMock.findAll(postRequestedFor(urlEqualTo(URL)));
    assertThat(sent).hasSize(1);
    assertThat(body(sent.get(0))).isEqualTo(json("""
        {"allOrNone":true,"collateSubrequests":false,"compositeRequest":[
         {"method":"POST","url":"/services/data/v65.0/sobjects/Account","referenceId":"NewAccount",
          "body":{"Name":"Acme","NumberOfEmployees":12}},
         {"method":"POST","url":"/services/data/v65.0/sobjects/Contact","referenceId":"NewContact",
          "body":{"LastName":"Doe","AccountId":"@{NewAccount.id}"},"httpHeaders":{"Sforce-Auto-Assign":"FALSE"}},
         {"method":"GET","url":"/services/data/v65.0/sobjects/Account/@{NewAccount.id}?fields=Name,BillingAddress",
          "referenceId":"AccountInfo"},
         {"method":"GET","url":"/services/data/v65.0/query?q=SELECT+Id+FROM+Contact+WHERE+AccountId+%3D+%27@{NewAccount.id}%27",
          "referenceId":"Contacts"},
         {"method":"PATCH","url":"/services/data/v65.0/sobjects/Account/@{NewAccount.id}","referenceId":"Rename",
          "body":{"Name":"Acme Corp"}},
         {"method":"PATCH","url":"/services/data/v65.0/sobjects/Account/Ext__c/A%2F1?updateOnly=true","referenceId":"Ext",
          "body":{"City__c":"@{AccountInfo.BillingAddress.city}"}},
         {"method":"DELETE","url":"/services/data/v65.0/sobjects/Contact/@{Contacts.records[0].Id}",
          "referenceId":"FirstContact"}]}
        """));
    assertThat(sent.get(0).getHeader("Content-Type")).startsWith("application/json");
  }

  @Test
  void decodesEachSubrequestBodyInTheShapeItsCallProduces() {
    stubFor(post(URL).willReturn(okJson("""
        {"compositeResponse":[
         {"body":{"id":"001000000000001AAA","success":true,"errors":[]},
          "httpHeaders":{"Location":"/services/data/v65.0/sobjects/Account/001000000000001AAA"},
          "httpStatusCode":201,"referenceId":"NewAccount"},
         {"body":{"id":"003000000000001AAA","success":true,"errors":[]},"httpHeaders":{},"httpStatusCode":201,
          "referenceId":"NewContact"},
         {"body":{"attributes":{"type":"Account","url":"/services/data/v65.0/sobjects/Account/001000000000001AAA"},
          "Name":"Acme","BillingAddress":{"city":"Paris"},"AnnualRevenue":1200.50},
          "httpHeaders":{},"httpStatusCode":200,"referenceId":"AccountInfo"},
         {"body":{"totalSize":1,"done":true,"records":[{"attributes":{"type":"Contact"},"Id":"003000000000001AAA"}]},
          "httpHeaders":{},"httpStatusCode":200,"referenceId":"Contacts"},
         {"body":null,"httpHeaders":{},"httpStatusCode":204,"referenceId":"Rename"},
         {"body":{"id":"001000000000002AAA","success":true,"errors":[],"created":false},"httpHeaders":{},
          "httpStatusCode":200,"referenceId":"Ext"},
         {"body":null,"httpHeaders":{},"httpStatusCode":204,"referenceId":"FirstContact"}]}
        """)));

    CompositeResult result = client.execute(everyKind());

    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.failures()).isEmpty();
    assertThat(result.results()).extracting(r -> r.referenceId().orElseThrow())
        .containsExactly("NewAccount", "NewContact", "AccountInfo", "Contacts", "Rename", "Ext", "FirstContact");
    SubResult created = result.result("NewAccount").orElseThrow();
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.saveResult()).contains(new SaveResult("001000000000001AAA", true, null, List.of()));
    assertThat(created.httpHeaders()).containsEntry("Location",
        "/services/data/v65.0/sobjects/Account/001000000000001AAA");
    SObject account = result.result("AccountInfo").orElseThrow().record().orElseThrow();
    assertThat(account.type()).isEqualTo("Account");
    assertThat(account.getString("Name")).isEqualTo("Acme");
    assertThat(account.getDecimal("AnnualRevenue")).isEqualTo(new BigDecimal("1200.50"));
    assertThat(account.get("BillingAddress")).isEqualTo(Map.of("city", "Paris"));
    assertThat(result.result("Contacts").orElseThrow().queryResult().orElseThrow().records())
        .extracting(r -> r.id().orElseThrow()).containsExactly("003000000000001AAA");
    assertThat(result.result("Rename").orElseThrow().bodyJson()).isEmpty();
    assertThat(result.result("Ext").orElseThrow().saveResult().orElseThrow().created()).contains(false);
  }

  @Test
  void allOrNoneFailureTellsTheCauseFromTheRolledBackAndHaltedSubrequests() {
    stubFor(post(URL).willReturn(okJson("""
        {"compositeResponse":[
         {"body":[{"errorCode":"PROCESSING_HALTED",
           "message":"The transaction was rolled back since another operation in the same transaction failed."}],
          "httpHeaders":{},"httpStatusCode":400,"referenceId":"NewAccount"},
         {"body":[{"message":"Required fields are missing: [LastName]","errorCode":"REQUIRED_FIELD_MISSING",
           "fields":["LastName"]}],"httpHeaders":{},"httpStatusCode":400,"referenceId":"NewContact"},
         {"body":[{"errorCode":"PROCESSING_HALTED",
           "message":"Invalid reference specified. No value for NewContact.id found in NewContact."}],
          "httpHeaders":{},"httpStatusCode":400,"referenceId":"ContactInfo"}]}
        """)));
    CompositeRequest request = CompositeRequest.builder().allOrNone(true)
        .add("NewAccount", Subrequest.create(SObject.builder("Account").set("Name", "Acme").build()))
        .add("NewContact", Subrequest.create(SObject.builder("Contact").build()))
        .add("ContactInfo", Subrequest.retrieve("Contact", Reference.to("NewContact").field("id")))
        .build();

    CompositeResult result = client.execute(request);

    assertThat(result.allSucceeded()).isFalse();
    assertThat(result.failures()).hasSize(3);
    assertThat(result.causes()).singleElement().satisfies(cause -> {
      assertThat(cause.referenceId()).contains("NewContact");
      assertThat(cause.outcome()).isEqualTo(SubResult.Outcome.FAILED);
      assertThat(cause.errors()).containsExactly(new SalesforceError("REQUIRED_FIELD_MISSING",
          "Required fields are missing: [LastName]", List.of("LastName")));
    });
    assertThat(result.halted()).extracting(r -> r.referenceId().orElseThrow())
        .containsExactly("NewAccount", "ContactInfo");
    assertThat(result.halted()).allMatch(r -> r.errors().get(0).errorCode().equals("PROCESSING_HALTED"));
  }

  @Test
  void asyncExecuteReturnsTheSameResults() {
    stubFor(post(URL).willReturn(okJson("""
        {"compositeResponse":[{"body":{"id":"001000000000001AAA","success":true,"errors":[]},
          "httpHeaders":{},"httpStatusCode":201,"referenceId":"A"}]}
        """)));
    CompositeRequest request = CompositeRequest.builder()
        .add("A", Subrequest.create(SObject.builder("Account").set("Name", "Acme").build())).build();

    CompositeResult result = client.executeAsync(request).join();

    assertThat(result.result("A").orElseThrow().saveResult().orElseThrow().id()).contains("001000000000001AAA");
  }

  @Test
  void aRefusedRequestIsThrownWithTheServersError() {
    stubFor(post(URL).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("[{\"message\":\"Json Deserialization failed\",\"errorCode\":\"JSON_PARSER_ERROR\"}]")));
    CompositeRequest request = CompositeRequest.builder()
        .add("A", Subrequest.create(SObject.builder("Account").set("Name", "Acme").build())).build();

    assertThatThrownBy(() -> client.execute(request)).isInstanceOf(SalesforceServiceException.class)
        .satisfies(e -> assertThat(((SalesforceServiceException) e).errorCode()).contains("JSON_PARSER_ERROR"));
  }

  @Test
  void aRequestWithACreateIsNotResentAfterTheConnectionDrops() {
    stubFor(post(URL).willReturn(aResponse().withFault(
        com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    CompositeRequest request = CompositeRequest.builder()
        .add("A", Subrequest.create(SObject.builder("Account").set("Name", "Acme").build())).build();

    assertThatThrownBy(() -> client.execute(request)).isInstanceOf(RuntimeException.class);

    WireMock.verify(1, postRequestedFor(urlEqualTo(URL)));
  }

  @Test
  void aRequestOfReadsAndUpsertsIsResentAfterTheConnectionDrops() {
    stubFor(post(URL).inScenario("drop").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER))
        .willSetStateTo("up"));
    stubFor(post(URL).inScenario("drop").whenScenarioStateIs("up").willReturn(okJson("{\"compositeResponse\":[]}")));
    CompositeRequest request = CompositeRequest.builder()
        .add("A", Subrequest.retrieve("Account", "001000000000001AAA"))
        .add("B", Subrequest.upsert(SObject.builder("Account").set("Ext__c", "X1").build(), "Ext__c"))
        .build();

    CompositeResult result = client.execute(request);

    WireMock.verify(2, postRequestedFor(urlEqualTo(URL)));
    assertThat(result.results()).allMatch(r -> r.outcome() == SubResult.Outcome.NOT_ATTEMPTED);
  }

  @Test
  void limitsAreCheckedBeforeAnythingIsSent() {
    CompositeRequest.Builder tooMany = CompositeRequest.builder();
    for (int i = 0; i < 27; i++) {
      tooMany.add("R" + i, Subrequest.retrieve("Account", "001000000000001AAA"));
    }
    assertThatThrownBy(tooMany::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 25 subrequests").hasMessageContaining("has 27 (2 over the limit)");

    CompositeRequest.Builder tooManyQueries = CompositeRequest.builder();
    for (int i = 0; i < 4; i++) {
      tooManyQueries.add("Q" + i, Subrequest.query("SELECT Id FROM Account"));
    }
    tooManyQueries.add("C", Subrequest.collectionsDelete(false, List.of("001000000000001AAA")));
    tooManyQueries.add("Q4", Subrequest.queryAll("SELECT Id FROM Account"));
    assertThatThrownBy(tooManyQueries::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 5 query, queryAll and sObject Collections subrequests")
        .hasMessageContaining("has 6 (1 over the limit)");

    WireMock.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void exactlyTheLimitsAreAccepted() {
    CompositeRequest.Builder builder = CompositeRequest.builder();
    for (int i = 0; i < 5; i++) {
      builder.add("Q" + i, Subrequest.query("SELECT Id FROM Account"));
    }
    for (int i = 0; i < 20; i++) {
      builder.add("R" + i, Subrequest.retrieve("Account", "001000000000001AAA"));
    }
    assertThat(builder.build().subrequests()).hasSize(25);
  }

  @Test
  void referenceIdsAreValidatedAndUnique() {
    Subrequest s = Subrequest.retrieve("Account", "001000000000001AAA");
    for (String bad : new String[] {"_leading", "has-dash", "has space", "", "@{x}"}) {
      assertThatThrownBy(() -> CompositeRequest.builder().add(bad, s)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("referenceId");
    }
    assertThat(CompositeRequest.builder().add("1st_Ref", s).build().subrequests()).containsKey("1st_Ref");
    assertThatThrownBy(() -> CompositeRequest.builder().add("A", s).add("A", s))
        .hasMessageContaining("Duplicate referenceId 'A'");
  }

  @Test
  void aReferenceMustNameAnEarlierSubrequest() {
    CompositeRequest.Builder forward = CompositeRequest.builder()
        .add("Info", Subrequest.retrieve("Account", Reference.to("NewAccount").field("id")))
        .add("NewAccount", Subrequest.create(SObject.builder("Account").set("Name", "Acme").build()));
    assertThatThrownBy(forward::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Subrequest 'Info' refers to @{NewAccount");

    CompositeRequest.Builder inQuery = CompositeRequest.builder()
        .add("Q", Subrequest.query("SELECT Id FROM Contact WHERE AccountId = '@{Missing.id}'"));
    assertThatThrownBy(inQuery::build).hasMessageContaining("no earlier subrequest has referenceId 'Missing'");
  }

  @Test
  void forbiddenSubrequestHeadersAreRejectedAndOthersAllowed() {
    Subrequest s = Subrequest.retrieve("Account", "001000000000001AAA");
    for (String name : new String[] {"Accept", "authorization", "CONTENT-TYPE"}) {
      assertThatThrownBy(() -> s.withHttpHeader(name, "x")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must not set the " + name + " header");
    }
    assertThatThrownBy(() -> s.withHttpHeader("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(s.withHttpHeader("If-None-Match", "\"abc\"").httpHeaders()).containsEntry("If-None-Match", "\"abc\"");
    assertThat(s.httpHeaders()).isEmpty();
  }

  @Test
  void referencesRenderFieldsIndexesAndNestedPaths() {
    assertThat(Reference.to("NewAccount").field("id").expression()).isEqualTo("@{NewAccount.id}");
    assertThat(Reference.to("Q").field("records").index(0).field("Id")).hasToString("@{Q.records[0].Id}");
    assertThat(Reference.to("A").field("BillingAddress").field("city").expression())
        .isEqualTo("@{A.BillingAddress.city}");
    assertThatThrownBy(() -> Reference.to("A").expression()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Reference.to("A").index(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Reference.to("A").field("a.b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void collectionsSubrequestsAreSentAndDecodedPerRecord() {
    stubFor(post(URL).willReturn(okJson("""
        {"compositeResponse":[
         {"body":[{"id":"001000000000001AAA","success":true,"errors":[]},
           {"success":false,"errors":[{"statusCode":"DUPLICATE_VALUE","message":"duplicate","fields":["Name"]}]}],
          "httpHeaders":{},"httpStatusCode":200,"referenceId":"Create"},
         {"body":[{"attributes":{"type":"Account"},"Id":"001000000000001AAA","Name":"A"},null],
          "httpHeaders":{},"httpStatusCode":200,"referenceId":"Read"}]}
        """)));
    CompositeRequest request = CompositeRequest.builder()
        .add("Create", Subrequest.collectionsCreate(false, List.of(SObject.builder("Account").set("Name", "A").build(),
            SObject.builder("Account").set("Name", "A").build())))
        .add("Read", Subrequest.collectionsRetrieve("Account", List.of("001000000000001AAA", "001000000000002AAA"),
            List.of("Name")))
        .build();

    CompositeResult result = client.execute(request);

    assertThat(body(WireMock.findAll(postRequestedFor(urlEqualTo(URL))).get(0))).isEqualTo(json("""
        {"allOrNone":false,"compositeRequest":[
         {"method":"POST","url":"/services/data/v65.0/composite/sobjects","referenceId":"Create",
          "body":{"allOrNone":false,"records":[{"attributes":{"type":"Account"},"Name":"A"},
            {"attributes":{"type":"Account"},"Name":"A"}]}},
         {"method":"GET","referenceId":"Read",
          "url":"/services/data/v65.0/composite/sobjects/Account?ids=001000000000001AAA,001000000000002AAA&fields=Name"}]}
        """));
    List<SaveResult> saves = result.result("Create").orElseThrow().saveResults();
    assertThat(saves).extracting(SaveResult::isSuccess).containsExactly(true, false);
    assertThat(saves.get(1).errors().get(0).errorCode()).isEqualTo("DUPLICATE_VALUE");
    assertThat(result.result("Read").orElseThrow().records()).hasSize(2)
        .satisfies(records -> assertThat(records.get(1)).isEmpty());
    assertThatThrownBy(() -> Subrequest.collectionsCreate(false, java.util.Collections.nCopies(201,
        SObject.builder("Account").build()))).hasMessageContaining("1 to 200 records, got 201 (1 too many)");
  }
}
