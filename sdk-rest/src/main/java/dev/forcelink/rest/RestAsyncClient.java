package dev.forcelink.rest;

import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.rest.describe.GlobalDescribe;
import dev.forcelink.rest.describe.SObjectDescribe;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The asynchronous view of a {@link RestClient}: the same operations, requests and retry rules,
 * returning {@link CompletableFuture}s built on {@code SalesforceConnection.sendAsync} (no thread
 * blocks on a response). Futures fail with the exceptions the sync methods throw, including
 * {@link IllegalArgumentException} for bad input. Queries come page by page
 * ({@link #query(String)}, {@link #nextPage(QueryPage)}) or record by record
 * ({@link #forEach(String, Class, QueryOptions, Consumer)}); the children of a parent's subquery
 * likewise ({@link #children(RelatedRecords)}, {@link #forEachChild}).
 *
 * <pre>{@code
 * RestAsyncClient async = rest.async();
 * async.create(SObject.builder("Account").set("Name", "Acme").build())
 *     .thenCompose(saved -> async.retrieve("Account", saved.id(), "Name"))
 *     .thenAccept(a -> System.out.println(a.getString("Name")));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RestAsyncClient {
  private final RestOperations ops;
  private final Transport transport;
  private final UiApiAsyncClient uiApi;

  RestAsyncClient(RestOperations ops, Transport transport) {
    this.ops = ops;
    this.transport = transport;
    this.uiApi = new UiApiAsyncClient(ops, transport);
  }

  static <T> CompletableFuture<T> guard(Supplier<CompletableFuture<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** @return the UI API's idempotent writes, asynchronously */
  public UiApiAsyncClient uiApi() {
    return uiApi;
  }

  /**
   * Creates a record; see {@link RestClient#create(SObject, RequestOptions)}.
   *
   * @param record the record
   * @param options request options
   * @return a future of the new id
   */
  public CompletableFuture<SaveResult> create(SObject record, RequestOptions options) {
    return guard(() -> transport.executeAsync(ops.create(record, options)));
  }

  /**
   * Creates a record; see {@link RestClient#create(SObject)}.
   *
   * @param record the record
   * @return a future of the new id
   */
  public CompletableFuture<SaveResult> create(SObject record) {
    return create(record, RequestOptions.none());
  }

  /**
   * Creates a record from a user object; see {@link RestClient#create(String, Object, RequestOptions)}.
   *
   * @param type the sObject type
   * @param record the object
   * @param options request options
   * @return a future of the new id
   */
  public CompletableFuture<SaveResult> create(String type, Object record, RequestOptions options) {
    return guard(() -> transport.executeAsync(ops.create(ops.toRecord(type, record, options), options)));
  }

  /**
   * Retrieves a record; see {@link RestClient#retrieve(String, String, String...)}.
   *
   * @param type the sObject type
   * @param id the id
   * @param fields the fields; none means all
   * @return a future of the record
   */
  public CompletableFuture<SObject> retrieve(String type, String id, String... fields) {
    return guard(() -> transport.executeAsync(ops.retrieve(type, id, RequestOptions.none(), fields)));
  }

  /**
   * Retrieves and binds a record; see {@link RestClient#retrieve(String, String, Class, String...)}.
   *
   * @param type the sObject type
   * @param id the id
   * @param target the class to bind to
   * @param fields the fields; none means all
   * @param <T> the target type
   * @return a future of the bound record
   */
  public <T> CompletableFuture<T> retrieve(String type, String id, Class<T> target, String... fields) {
    return guard(() -> transport.executeAsync(ops.retrieveAs(type, id, target, fields)));
  }

  /**
   * Conditionally retrieves a record; see {@link RestClient#retrieveIfModified}.
   *
   * @param type the sObject type
   * @param id the id
   * @param options options carrying {@code ifModifiedSince}
   * @param fields the fields; none means all
   * @return a future of the record or not modified
   */
  public CompletableFuture<Conditional<SObject>> retrieveIfModified(String type, String id, RequestOptions options,
      String... fields) {
    return guard(() -> transport.executeAsync(ops.retrieveConditional(type, id, options, fields)));
  }

  /**
   * Retrieves a record by external id; see {@link RestClient#retrieveByExternalId}.
   *
   * @param type the sObject type
   * @param externalIdField the external id field
   * @param value the value
   * @param fields the fields; none means all
   * @return a future of the record
   */
  public CompletableFuture<SObject> retrieveByExternalId(String type, String externalIdField, String value,
      String... fields) {
    return guard(() -> transport.executeAsync(ops.retrieveByExternalId(type, externalIdField, value, fields)));
  }

  /**
   * Updates a record by its {@code Id}; see {@link RestClient#update(SObject, RequestOptions)}.
   *
   * @param record the record with type and {@code Id}
   * @param options request options
   * @return a future that completes when the record is updated
   */
  public CompletableFuture<Void> update(SObject record, RequestOptions options) {
    return guard(() -> {
      Objects.requireNonNull(record, "record");
      String id = record.id().orElseThrow(() -> new IllegalArgumentException(
          "update(SObject) needs the record's Id; set it with SObject.Builder.id(...)"));
      return transport.executeAsync(ops.update(record.type(), id, record, options));
    });
  }

  /**
   * Updates a record by id; see {@link RestClient#update(String, String, Object, RequestOptions)}.
   *
   * @param type the sObject type
   * @param id the id
   * @param fields the fields to write
   * @param options request options
   * @return a future that completes when the record is updated
   */
  public CompletableFuture<Void> update(String type, String id, Object fields, RequestOptions options) {
    return guard(() -> transport.executeAsync(ops.update(type, id, ops.toRecord(type, fields, options), options)));
  }

  /**
   * Deletes a record; see {@link RestClient#delete(String, String)}.
   *
   * @param type the sObject type
   * @param id the id
   * @return a future that completes when the record is deleted
   */
  public CompletableFuture<Void> delete(String type, String id) {
    return guard(() -> transport.executeAsync(ops.delete(type, id, RequestOptions.none())));
  }

  /**
   * Deletes the record whose external id field holds {@code value}; see
   * {@link RestClient#deleteByExternalId(String, String, String)}, whose retry behaviour (a resend
   * after a lost answer may fail with {@code NotFoundException}) this shares. Thread-safe; no
   * thread blocks on the response.
   *
   * @param type the sObject type
   * @param externalIdField the external id field, or {@code Id}
   * @param value the external id value, encoded as one path segment
   * @return a future that completes when the record is deleted; it fails with
   *     {@code NotFoundException} when no record matches, {@code MultipleChoicesException} when
   *     several do, and {@link IllegalArgumentException} or {@link NullPointerException} for bad
   *     input (nothing is thrown by this method itself)
   */
  public CompletableFuture<Void> deleteByExternalId(String type, String externalIdField, String value) {
    return deleteByExternalId(type, externalIdField, value, RequestOptions.none());
  }

  /**
   * Deletes the record whose external id field holds {@code value}, with request options; see
   * {@link RestClient#deleteByExternalId(String, String, String, RequestOptions)}. Thread-safe.
   *
   * @param type the sObject type
   * @param externalIdField the external id field, or {@code Id}
   * @param value the external id value, encoded as one path segment
   * @param options request options
   * @return a future that completes when the record is deleted; it fails as
   *     {@link #deleteByExternalId(String, String, String)}'s does
   */
  public CompletableFuture<Void> deleteByExternalId(String type, String externalIdField, String value,
      RequestOptions options) {
    return guard(() -> transport.executeAsync(ops.deleteByExternalId(type, externalIdField, value, options)));
  }

  /**
   * Upserts by external id; see {@link RestClient#upsert(String, String, String, Object, UpsertOptions)}.
   *
   * @param type the sObject type
   * @param externalIdField the external id field
   * @param value the value
   * @param record the fields to write
   * @param options the options
   * @return a future of the result
   */
  public CompletableFuture<UpsertResult> upsert(String type, String externalIdField, String value, Object record,
      UpsertOptions options) {
    return guard(() -> {
      Objects.requireNonNull(options, "options");
      SObject fields = ops.toRecord(type, record, options.requestOptions());
      return transport.executeAsync(ops.upsert(type, externalIdField, value, fields, options));
    });
  }

  /**
   * Runs a query and returns its first page.
   *
   * @param soql the query
   * @return a future of the first page
   */
  public CompletableFuture<QueryPage<SObject>> query(String soql) {
    return query(soql, SObject.class, QueryOptions.defaults());
  }

  /**
   * Runs a query, binding records to a class, and returns its first page.
   *
   * @param soql the query
   * @param type the record class
   * @param options the options
   * @param <T> the record type
   * @return a future of the first page
   */
  public <T> CompletableFuture<QueryPage<T>> query(String soql, Class<T> type, QueryOptions options) {
    return guard(() -> transport.executeAsync(
        ops.page(ops.queryPath(soql, false), RestOperations.readerFor(type), options, "query")));
  }

  /**
   * Runs a queryAll (deleted and archived records included) and returns its first page.
   *
   * @param soql the query
   * @param type the record class
   * @param options the options
   * @param <T> the record type
   * @return a future of the first page
   */
  public <T> CompletableFuture<QueryPage<T>> queryAll(String soql, Class<T> type, QueryOptions options) {
    return guard(() -> transport.executeAsync(
        ops.page(ops.queryPath(soql, true), RestOperations.readerFor(type), options, "queryAll")));
  }

  /**
   * Fetches the page after {@code page}.
   *
   * @param page a page from this client
   * @param <T> the record type
   * @return a future of the next page, empty when {@code page} was the last
   */
  public <T> CompletableFuture<Optional<QueryPage<T>>> nextPage(QueryPage<T> page) {
    Objects.requireNonNull(page, "page");
    Optional<String> next = page.nextRecordsUrl();
    if (next.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return guard(() -> transport.executeAsync(ops.page(next.get(), page.reader, page.options, "query (next page)"))
        .thenApply(Optional::of));
  }

  /**
   * Continues a result from a cursor: the page the cursor points into, without the records it
   * says were consumed.
   *
   * @param cursor the cursor
   * @param type the record class
   * @param options the options
   * @param <T> the record type
   * @return a future of the page, empty when the cursor is done
   */
  public <T> CompletableFuture<Optional<QueryPage<T>>> resume(QueryCursor cursor, Class<T> type, QueryOptions options) {
    Objects.requireNonNull(cursor, "cursor");
    if (cursor.isDone()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return guard(() -> transport.executeAsync(
        ops.page(cursor.pageUrl(), RestOperations.readerFor(type), options, "query (resume)"))
        .thenApply(p -> {
          List<T> rest = p.records().subList(Math.min(cursor.skip(), p.records().size()), p.records().size());
          return Optional.of(new QueryPage<>(rest, p.totalSize(), p.done(), p.nextRecordsUrl().orElse(null),
              p.reader, p.options));
        }));
  }

  /**
   * Runs a query and hands every record, in order, to {@code action}, fetching one page at a time
   * (the next only after the action has seen the current one).
   *
   * @param soql the query
   * @param type the record class
   * @param options the options
   * @param action called for each record, on the thread that completed the page
   * @param <T> the record type
   * @return a future of the number of records seen
   */
  public <T> CompletableFuture<Long> forEach(String soql, Class<T> type, QueryOptions options, Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    AtomicLong count = new AtomicLong();
    return query(soql, type, options).thenCompose(first -> drain(first, action, count));
  }

  /**
   * Returns the child records nested in a parent as the first page of their own result, to
   * continue with {@link #nextPage(QueryPage)}: {@link RelatedRecords#records()} may be only the
   * first batch of the parent's children. Nothing is sent.
   *
   * @param related the child records as {@link SObject#getChildren(String)} returned them
   * @return the page; {@link QueryPage#totalSize()} counts all the children
   * @throws IllegalArgumentException if {@code related} says more children remain but has no
   *     usable {@code nextRecordsUrl}
   */
  public QueryPage<SObject> children(RelatedRecords related) {
    return ops.childBatch(related, QueryOptions.defaults());
  }

  /**
   * Hands every child record of a parent's subquery, in order, to {@code action}: first the
   * records nested in the parent, then each remaining batch, fetched only after the action has
   * seen the one before. Finish before the parent query fetches its next page, which closes the
   * child cursors of the page before.
   *
   * @param related the child records as {@link SObject#getChildren(String)} returned them
   * @param action called for each child, on the thread that completed its batch
   * @return a future of the number of children seen; it fails with
   *     {@link InvalidQueryLocatorException} when the child cursor is gone, and with
   *     {@link IllegalArgumentException} when {@code related} says more remain but has no usable
   *     {@code nextRecordsUrl}
   */
  public CompletableFuture<Long> forEachChild(RelatedRecords related, Consumer<? super SObject> action) {
    Objects.requireNonNull(action, "action");
    return guard(() -> drain(children(related), action, new AtomicLong()));
  }

  private <T> CompletableFuture<Long> drain(QueryPage<T> page, Consumer<? super T> action, AtomicLong count) {
    for (T record : page.records()) {
      action.accept(record);
      count.incrementAndGet();
    }
    return nextPage(page).thenCompose(next -> next.isPresent()
        ? drain(next.get(), action, count) : CompletableFuture.completedFuture(count.get()));
  }

  /**
   * Runs a SOSL search; see {@link RestClient#search(String)}.
   *
   * @param sosl the search
   * @return a future of the records found
   */
  public CompletableFuture<List<SObject>> search(String sosl) {
    return guard(() -> transport.executeAsync(ops.search(sosl)));
  }

  /**
   * Runs a parameterized search; see {@link RestClient#parameterizedSearch(ParameterizedSearch)}.
   *
   * @param search the search
   * @return a future of the records found
   */
  public CompletableFuture<List<SObject>> parameterizedSearch(ParameterizedSearch search) {
    return guard(() -> transport.executeAsync(ops.parameterizedSearch(search)));
  }

  /**
   * Lists the org's sObjects; see {@link RestClient#describeGlobal()}.
   *
   * @return a future of the global describe
   */
  public CompletableFuture<GlobalDescribe> describeGlobal() {
    return guard(() -> transport.executeAsync(ops.describeGlobal()));
  }

  /**
   * Describes an sObject, through the same cache as the sync client; see
   * {@link RestClient#describe(String)}.
   *
   * @param type the sObject type
   * @return a future of the describe
   */
  public CompletableFuture<SObjectDescribe> describe(String type) {
    return guard(() -> transport.executeAsync(ops.describe(type)));
  }

  /**
   * Reads the org's limits; see {@link RestClient#limits()}.
   *
   * @return a future of the limits
   */
  public CompletableFuture<OrgLimits> limits() {
    return guard(() -> transport.executeAsync(ops.limits()));
  }

  /**
   * Sends any request; see {@link RestClient#raw(SalesforceRequest)}.
   *
   * @param request the request
   * @return a future of the response
   */
  public CompletableFuture<RawResponse> raw(SalesforceRequest request) {
    return guard(() -> transport.executeAsync(ops.raw(request)));
  }

  /**
   * Sends a JSON request; see {@link RestClient#rawJson(String, String, Object)}.
   *
   * @param method the HTTP method
   * @param path the path
   * @param body the body, or null
   * @return a future of the response
   */
  public CompletableFuture<RawResponse> rawJson(String method, String path, Object body) {
    return guard(() -> transport.executeAsync(ops.rawJson(method, path, body)));
  }
}
