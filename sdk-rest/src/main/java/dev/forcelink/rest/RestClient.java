package dev.forcelink.rest;

import dev.forcelink.rest.collections.CollectionsClient;
import dev.forcelink.rest.composite.CompositeClient;

import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.ApiVersions;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.rest.describe.GlobalDescribe;
import dev.forcelink.rest.describe.SObjectDescribe;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The Salesforce REST API client: sObject create, retrieve, update and delete by id; upsert,
 * retrieve and delete by external id; query and queryAll with lazy paging; SOSL and parameterized
 * search; describe; limits; raw requests for any other resource; and the UI API's idempotent
 * writes ({@link #uiApi()}).
 *
 * <pre>{@code
 * try (RestClient rest = RestClient.create(connection)) {
 *   String id = rest.create(SObject.builder("Account").set("Name", "Acme").build()).id();
 *   rest.update(SObject.builder("Account").id(id).setNull("Phone").build());
 *   UpsertResult u = rest.upsert("Account", "External_Id__c", "A/1",
 *       SObject.builder("Account").set("Name", "Acme EU").build(), UpsertOptions.defaults());
 *   String soql = SoqlBuilder.select("Id", "Name").from("Account")
 *       .where(Condition.eq("Industry", "Energy")).toSoql();
 *   try (QueryResult<SObject> accounts = rest.query(soql)) {
 *     accounts.forEach(a -> System.out.println(a.getString("Name")));
 *   }
 *   record Account(String id, String name) {}
 *   List<Account> typed = rest.query(soql, Account.class).stream().toList();
 * }
 * }</pre>
 *
 * <p><b>Errors.</b> Every method throws the unchecked exceptions of
 * {@code dev.forcelink.core.exception}: {@code NotFoundException} (404),
 * {@code MultipleChoicesException} (an external id matched several records),
 * {@code SalesforceServiceException} for other error statuses, {@code ConnectionException} and
 * {@code RequestTimeoutException} once retries are spent, {@code ResponseDecodeException} for a
 * body that cannot be read, and {@link IllegalArgumentException} for bad input (names, ids) before
 * anything is sent. Retries follow the connection's policy: reads, updates by id, deletes (by id
 * or external id) and upserts are retried after a dropped connection; a plain create is never
 * resent once it may have reached the server.
 *
 * <p>Immutable and thread-safe. Closing the client never closes the connection it was given.
 */
public final class RestClient implements AutoCloseable {
  private final RestOperations ops;
  private final Transport transport;
  private final RestAsyncClient async;
  private final UiApiClient uiApi;
  private final CompositeClient composite;
  private final CollectionsClient collections;

  private RestClient(Builder b) {
    this.ops = new RestOperations(b.connection, b.defaultOptions, new DescribeCache(b.describeCacheSize),
        b.pageObserver, b.clock);
    this.transport = new Transport(b.connection);
    this.async = new RestAsyncClient(ops, transport);
    this.uiApi = new UiApiClient(ops, transport);
    this.composite = CompositeClient.create(b.connection);
    this.collections = CollectionsClient.create(b.connection);
  }

  /**
   * Creates a client with default settings.
   *
   * @param connection the connection to send through
   * @return the client
   */
  public static RestClient create(SalesforceConnection connection) {
    return builder(connection).build();
  }

  /**
   * Starts a builder.
   *
   * @param connection the connection to send through
   * @return a builder; not thread-safe
   */
  public static Builder builder(SalesforceConnection connection) {
    return new Builder(connection);
  }

  /** @return the connection this client sends through */
  public SalesforceConnection connection() {
    return ops.connection;
  }

  /** @return the data API root of the connection's version, such as {@code /services/data/v65.0} */
  public String dataPath() {
    return ops.dataPath();
  }

  /** @return the asynchronous view of this client, sharing its settings and describe cache */
  public RestAsyncClient async() {
    return async;
  }

  /** @return the UI API operations (idempotent record writes) */
  public UiApiClient uiApi() {
    return uiApi;
  }

  /**
   * Returns the Composite family on the same connection: {@code /composite} with references,
   * {@code /composite/batch}, {@code /composite/tree} and {@code /composite/graph}.
   *
   * @return the composite client; thread-safe
   */
  public CompositeClient composite() {
    return composite;
  }

  /**
   * Returns the sObject Collections operations on the same connection, chunked into 200-record
   * requests with results in input order.
   *
   * @return the collections client; thread-safe
   */
  public CollectionsClient collections() {
    return collections;
  }

  // ---------------------------------------------------------------- sObjects

  /**
   * Creates a record ({@code POST /sobjects/{type}}). Fields set to null are sent as null; fields
   * not set are not sent. Never resent after it may have reached the server.
   *
   * @param record the record, with its type
   * @return the new id
   * @throws IllegalArgumentException if the record has no valid type or a value cannot be written
   */
  public SaveResult create(SObject record) {
    return create(record, RequestOptions.none());
  }

  /**
   * Creates a record with request options.
   *
   * @param record the record, with its type
   * @param options headers such as {@code Sforce-Duplicate-Rule-Header}, fields to null
   * @return the new id
   * @throws IllegalArgumentException if the record has no valid type or a value cannot be written
   */
  public SaveResult create(SObject record, RequestOptions options) {
    return transport.execute(ops.create(record, options));
  }

  /**
   * Creates a record from a user object (POJO, Java record or {@code Map}). Null properties are
   * left out unless annotated {@code @JsonInclude(ALWAYS)} (see {@link RequestOptions}).
   *
   * @param type the sObject type
   * @param record the object
   * @return the new id
   * @throws IllegalArgumentException if the type is not an API name or the object cannot be written
   */
  public SaveResult create(String type, Object record) {
    return create(type, record, RequestOptions.none());
  }

  /**
   * Creates a record from a user object with request options.
   *
   * @param type the sObject type
   * @param record the object
   * @param options request options; {@code fieldsToNull} writes explicit nulls
   * @return the new id
   * @throws IllegalArgumentException if the type is not an API name or the object cannot be written
   */
  public SaveResult create(String type, Object record, RequestOptions options) {
    return create(ops.toRecord(type, record, options), options);
  }

  /**
   * Retrieves a record by id ({@code GET /sobjects/{type}/{id}[?fields=…]}).
   *
   * @param type the sObject type
   * @param id a 15- or 18-character id
   * @param fields the fields to return; none means all
   * @return the record
   * @throws dev.forcelink.core.exception.NotFoundException if no such record exists
   * @throws IllegalArgumentException if the type, id or a field name is malformed
   */
  public SObject retrieve(String type, String id, String... fields) {
    return transport.execute(ops.retrieve(type, id, RequestOptions.none(), fields));
  }

  /**
   * Retrieves a record and binds it to a user class or Java record.
   *
   * @param type the sObject type
   * @param id a 15- or 18-character id
   * @param target the class to bind to (properties match field names without case)
   * @param fields the fields to return; none means all
   * @param <T> the target type
   * @return the bound record
   * @throws dev.forcelink.core.exception.NotFoundException if no such record exists
   * @throws dev.forcelink.core.exception.ResponseDecodeException if the record does not fit the class
   */
  public <T> T retrieve(String type, String id, Class<T> target, String... fields) {
    return transport.execute(ops.retrieveAs(type, id, target, fields));
  }

  /**
   * Retrieves a record only if it changed since {@code options.ifModifiedSince()}; otherwise the
   * outcome is {@link Conditional#notModified()}, not an error.
   *
   * @param type the sObject type
   * @param id a 15- or 18-character id
   * @param options request options carrying {@code ifModifiedSince}
   * @param fields the fields to return; none means all
   * @return the record, or not modified
   * @throws dev.forcelink.core.exception.NotFoundException if no such record exists
   */
  public Conditional<SObject> retrieveIfModified(String type, String id, RequestOptions options, String... fields) {
    return transport.execute(ops.retrieveConditional(type, id, options, fields));
  }

  /**
   * Retrieves a record by an external id ({@code GET /sobjects/{type}/{field}/{value}}). The value
   * is percent-encoded as one path segment, so {@code /}, {@code ?}, {@code #}, {@code %} or
   * non-ASCII text address the right record.
   *
   * @param type the sObject type
   * @param externalIdField the external id field
   * @param value the external id value
   * @param fields the fields to return; none means all
   * @return the record
   * @throws dev.forcelink.core.exception.NotFoundException if no record matches
   * @throws dev.forcelink.core.exception.MultipleChoicesException if several records match
   */
  public SObject retrieveByExternalId(String type, String externalIdField, String value, String... fields) {
    return transport.execute(ops.retrieveByExternalId(type, externalIdField, value, fields));
  }

  /**
   * Updates a record by its {@code Id} field ({@code PATCH /sobjects/{type}/{id}}): fields set to
   * null are cleared, fields not set are left unchanged.
   *
   * @param record the record with its type and {@code Id}
   * @throws IllegalArgumentException if the record has no type or no valid {@code Id}
   */
  public void update(SObject record) {
    update(record, RequestOptions.none());
  }

  /**
   * Updates a record by its {@code Id} field with request options.
   *
   * @param record the record with its type and {@code Id}
   * @param options request options
   * @throws IllegalArgumentException if the record has no type or no valid {@code Id}
   */
  public void update(SObject record, RequestOptions options) {
    Objects.requireNonNull(record, "record");
    String id = record.id().orElseThrow(() -> new IllegalArgumentException(
        "update(SObject) needs the record's Id; set it with SObject.Builder.id(...)"));
    if (record.type() == null) {
      throw new IllegalArgumentException("The record has no sObject type");
    }
    transport.execute(ops.update(record.type(), id, record, options));
  }

  /**
   * Updates a record by id from a user object, {@code Map} or {@code SObject}.
   *
   * @param type the sObject type
   * @param id a 15- or 18-character id
   * @param fields the fields to write (null properties of a user object are left out)
   * @param options request options; {@code fieldsToNull} clears fields
   * @throws IllegalArgumentException if the type or id is malformed
   */
  public void update(String type, String id, Object fields, RequestOptions options) {
    transport.execute(ops.update(type, id, ops.toRecord(type, fields, options), options));
  }

  /**
   * Updates a record by id.
   *
   * @param type the sObject type
   * @param id a 15- or 18-character id
   * @param fields the fields to write
   * @throws IllegalArgumentException if the type or id is malformed
   */
  public void update(String type, String id, Object fields) {
    update(type, id, fields, RequestOptions.none());
  }

  /**
   * Deletes a record ({@code DELETE /sobjects/{type}/{id}}).
   *
   * @param type the sObject type
   * @param id a 15- or 18-character id
   * @throws dev.forcelink.core.exception.NotFoundException if no such record exists (or it was
   *     already deleted)
   * @throws IllegalArgumentException if the type or id is malformed
   */
  public void delete(String type, String id) {
    delete(type, id, RequestOptions.none());
  }

  /**
   * Deletes a record with request options.
   *
   * @param type the sObject type
   * @param id a 15- or 18-character id
   * @param options request options
   * @throws dev.forcelink.core.exception.NotFoundException if no such record exists
   */
  public void delete(String type, String id, RequestOptions options) {
    transport.execute(ops.delete(type, id, options));
  }

  /**
   * Deletes the record whose external id field holds {@code value}
   * ({@code DELETE /sobjects/{type}/{field}/{value}}); the record goes to the recycle bin, as with
   * {@link #delete(String, String)}. The value is percent-encoded as one path segment, so
   * {@code /}, {@code ?}, {@code #}, {@code %}, spaces or non-ASCII text address the right record.
   *
   * <p>A DELETE is idempotent, so it is resent after a dropped connection or a retryable error
   * ({@code 503}, a row lock). When an attempt whose answer was lost had already deleted the
   * record, the resend finds no match and this method throws {@code NotFoundException}, exactly
   * as {@link #delete(String, String)} does for a record already deleted: a caller that only needs
   * the record gone may treat {@code NotFoundException} as done. A {@code 300} is never resent.
   * Thread-safe, like every method of this client.
   *
   * @param type the sObject type
   * @param externalIdField the external id field, or {@code Id}
   * @param value the external id value, encoded as one path segment
   * @throws dev.forcelink.core.exception.NotFoundException if no record matches (or it was already
   *     deleted, possibly by an earlier attempt of this call), or the field is not an external id
   * @throws dev.forcelink.core.exception.MultipleChoicesException if several records match; nothing
   *     is deleted and the exception lists them
   * @throws IllegalArgumentException before sending, if the type or field is not an API name or the
   *     value is empty
   * @throws NullPointerException if an argument is null
   */
  public void deleteByExternalId(String type, String externalIdField, String value) {
    deleteByExternalId(type, externalIdField, value, RequestOptions.none());
  }

  /**
   * Deletes the record whose external id field holds {@code value}, with request options (such as a
   * {@code Sforce-Call-Options} client, which Change Data Capture reports in the event's
   * {@code changeOrigin}); see {@link #deleteByExternalId(String, String, String)}. Thread-safe.
   *
   * @param type the sObject type
   * @param externalIdField the external id field, or {@code Id}
   * @param value the external id value, encoded as one path segment
   * @param options request options
   * @throws dev.forcelink.core.exception.NotFoundException if no record matches (or it was already
   *     deleted, possibly by an earlier attempt of this call), or the field is not an external id
   * @throws dev.forcelink.core.exception.MultipleChoicesException if several records match; nothing
   *     is deleted
   * @throws IllegalArgumentException before sending, if the type or field is not an API name or the
   *     value is empty
   * @throws NullPointerException if an argument is null
   */
  public void deleteByExternalId(String type, String externalIdField, String value, RequestOptions options) {
    transport.execute(ops.deleteByExternalId(type, externalIdField, value, options));
  }

  /**
   * Creates or updates the record whose external id field holds {@code value}
   * ({@code PATCH /sobjects/{type}/{field}/{value}}). Safe to retry: it converges on one record.
   * {@code Id} and the external id field are never sent in the body; the URL carries the value.
   *
   * @param type the sObject type
   * @param externalIdField the external id field
   * @param value the external id value, encoded as one path segment
   * @param record the fields to write: an {@code SObject}, {@code Map} or user object
   * @param options update-only and request options
   * @return the id and whether the record was created
   * @throws dev.forcelink.core.exception.MultipleChoicesException if several records match (the
   *     exception lists them)
   * @throws dev.forcelink.core.exception.NotFoundException for an unknown external id field
   * @throws IllegalArgumentException before sending, if {@code updateOnly} is set on a connection
   *     below API v61.0 (older versions would ignore it and create the record), or if the record
   *     sets the external id field to another value than {@code value} (the same value is simply
   *     left out of the body, as Salesforce wants it only in the URL)
   */
  public UpsertResult upsert(String type, String externalIdField, String value, Object record, UpsertOptions options) {
    Objects.requireNonNull(options, "options");
    SObject fields = ops.toRecord(type, record, options.requestOptions());
    return transport.execute(ops.upsert(type, externalIdField, value, fields, options));
  }

  /**
   * Upserts with the default options.
   *
   * @param type the sObject type
   * @param externalIdField the external id field
   * @param value the external id value
   * @param record the fields to write
   * @return the id and whether the record was created
   * @throws dev.forcelink.core.exception.MultipleChoicesException if several records match
   */
  public UpsertResult upsert(String type, String externalIdField, String value, Object record) {
    return upsert(type, externalIdField, value, record, UpsertOptions.defaults());
  }

  // ---------------------------------------------------------------- query

  /**
   * Runs a SOQL query ({@code GET /query?q=…}) and returns a lazy result: the first page is fetched
   * now, later pages as iteration reaches them.
   *
   * @param soql the query; build it with {@code SoqlBuilder} or bind values with
   *     {@code Soql.literal}
   * @return the result; close it (or its stream) when done
   * @throws dev.forcelink.core.exception.SalesforceServiceException for a malformed query
   */
  public QueryResult<SObject> query(String soql) {
    return query(soql, SObject.class, QueryOptions.defaults());
  }

  /**
   * Runs a SOQL query and binds each record to a user class or Java record while decoding.
   *
   * @param soql the query
   * @param type the class to bind each record to ({@code SObject.class} for records)
   * @param <T> the record type
   * @return the result
   * @throws dev.forcelink.core.exception.SalesforceServiceException for a malformed query
   */
  public <T> QueryResult<T> query(String soql, Class<T> type) {
    return query(soql, type, QueryOptions.defaults());
  }

  /**
   * Runs a SOQL query with options such as the page size.
   *
   * @param soql the query
   * @param type the record class
   * @param options the options
   * @param <T> the record type
   * @return the result
   * @throws dev.forcelink.core.exception.SalesforceServiceException for a malformed query
   */
  public <T> QueryResult<T> query(String soql, Class<T> type, QueryOptions options) {
    return run(ops.queryPath(soql, false), RestOperations.readerFor(type), options, "query");
  }

  /**
   * Runs a SOQL query that also returns deleted and archived records ({@code GET /queryAll?q=…}).
   *
   * @param soql the query
   * @return the result
   * @throws dev.forcelink.core.exception.SalesforceServiceException for a malformed query
   */
  public QueryResult<SObject> queryAll(String soql) {
    return queryAll(soql, SObject.class, QueryOptions.defaults());
  }

  /**
   * Runs a queryAll, binding each record to a user class, with options.
   *
   * @param soql the query
   * @param type the record class
   * @param options the options
   * @param <T> the record type
   * @return the result
   * @throws dev.forcelink.core.exception.SalesforceServiceException for a malformed query
   */
  public <T> QueryResult<T> queryAll(String soql, Class<T> type, QueryOptions options) {
    return run(ops.queryPath(soql, true), RestOperations.readerFor(type), options, "queryAll");
  }

  /**
   * Continues a result from a cursor saved with {@link QueryResult#cursor()}.
   *
   * @param cursor the cursor
   * @return the rest of the result; empty when the cursor is done
   * @throws InvalidQueryLocatorException if Salesforce no longer knows the cursor
   */
  public QueryResult<SObject> resume(QueryCursor cursor) {
    return resume(cursor, SObject.class, QueryOptions.defaults());
  }

  /**
   * Continues a result from a cursor, binding records to a user class.
   *
   * @param cursor the cursor
   * @param type the record class
   * @param options the options (page size)
   * @param <T> the record type
   * @return the rest of the result
   * @throws InvalidQueryLocatorException if Salesforce no longer knows the cursor
   */
  public <T> QueryResult<T> resume(QueryCursor cursor, Class<T> type, QueryOptions options) {
    Objects.requireNonNull(cursor, "cursor");
    QueryPage.RecordReader<T> reader = RestOperations.readerFor(type);
    if (cursor.isDone()) {
      return new QueryResult<>(new QueryPage<>(List.of(), 0, true, null, reader, options), null, 0,
          url -> { throw new IllegalStateException("no page to fetch"); }, ops.pageObserver);
    }
    QueryPage<T> first = transport.execute(ops.page(cursor.pageUrl(), reader, options, "query (resume)"));
    return ops.result(first, cursor.pageUrl(), cursor.skip(), transport);
  }

  /**
   * Returns every record of a child relationship subquery, lazily: first the records nested in the
   * parent, then the remaining batches, each fetched from its {@code nextRecordsUrl} only when
   * iteration reaches it, with the retries, correlation ids and errors of query paging. A parent
   * with more children than Salesforce nests in one batch carries only the first batch in
   * {@link RelatedRecords#records()}; this is how to read them all.
   *
   * <pre>{@code
   * try (QueryResult<SObject> accounts = rest.query("SELECT Id, (SELECT Id FROM Contacts) FROM Account")) {
   *   for (SObject account : accounts) {
   *     for (SObject contact : rest.children(account.getChildren("Contacts"))) {
   *       process(account, contact);
   *     }
   *   }
   * }
   * }</pre>
   *
   * <p>Read the children of a parent before the parent result moves on to its next page (as the
   * nested loop above does): Salesforce closes the child cursors of a page when the next page of
   * the parent is fetched, and a later child fetch throws {@link InvalidQueryLocatorException}.
   * While iteration is still among the nested records, {@link QueryResult#cursor()} throws
   * {@link IllegalStateException}: no URL serves them again.
   *
   * @param related the child records as {@link SObject#getChildren(String)} returned them
   * @return the result, iterable once, with {@link QueryResult#totalSize()} the number of all
   *     children; fetching a batch may throw what a query page fetch throws
   * @throws IllegalArgumentException if {@code related} says more children remain but has no
   *     {@code nextRecordsUrl}, or one that is not a path on the instance
   */
  public QueryResult<SObject> children(RelatedRecords related) {
    return children(related, QueryOptions.defaults());
  }

  /**
   * Returns every record of a child relationship subquery, fetching the remaining batches with
   * request options (such as a {@code Sforce-Call-Options} client); see
   * {@link #children(RelatedRecords)}.
   *
   * @param related the child records as {@link SObject#getChildren(String)} returned them
   * @param options the options sent with each batch fetch
   * @return the result, iterable once
   * @throws IllegalArgumentException if {@code related} says more children remain but has no
   *     usable {@code nextRecordsUrl}
   */
  public QueryResult<SObject> children(RelatedRecords related, QueryOptions options) {
    return ops.children(related, options, transport);
  }

  /**
   * Returns every child record of one relationship of a queried parent, such as the
   * {@code Contacts} of an Account selected with {@code (SELECT … FROM Contacts)}; see
   * {@link #children(RelatedRecords)}. A relationship Salesforce returned as null (no children)
   * gives an empty result.
   *
   * @param parent the parent record from a query
   * @param relationship the child relationship name, as in the subquery's {@code FROM}
   * @return the result, iterable once
   * @throws IllegalStateException if that field of the parent is not a child result
   */
  public QueryResult<SObject> children(SObject parent, String relationship) {
    Objects.requireNonNull(parent, "parent");
    return children(parent.getChildren(relationship));
  }

  private <T> QueryResult<T> run(String path, QueryPage.RecordReader<T> reader, QueryOptions options, String what) {
    QueryPage<T> first = transport.execute(ops.page(path, reader, options, what));
    return ops.result(first, path, 0, transport);
  }

  // ---------------------------------------------------------------- search

  /**
   * Runs a SOSL search ({@code GET /search?q=…}); both the v36.0+ {@code searchRecords} shape and
   * the older bare array are read.
   *
   * @param sosl the search, such as {@code FIND {Acme} RETURNING Account(Id, Name)}
   * @return the records found
   * @throws dev.forcelink.core.exception.SalesforceServiceException for a malformed search
   */
  public List<SObject> search(String sosl) {
    return transport.execute(ops.search(sosl));
  }

  /**
   * Runs a parameterized search ({@code GET /parameterizedSearch/?q=…}).
   *
   * @param search the search
   * @return the records found
   * @throws dev.forcelink.core.exception.SalesforceServiceException if Salesforce refuses it
   */
  public List<SObject> parameterizedSearch(ParameterizedSearch search) {
    return transport.execute(ops.parameterizedSearch(search));
  }

  // ---------------------------------------------------------------- metadata

  /**
   * Lists the org's sObjects ({@code GET /sobjects}).
   *
   * @return the global describe
   */
  public GlobalDescribe describeGlobal() {
    return transport.execute(ops.describeGlobal());
  }

  /**
   * Describes an sObject ({@code GET /sobjects/{type}/describe}). Describes are cached per client
   * and type, and revalidated with {@code If-Modified-Since}: a {@code 304} returns the cached copy.
   *
   * @param type the sObject type
   * @return the describe
   * @throws dev.forcelink.core.exception.NotFoundException if the type does not exist
   */
  public SObjectDescribe describe(String type) {
    return transport.execute(ops.describe(type));
  }

  /**
   * Reads the org's limits ({@code GET /limits}).
   *
   * @return the limits by name
   */
  public OrgLimits limits() {
    return transport.execute(ops.limits());
  }

  /**
   * Lists the API versions the org serves (unauthenticated, free of API limits).
   *
   * @return the versions, ascending
   */
  public List<ApiVersion> versions() {
    return ApiVersions.list(ops.connection);
  }

  // ---------------------------------------------------------------- raw

  /**
   * Sends any request on this client's connection (auth, retry, limits and correlation ids
   * included): Apex REST, Tooling API, UI API or anything else.
   *
   * @param request the request
   * @return the response as it came
   * @throws dev.forcelink.core.exception.SalesforceServiceException for an error status
   */
  public RawResponse raw(SalesforceRequest request) {
    return transport.execute(ops.raw(request));
  }

  /**
   * Sends a JSON request to a path relative to the instance, such as
   * {@code /services/apexrest/orders} or {@code dataPath() + "/tooling/query?q=…"}.
   *
   * @param method the HTTP method, such as {@code POST}
   * @param path the path, starting with {@code /}, percent-encoded
   * @param body null for none; a {@code String} or {@code byte[]} of JSON; an {@code SObject}; or any
   *     object Jackson can write
   * @return the response
   * @throws IllegalArgumentException for a malformed method or path
   */
  public RawResponse rawJson(String method, String path, Object body) {
    return transport.execute(ops.rawJson(method, path, body));
  }

  /** Does nothing to the connection, which the caller owns; the client holds nothing else. */
  @Override
  public void close() {
    ops.describeCache.clear();
  }

  @Override
  public String toString() {
    return "RestClient{" + ops.connection.apiVersion() + "}";
  }

  /** Builds a {@link RestClient}. Not thread-safe. */
  public static final class Builder {
    private final SalesforceConnection connection;
    private RequestOptions defaultOptions = RequestOptions.none();
    private int describeCacheSize = 200;
    private QueryResult.PageObserver pageObserver = records -> { };
    private Clock clock = Clock.systemUTC();

    private Builder(SalesforceConnection connection) {
      this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Sets options applied to every call unless the call sets them (such as a
     * {@code Sforce-Call-Options} client id).
     *
     * @param options the defaults
     * @return this builder
     */
    public Builder defaultOptions(RequestOptions options) {
      this.defaultOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets how many sObject describes are cached (least recently used go first); 0 disables the
     * cache. Default 200.
     *
     * @param size at least 0
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder describeCacheSize(int size) {
      if (size < 0) {
        throw new IllegalArgumentException("describeCacheSize must not be negative, got " + size);
      }
      this.describeCacheSize = size;
      return this;
    }

    /** Observes each query page loaded; for tests that check memory stays bounded. */
    Builder pageObserver(QueryResult.PageObserver observer) {
      this.pageObserver = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /** Replaces the clock used for describe cache validators; for tests. */
    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     */
    public RestClient build() {
      return new RestClient(this);
    }
  }
}
