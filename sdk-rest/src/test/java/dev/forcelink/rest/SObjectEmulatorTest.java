package dev.forcelink.rest;

import static dev.forcelink.rest.EmulatorRest.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.exception.ConnectionException;
import dev.forcelink.core.exception.NotFoundException;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.testkit.EmulatorExtension;
import dev.forcelink.testkit.RecordedRequest;
import dev.forcelink.testkit.RequestMatcher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** sObject create, retrieve, update and delete through {@link RestClient} against the emulator. */
class SObjectEmulatorTest {
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

  private String newAccount(String name) {
    return e2e.rest.create(SObject.builder("Account").set("Name", name).set("Phone", "555-0100")
        .set("NumberOfEmployees", 42).build()).id();
  }

  @Test
  void createAnswers201WithAnIdOfTheObjectsKeyPrefix() {
    String id = newAccount("Acme");

    assertThat(id).hasSize(18).startsWith("001");
    assertThat(e2e.requests("POST", DATA + "/sobjects/Account")).singleElement()
        .extracting(RecordedRequest::status).isEqualTo(201);
  }

  @Test
  void retrieveWithFieldsReturnsThoseFields() {
    String id = newAccount("Fields Inc");

    SObject account = e2e.rest.retrieve("Account", id, "Name", "NumberOfEmployees");

    assertThat(account.type()).isEqualTo("Account");
    assertThat(account.getString("Name")).isEqualTo("Fields Inc");
    assertThat(account.getInteger("NumberOfEmployees")).isEqualTo(42);
    assertThat(account.has("Phone")).isFalse();
    assertThat(e2e.requests("GET", DATA + "/sobjects/Account/" + id)).singleElement()
        .extracting(RecordedRequest::query).isEqualTo("fields=Name%2CNumberOfEmployees");
  }

  record AccountView(String id, String name, Integer numberOfEmployees, BigDecimal annualRevenue,
      Instant createdDate) {}

  @Test
  void retrieveBindsToATypedRecord() {
    String id = newAccount("Typed Ltd");

    AccountView view = e2e.rest.retrieve("Account", id, AccountView.class);

    assertThat(view.id()).isEqualTo(id);
    assertThat(view.name()).isEqualTo("Typed Ltd");
    assertThat(view.numberOfEmployees()).isEqualTo(42);
    assertThat(view.annualRevenue()).isNull();
    assertThat(view.createdDate()).isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plusSeconds(5));
  }

  @Test
  void anExplicitNullClearsAFieldAndAFieldNotSetIsLeftAlone() {
    String id = newAccount("Nulls Co");

    e2e.rest.update(SObject.builder("Account").id(id).setNull("Phone").set("Industry", "Energy").build());

    SObject after = e2e.rest.retrieve("Account", id, "Name", "Phone", "Industry", "NumberOfEmployees");
    assertThat(after.isNull("Phone")).isTrue();
    assertThat(after.getString("Industry")).isEqualTo("Energy");
    assertThat(after.getString("Name")).isEqualTo("Nulls Co");
    assertThat(after.getInteger("NumberOfEmployees")).isEqualTo(42);
  }

  record Patch(String phone, String industry) {}

  @Test
  void aUserObjectClearsOnlyTheFieldsItNames() {
    String id = newAccount("Pojo Co");

    e2e.rest.update("Account", id, new Patch(null, "Banking"), RequestOptions.builder().fieldsToNull("Phone").build());

    SObject after = e2e.rest.retrieve("Account", id, "Phone", "Industry", "NumberOfEmployees");
    assertThat(after.isNull("Phone")).isTrue();
    assertThat(after.getString("Industry")).isEqualTo("Banking");
    assertThat(after.getInteger("NumberOfEmployees")).isEqualTo(42);
  }

  @Test
  void deleteRemovesTheRecordAndASecondDeleteIsNotFound() {
    String id = newAccount("Doomed");

    e2e.rest.delete("Account", id);

    assertThatThrownBy(() -> e2e.rest.retrieve("Account", id)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> e2e.rest.delete("Account", id)).isInstanceOf(NotFoundException.class);
    assertThat(e2e.requests("DELETE", DATA + "/sobjects/Account/" + id)).extracting(RecordedRequest::status)
        .containsExactly(204, 404);
  }

  @Test
  void anUnknownIdIsNotFoundAndAMalformedOneIsRefusedBeforeSending() {
    assertThatThrownBy(() -> e2e.rest.retrieve("Account", "001000000000000AAA"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("NOT_FOUND");
    int before = e2e.emulator.requests().count();
    assertThatThrownBy(() -> e2e.rest.retrieve("Account", "not-an-id")).isInstanceOf(IllegalArgumentException.class);
    assertThat(e2e.emulator.requests().count()).isEqualTo(before);
  }

  @Test
  void refusedWritesAreTypedWithSalesforceCodes() {
    assertThatThrownBy(() -> e2e.rest.create(SObject.builder("Account").set("Phone", "1").build()))
        .isInstanceOfSatisfying(SalesforceServiceException.class, ex -> {
          assertThat(ex.statusCode()).isEqualTo(400);
          assertThat(ex.errorCode()).contains("REQUIRED_FIELD_MISSING");
          assertThat(ex.errors().get(0).fields()).containsExactly("Name");
        });
    assertThatThrownBy(() -> e2e.rest.create(SObject.builder("Account").set("Name", "x").set("Nope__c", 1).build()))
        .isInstanceOfSatisfying(SalesforceServiceException.class,
            ex -> assertThat(ex.errorCode()).contains("INVALID_FIELD"));
    assertThatThrownBy(() -> e2e.rest.create(SObject.builder("Nope__c").set("Name", "x").build()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void ifModifiedSinceGivesNotModifiedForAnUnchangedRecord() {
    String id = newAccount("Conditional");
    Instant modified = e2e.rest.retrieve("Account", id, "LastModifiedDate").getInstant("LastModifiedDate");

    Conditional<SObject> unchanged = e2e.rest.retrieveIfModified("Account", id,
        RequestOptions.builder().ifModifiedSince(modified.plusSeconds(60)).build(), "Name");
    Conditional<SObject> changed = e2e.rest.retrieveIfModified("Account", id,
        RequestOptions.builder().ifModifiedSince(modified.minusSeconds(60)).build(), "Name");

    assertThat(unchanged.isNotModified()).isTrue();
    assertThat(changed.get().getString("Name")).isEqualTo("Conditional");
    assertThat(e2e.requests("GET", DATA + "/sobjects/Account/" + id)).extracting(RecordedRequest::status)
        .containsExactly(200, 304, 200);
  }

  @Test
  void theCallOptionsClientIsSentOnWritesAndReads() {
    // The emulator records the client as the change origin of CDC events, which only Pub/Sub shows;
    // here the header itself is checked on the wire.
    try (RestClient tagged = RestClient.builder(e2e.connection)
        .defaultOptions(RequestOptions.builder().callOptionsClient("forcelink-e2e").build()).build()) {
      String id = tagged.create(SObject.builder("Account").set("Name", "Tagged").build()).id();
      tagged.update(SObject.builder("Account").id(id).set("Industry", "Energy").build());
      assertThat(tagged.retrieve("Account", id, "Industry").getString("Industry")).isEqualTo("Energy");
    }
    assertThat(e2e.emulator.requests().list()).filteredOn(r -> r.path().startsWith(DATA + "/sobjects/Account"))
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.header("Sforce-Call-Options")).isEqualTo("client=forcelink-e2e"));
  }

  @Test
  void aCreateIsNotResentAfterTheConnectionDropsButAnUpdateIs() {
    e2e.emulator.faults().next(1, RequestMatcher.pathMatches(DATA + "/sobjects/Account").method("POST"))
        .dropConnection();
    assertThatThrownBy(() -> newAccount("Maybe")).isInstanceOf(ConnectionException.class);
    assertThat(e2e.requests("POST", DATA + "/sobjects/Account")).hasSize(1);

    String id = newAccount("Surely");
    e2e.emulator.faults().next(1, RequestMatcher.pathStartsWith(DATA + "/sobjects/Account/").method("PATCH"))
        .dropConnection();
    e2e.rest.update(SObject.builder("Account").id(id).set("Industry", "Energy").build());
    assertThat(e2e.requests("PATCH", DATA + "/sobjects/Account/" + id)).extracting(RecordedRequest::status)
        .containsExactly(-1, 204);
  }

  @Test
  void gzippedRequestBodiesAreRead() {
    String longText = "x".repeat(4_000);
    try (SalesforceConnection gzip = e2e.connection.toBuilder().compressRequests(true).build();
        RestClient rest = RestClient.create(gzip)) {
      String id = rest.create(SObject.builder("Account").set("Name", "Zipped").set("Description", longText).build())
          .id();
      assertThat(rest.retrieve("Account", id, "Description").getString("Description")).isEqualTo(longText);
    }
    assertThat(e2e.requests("POST", DATA + "/sobjects/Account")).singleElement()
        .satisfies(r -> assertThat(r.header("Content-Encoding")).isEqualTo("gzip"));
  }

  @Test
  void aPlatformEventIsPublishedThroughCreate() {
    SaveResult published = e2e.rest.create("Order_Event__e",
        Map.of("Opportunity_Id__c", "006000000000001AAA", "Amount__c", 125.5, "Status__c", "Shipped"),
        RequestOptions.none());

    assertThat(published.id()).hasSize(18);
    assertThat(e2e.requests("POST", DATA + "/sobjects/Order_Event__e")).singleElement()
        .extracting(RecordedRequest::status).isEqualTo(201);
    assertThatThrownBy(() -> e2e.rest.create("Order_Event__e", Map.of("Nope__c", 1), RequestOptions.none()))
        .isInstanceOfSatisfying(SalesforceServiceException.class,
            ex -> assertThat(ex.errorCode()).contains("INVALID_FIELD"));
  }
}
