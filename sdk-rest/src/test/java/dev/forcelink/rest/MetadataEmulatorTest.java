package dev.forcelink.rest;

import static dev.forcelink.rest.EmulatorRest.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.exception.NotFoundException;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.rest.describe.GlobalDescribe;
import dev.forcelink.rest.describe.SObjectDescribe;
import dev.forcelink.testkit.EmulatorExtension;
import dev.forcelink.testkit.RecordedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Search, describe, limits, versions and raw requests against the emulator. */
class MetadataEmulatorTest {
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

  @Test
  void soslFindsRecordsByText() {
    String id = e2e.rest.create(SObject.builder("Account").set("Name", "Quokka Widgets").build()).id();
    e2e.rest.create(SObject.builder("Account").set("Name", "Unrelated").build());

    List<SObject> found = e2e.rest.search("FIND {Quokka} IN NAME FIELDS RETURNING Account(Id, Name)");

    assertThat(found).singleElement().satisfies(r -> {
      assertThat(r.type()).isEqualTo("Account");
      assertThat(r.id()).contains(id);
      assertThat(r.getString("Name")).isEqualTo("Quokka Widgets");
    });
  }

  @Test
  void soslOnApiVersion35ReadsTheBareArray() {
    String id = e2e.rest.create(SObject.builder("Account").set("Name", "Numbat Tools").build()).id();

    try (RestClient v35 = RestClient.create(e2e.connection.withApiVersion(ApiVersion.parse("35.0")))) {
      RawResponse raw = v35.raw(SalesforceRequest.builder().get().path("/services/data/v35.0/search")
          .queryParam("q", "FIND {Numbat} RETURNING Account(Id)").build());
      assertThat(raw.bodyAsString()).startsWith("[");
      assertThat(v35.search("FIND {Numbat} RETURNING Account(Id)")).extracting(r -> r.id().orElseThrow())
          .containsExactly(id);
    }
  }

  @Test
  void parameterizedSearchFindsRecordsByText() {
    String id = e2e.rest.create(SObject.builder("Account").set("Name", "Wombat Gears").build()).id();

    List<SObject> found = e2e.rest.parameterizedSearch(ParameterizedSearch.builder("Wombat")
        .sobject("Account", 10, "Id", "Name").in("NAME").build());

    assertThat(found).extracting(r -> r.id().orElseThrow()).containsExactly(id);
    assertThat(found.get(0).getString("Name")).isEqualTo("Wombat Gears");
  }

  @Test
  void describeGlobalListsTheOrgsObjects() {
    GlobalDescribe global = e2e.rest.describeGlobal();

    assertThat(global.encoding()).isEqualTo("UTF-8");
    assertThat(global.maxBatchSize()).isEqualTo(200);
    assertThat(global.sobject("Account")).hasValueSatisfying(a -> {
      assertThat(a.keyPrefix()).isEqualTo("001");
      assertThat(a.custom()).isFalse();
    });
    assertThat(global.sobject("Order_Event__e")).isPresent();
  }

  @Test
  void aSecondDescribeIsRevalidatedWithA304() {
    SObjectDescribe first = e2e.rest.describe("Account");
    SObjectDescribe second = e2e.rest.describe("Account");

    assertThat(second).isSameAs(first);
    assertThat(first.keyPrefix()).isEqualTo("001");
    assertThat(first.field("External_ERP_Id__c")).hasValueSatisfying(f -> assertThat(f.externalId()).isTrue());
    assertThat(first.field(EmulatorRest.LEGACY_CODE)).hasValueSatisfying(f -> {
      assertThat(f.externalId()).isTrue();
      assertThat(f.unique()).isFalse();
    });
    assertThat(first.childRelationships()).anySatisfy(c -> assertThat(c.relationshipName()).isEqualTo("Contacts"));
    List<RecordedRequest> wire = e2e.requests("GET", DATA + "/sobjects/Account/describe");
    assertThat(wire).extracting(RecordedRequest::status).containsExactly(200, 304);
    assertThat(wire.get(0).header("If-Modified-Since")).isNull();
    assertThat(wire.get(1).header("If-Modified-Since")).isNotBlank();
  }

  @Test
  void describeReadsFieldTypesPicklistsReferencesAndRecordTypes() {
    SObjectDescribe contact = e2e.rest.describe("Contact");
    SObjectDescribe account = e2e.rest.describe("Account");

    assertThat(contact.field("AccountId")).hasValueSatisfying(f -> {
      assertThat(f.type()).isEqualTo("reference");
      assertThat(f.referenceTo()).containsExactly("Account");
      assertThat(f.relationshipName()).isEqualTo("Account");
    });
    assertThat(contact.field("LastName")).hasValueSatisfying(f -> {
      assertThat(f.type()).isEqualTo("string");
      assertThat(f.length()).isEqualTo(80);
      assertThat(f.nillable()).isFalse();
      assertThat(f.createable()).isTrue();
    });
    assertThat(account.field("Industry").orElseThrow().picklistValues())
        .anySatisfy(p -> {
          assertThat(p.value()).isEqualTo("Energy");
          assertThat(p.active()).isTrue();
        });
    assertThat(account.field("Id").orElseThrow().type()).isEqualTo("id");
    assertThat(account.recordTypeInfos()).anySatisfy(r -> assertThat(r.recordTypeId()).isNotBlank());
    assertThat(account.childRelationships()).anySatisfy(c -> {
      assertThat(c.childSObject()).isEqualTo("Contact");
      assertThat(c.field()).isEqualTo("AccountId");
    });
  }

  @Test
  void describingAnUnknownObjectIsNotFound() {
    assertThatThrownBy(() -> e2e.rest.describe("Nope__c")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void limitsReportTheDailyApiAllocation() {
    e2e.rest.describeGlobal();

    OrgLimits limits = e2e.rest.limits();

    assertThat(limits.get("DailyApiRequests")).hasValueSatisfying(l -> {
      assertThat(l.max()).isPositive();
      assertThat(l.used()).isPositive();
      assertThat(l.remaining()).isEqualTo(l.max() - l.used());
    });
    assertThat(limits.all()).containsKeys("DailyBulkV2QueryJobs", "DataStorageMB");
  }

  @Test
  void versionsIncludeTheClientsDefault() {
    List<ApiVersion> versions = e2e.rest.versions();

    assertThat(versions).contains(ApiVersion.DEFAULT).isSorted();
    assertThat(e2e.emulator.requests().list()).singleElement()
        .satisfies(r -> assertThat(r.path()).isEqualTo("/services/data"));
  }

  @Test
  void rawRequestsReachAnyResourceThroughTheSameConnection() {
    RawResponse created = e2e.rest.rawJson("POST", e2e.rest.dataPath() + "/sobjects/Account",
        Map.of("Name", "Raw Corp"));
    @SuppressWarnings("unchecked")
    String id = (String) ((Map<String, Object>) created.json()).get("id");
    RawResponse read = e2e.rest.raw(SalesforceRequest.builder().get()
        .path(e2e.rest.dataPath() + "/sobjects/Account/" + id).queryParam("fields", "Name").build());

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.header("Last-Modified")).isPresent();
    assertThat(read.bodyAsString()).contains("\"Name\":\"Raw Corp\"");
    assertThatThrownBy(() -> e2e.rest.rawJson("GET", e2e.rest.dataPath() + "/nothing-here", null))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> e2e.rest.rawJson("POST", e2e.rest.dataPath() + "/sobjects/Account", "{not json"))
        .isInstanceOfSatisfying(SalesforceServiceException.class,
            ex -> assertThat(ex.errorCode()).contains("JSON_PARSER_ERROR"));
  }
}
