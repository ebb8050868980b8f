package dev.forcelink.rest;

import static dev.forcelink.rest.EmulatorRest.DATA;
import static dev.forcelink.rest.EmulatorRest.LEGACY_CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.exception.MultipleChoicesException;
import dev.forcelink.core.exception.NotFoundException;
import dev.forcelink.testkit.EmulatorExtension;
import dev.forcelink.testkit.RecordedRequest;
import dev.forcelink.testkit.RequestMatcher;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Delete by external id through {@link RestClient} against the emulator. */
class DeleteByExternalIdEmulatorTest {
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

  private String upsert(String value) {
    UpsertResult created = e2e.rest.upsert("Account", ERP, value, SObject.builder("Account").set("Name", value).build());
    assertThat(created.created()).as("created %s", value).isTrue();
    return created.id();
  }

  @Test
  void anUpsertedRecordIsDeletedByItsExternalIdAndThenNotFound() {
    String id = upsert("ERP-DEL-1");

    e2e.rest.deleteByExternalId("Account", ERP, "ERP-DEL-1");

    assertThatThrownBy(() -> e2e.rest.retrieveByExternalId("Account", ERP, "ERP-DEL-1"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> e2e.rest.retrieve("Account", id)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> e2e.rest.deleteByExternalId("Account", ERP, "ERP-DEL-1"))
        .isInstanceOf(NotFoundException.class);
    assertThat(e2e.requests("DELETE", DATA + "/sobjects/Account/" + ERP + "/ERP-DEL-1"))
        .extracting(RecordedRequest::status).containsExactly(204, 404);
    try (QueryResult<SObject> bin = e2e.rest.queryAll("SELECT Id, IsDeleted FROM Account WHERE Id = '" + id + "'")) {
      assertThat(bin.stream().toList()).singleElement()
          .satisfies(r -> assertThat(r.getBoolean("IsDeleted")).as("in the recycle bin").isTrue());
    }
  }

  @Test
  void severalMatchesAreAMultipleChoicesExceptionAndNothingIsDeleted() {
    String a = e2e.rest.create(SObject.builder("Account").set("Name", "Twin A").set(LEGACY_CODE, "L-DEL").build()).id();
    String b = e2e.rest.create(SObject.builder("Account").set("Name", "Twin B").set(LEGACY_CODE, "L-DEL").build()).id();

    assertThatThrownBy(() -> e2e.rest.deleteByExternalId("Account", LEGACY_CODE, "L-DEL"))
        .isInstanceOfSatisfying(MultipleChoicesException.class, ex -> {
          assertThat(ex.statusCode()).isEqualTo(300);
          assertThat(ex.matches()).hasSize(2);
          assertThat(String.join(" ", ex.matches())).contains(a, b);
        });
    assertThat(e2e.rest.retrieve("Account", a, "Name").getString("Name")).isEqualTo("Twin A");
    assertThat(e2e.rest.retrieve("Account", b, "Name").getString("Name")).isEqualTo("Twin B");
    assertThat(e2e.requests("DELETE", DATA + "/sobjects/Account/" + LEGACY_CODE)).hasSize(1);
  }

  @Test
  void valuesWithSpacesAndSlashesDeleteOnlyTheirOwnRecord() {
    String bystander = upsert("ERP 2024");
    List<String> values = List.of("ERP 2024/07", "ERP 2024/07/..", "a/b?c#d", "50% off", "Zürich-東京");
    for (String value : values) {
      String id = upsert(value);
      e2e.rest.deleteByExternalId("Account", ERP, value);
      assertThatThrownBy(() -> e2e.rest.retrieve("Account", id)).as(value).isInstanceOf(NotFoundException.class);
    }
    assertThat(e2e.rest.retrieveByExternalId("Account", ERP, "ERP 2024", "Id").id()).contains(bystander);
  }

  @Test
  void aServerUnavailableAnswerIsRetriedAndTheRecordDeletedOnce() {
    String id = upsert("ERP-DEL-503");
    String path = DATA + "/sobjects/Account/" + ERP + "/ERP-DEL-503";
    e2e.emulator.faults().next(1, RequestMatcher.pathMatches(Pattern.quote(path)))
        .respondError(503, "SERVER_UNAVAILABLE", "Server Unavailable");

    e2e.rest.deleteByExternalId("Account", ERP, "ERP-DEL-503");

    assertThat(e2e.requests("DELETE", path)).extracting(RecordedRequest::status).containsExactly(503, 204);
    assertThatThrownBy(() -> e2e.rest.retrieve("Account", id)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void theAsyncClientDeletesByExternalIdToo() throws Exception {
    String id = upsert("ERP-DEL-ASYNC");
    RestAsyncClient async = e2e.rest.async();

    async.deleteByExternalId("Account", ERP, "ERP-DEL-ASYNC").get(10, TimeUnit.SECONDS);

    assertThatThrownBy(() -> async.retrieve("Account", id).join())
        .isInstanceOf(CompletionException.class).hasCauseInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> async.deleteByExternalId("Account", ERP, "ERP-DEL-ASYNC").join())
        .isInstanceOf(CompletionException.class).hasCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void aFieldThatIsNoExternalIdIsNotFoundAndDeletesNothing() {
    String id = e2e.rest.create(SObject.builder("Account").set("Name", "Phone Owner").set("Phone", "555-0199").build()).id();

    assertThatThrownBy(() -> e2e.rest.deleteByExternalId("Account", "Phone", "555-0199"))
        .isInstanceOf(NotFoundException.class);
    assertThat(e2e.rest.retrieve("Account", id, "Name").getString("Name")).isEqualTo("Phone Owner");
  }
}
