package dev.forcelink.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.exception.NotFoundException;
import dev.forcelink.core.idempotency.IdempotencyKey;
import dev.forcelink.testkit.EmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RestAsyncClient} against the emulator. */
class AsyncEmulatorTest {
  @RegisterExtension
  static final EmulatorExtension ORG = EmulatorRest.extension();

  private EmulatorRest e2e;
  private RestAsyncClient async;

  @BeforeEach
  void connect() {
    e2e = new EmulatorRest(ORG.emulator());
    async = e2e.rest.async();
  }

  @AfterEach
  void close() {
    e2e.close();
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(30, TimeUnit.SECONDS);
  }

  @Test
  void createRetrieveUpdateAndDeleteChainWithoutBlocking() throws Exception {
    CompletableFuture<String> flow = async.create(SObject.builder("Account").set("Name", "Async Co").build())
        .thenCompose(saved -> async.update(SObject.builder("Account").id(saved.id()).set("Phone", "42").build(),
                RequestOptions.none())
            .thenCompose(done -> async.retrieve("Account", saved.id(), "Name", "Phone"))
            .thenApply(read -> {
              assertThat(read.getString("Name")).isEqualTo("Async Co");
              assertThat(read.getString("Phone")).isEqualTo("42");
              return saved.id();
            }))
        .thenCompose(id -> async.delete("Account", id).thenApply(done -> id));

    String id = await(flow);

    assertThatThrownBy(() -> async.retrieve("Account", id).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void upsertAndRetrieveByExternalId() throws Exception {
    UpsertResult first = await(async.upsert("Account", "External_ERP_Id__c", "ASYNC/1",
        SObject.builder("Account").set("Name", "Async Upsert").build(), UpsertOptions.defaults()));
    UpsertResult second = await(async.upsert("Account", "External_ERP_Id__c", "ASYNC/1",
        Map.of("Name", "Async Upsert 2"), UpsertOptions.defaults()));
    SObject read = await(async.retrieveByExternalId("Account", "External_ERP_Id__c", "ASYNC/1", "Name"));

    assertThat(first.created()).isTrue();
    assertThat(second).isEqualTo(new UpsertResult(first.id(), false));
    assertThat(read.getString("Name")).isEqualTo("Async Upsert 2");
  }

  @Test
  void queryPagesAndForEachSeeEveryRowInOrder() throws Exception {
    List<CompletableFuture<SaveResult>> creates = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      creates.add(async.create(SObject.builder("Account").set("Name", String.format("Async %03d", i))
          .set("Description", "async-paging").build()));
    }
    await(CompletableFuture.allOf(creates.toArray(new CompletableFuture<?>[0])));
    String soql = "SELECT Name FROM Account WHERE Description = 'async-paging' ORDER BY Name";
    QueryOptions pagesOf200 = QueryOptions.builder().batchSize(200).build();

    List<String> names = new ArrayList<>();
    long count = await(async.forEach(soql, SObject.class, pagesOf200, r -> names.add(r.getString("Name"))));
    QueryPage<SObject> first = await(async.query(soql, SObject.class, pagesOf200));
    Optional<QueryPage<SObject>> second = await(async.nextPage(first));
    Optional<QueryPage<SObject>> resumed = await(async.resume(new QueryCursor(first.nextRecordsUrl().orElseThrow(), 150),
        SObject.class, pagesOf200));

    assertThat(count).isEqualTo(450);
    assertThat(names).hasSize(450).isSorted().doesNotHaveDuplicates();
    assertThat(first.totalSize()).isEqualTo(450);
    assertThat(first.records()).hasSize(200);
    assertThat(second.orElseThrow().records().get(0).getString("Name")).isEqualTo("Async 200");
    assertThat(resumed.orElseThrow().records().get(0).getString("Name")).isEqualTo("Async 350");
  }

  @Test
  void describeSearchLimitsAndUiApiCompleteAsync() throws Exception {
    assertThat(await(async.describe("Contact")).name()).isEqualTo("Contact");
    assertThat(await(async.describeGlobal()).sobject("Contact")).isPresent();
    assertThat(await(async.limits()).get("DailyApiRequests")).isPresent();
    UiRecord created = await(async.uiApi().createRecord("Account", Map.of("Name", "Async Ui"), IdempotencyKey.random()));
    assertThat(await(async.search("FIND {Async Ui} IN NAME FIELDS RETURNING Account(Id)")))
        .extracting(r -> r.id().orElseThrow()).containsExactly(created.id());
  }

  @Test
  void badInputFailsTheFutureInsteadOfThrowing() {
    CompletableFuture<SObject> bad = async.retrieve("Account", "not-an-id");

    assertThat(bad).isCompletedExceptionally();
    assertThatThrownBy(bad::join).hasCauseInstanceOf(IllegalArgumentException.class);
  }
}
