package dev.forcelink.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.core.http.Idempotency;
import dev.forcelink.core.http.PathSegments;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import dev.forcelink.core.idempotency.IdempotencyKey;
import dev.forcelink.core.ids.SalesforceId;
import dev.forcelink.core.soql.Soql;
import dev.forcelink.rest.describe.GlobalDescribe;
import dev.forcelink.rest.describe.SObjectDescribe;
import dev.forcelink.rest.internal.json.RecordMapper;
import dev.forcelink.rest.internal.json.SObjectCodec;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Builds every REST operation as a {@link RestCall}: the exact request (path with encoded
 * segments, headers, body, idempotency) and the decoder of its response. Shared by the sync and
 * async clients. Immutable and thread-safe.
 */
final class RestOperations {
  private static final String JSON = "application/json";
  private static final ApiVersion UPDATE_ONLY_SINCE = new ApiVersion(61, 0);

  final SalesforceConnection connection;
  final RequestOptions defaults;
  final DescribeCache describeCache;
  final QueryResult.PageObserver pageObserver;
  private final Clock clock;

  RestOperations(SalesforceConnection connection, RequestOptions defaults, DescribeCache describeCache,
      QueryResult.PageObserver pageObserver, Clock clock) {
    this.connection = connection;
    this.defaults = defaults;
    this.describeCache = describeCache;
    this.pageObserver = pageObserver;
    this.clock = clock;
  }

  String dataPath() {
    return connection.apiVersion().dataPath();
  }

  // ---------------------------------------------------------------- validation

  static String checkType(String type) {
    Objects.requireNonNull(type, "sObject type");
    if (!type.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("Not an sObject API name: '" + excerpt(type)
          + "'. Use a name such as Account or Invoice__c");
    }
    return type;
  }

  static String checkField(String field) {
    Objects.requireNonNull(field, "field");
    if (!field.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("Not a field API name: '" + excerpt(field)
          + "'. Use a name such as Name or External_Id__c");
    }
    return field;
  }

  static String checkId(String id) {
    SalesforceId.parse(id);
    return id;
  }

  private static String excerpt(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private RequestOptions merged(RequestOptions options) {
    return Objects.requireNonNull(options, "options").orElse(defaults);
  }

  private String sobjectPath(String... segments) {
    return dataPath() + "/sobjects" + PathSegments.join(segments);
  }

  private static SalesforceRequest.Builder json(SalesforceRequest.Builder b, byte[] body) {
    return b.body(body, JSON);
  }

  private static void fieldsParam(SalesforceRequest.Builder b, String... fields) {
    if (fields.length > 0) {
      List<String> checked = new ArrayList<>();
      for (String f : fields) {
        checked.add(Soql.identifier(f));
      }
      b.queryParam("fields", String.join(",", checked));
    }
  }

  // ---------------------------------------------------------------- sObjects

  RestCall<SaveResult> create(SObject record, RequestOptions options) {
    Objects.requireNonNull(record, "record");
    if (record.type() == null) {
      throw new IllegalArgumentException("The record has no sObject type; build it with SObject.builder(\"Account\")");
    }
    String type = checkType(record.type());
    RequestOptions o = merged(options);
    SalesforceRequest.Builder b = SalesforceRequest.builder().post().path(sobjectPath(type))
        .idempotency(Idempotency.NON_IDEMPOTENT).description("create " + type);
    json(b, SObjectCodec.toJson(withNulls(record, o), false, Set.of()));
    o.applyTo(b, true);
    return new RestCall<>(b.build(), r -> new SaveResult(Responses.requiredText(Responses.tree(r), "id")));
  }

  SObject toRecord(String type, Object pojo, RequestOptions options) {
    Objects.requireNonNull(pojo, "record");
    return SObjectCodec.fromObject(checkType(type), pojo, merged(options).fieldsToNull());
  }

  private static SObject withNulls(SObject record, RequestOptions o) {
    if (o.fieldsToNull().isEmpty()) {
      return record;
    }
    SObject.Builder b = record.toBuilder();
    for (String f : o.fieldsToNull()) {
      b.setNull(f);
    }
    return b.build();
  }

  RestCall<SObject> retrieve(String type, String id, RequestOptions options, String... fields) {
    RestCall<Conditional<SObject>> c = retrieveConditional(type, id, options, fields);
    return new RestCall<>(c.request, r -> {
      if (r.statusCode() == 304) {
        throw new IOException("the server answered 304 Not Modified; use retrieveIfModified for conditional reads");
      }
      return SObjectCodec.readRecord(r.body());
    });
  }

  RestCall<Conditional<SObject>> retrieveConditional(String type, String id, RequestOptions options,
      String... fields) {
    checkType(type);
    checkId(id);
    RequestOptions o = merged(options);
    SalesforceRequest.Builder b = SalesforceRequest.builder().get().path(sobjectPath(type, id))
        .description("retrieve " + type);
    fieldsParam(b, fields);
    o.applyTo(b, false);
    return new RestCall<>(b.build(), r -> r.statusCode() == 304
        ? Conditional.notModified() : Conditional.modified(SObjectCodec.readRecord(r.body())));
  }

  <T> RestCall<T> retrieveAs(String type, String id, Class<T> target, String... fields) {
    Objects.requireNonNull(target, "type");
    RestCall<SObject> c = retrieve(type, id, RequestOptions.none(), fields);
    return new RestCall<>(c.request, r -> SObjectCodec.bind(SObjectCodec.readRecord(r.body()), target));
  }

  RestCall<Void> update(String type, String id, SObject fields, RequestOptions options) {
    checkType(type);
    checkId(id);
    RequestOptions o = merged(options);
    SalesforceRequest.Builder b = SalesforceRequest.builder().patch().path(sobjectPath(type, id))
        .idempotency(Idempotency.IDEMPOTENT).description("update " + type);
    // The id is in the path; Salesforce refuses it in the body of a PATCH by id.
    json(b, SObjectCodec.toJson(withNulls(fields, o), false, Set.of("Id")));
    o.applyTo(b, true);
    return new RestCall<>(b.build(), r -> null);
  }

  RestCall<Void> delete(String type, String id, RequestOptions options) {
    checkType(type);
    checkId(id);
    RequestOptions o = merged(options);
    SalesforceRequest.Builder b = SalesforceRequest.builder().delete().path(sobjectPath(type, id))
        .idempotency(Idempotency.IDEMPOTENT).description("delete " + type);
    o.applyTo(b, true);
    return new RestCall<>(b.build(), r -> null);
  }

  RestCall<UpsertResult> upsert(String type, String externalIdField, String value, SObject record,
      UpsertOptions upsertOptions) {
    checkType(type);
    checkField(externalIdField);
    Objects.requireNonNull(value, "external id value");
    Objects.requireNonNull(upsertOptions, "upsertOptions");
    if (upsertOptions.updateOnly() && !connection.apiVersion().isAtLeast(UPDATE_ONLY_SINCE)) {
      // Older versions do not know the parameter and would create the record the caller asked
      // never to create (the REST API guide gives updateOnly as API v61.0+).
      throw new IllegalArgumentException("updateOnly needs API v" + UPDATE_ONLY_SINCE + " or later, but this"
          + " connection uses v" + connection.apiVersion() + "; use a newer version (withApiVersion) or look the"
          + " record up first");
    }
    RequestOptions o = merged(upsertOptions.requestOptions());
    SalesforceRequest.Builder b = SalesforceRequest.builder().patch()
        .path(sobjectPath(type, externalIdField, value))
        // Upsert by external id converges on one record however often it is sent.
        .idempotency(Idempotency.PROTECTED).description("upsert " + type + " by " + externalIdField);
    if (upsertOptions.updateOnly()) {
      b.queryParam("updateOnly", "true");
    }
    json(b, SObjectCodec.toJson(withoutExternalId(withNulls(record, o), externalIdField, value), false,
        Set.of("Id")));
    o.applyTo(b, true);
    return new RestCall<>(b.build(), RestOperations::upsertResult);
  }

  /**
   * Leaves the external id field out of an upsert body. The REST API guide's page on upsert by
   * external ID (its v54.0 and v55.0 text) says that naming {@code Id} or the external id field in
   * the body is an error, and JSForce strips it too. The URL carries the value, so a body holding
   * the same value loses nothing; a different value (or null) would be silently ignored or refused,
   * so it is refused here, before sending.
   */
  private static SObject withoutExternalId(SObject record, String externalIdField, String value) {
    for (String name : record.fieldNames()) {
      if (name.equalsIgnoreCase(externalIdField)) {
        Object v = record.get(name);
        String text = v instanceof java.math.BigDecimal ? ((java.math.BigDecimal) v).toPlainString()
            : v instanceof String || v instanceof Number ? String.valueOf(v) : null;
        if (!value.equals(text)) {
          throw new IllegalArgumentException("The upsert addresses " + externalIdField + " '" + excerpt(value)
              + "' but the record sets " + name + " to " + (v == null ? "null" : "'" + excerpt(String.valueOf(v)) + "'")
              + "; Salesforce takes the external id from the URL only. Leave the field out of the record, or"
              + " upsert by the value the record holds");
        }
        return record.toBuilder().unset(name).build();
      }
    }
    return record;
  }

  private static UpsertResult upsertResult(SalesforceResponse<byte[]> r) throws IOException {
    if (r.statusCode() == 204 || r.body() == null || r.body().length == 0) {
      return new UpsertResult(null, r.statusCode() == 201);
    }
    JsonNode n = Responses.tree(r);
    JsonNode created = n.get("created");
    boolean wasCreated = created != null && created.isBoolean() ? created.asBoolean() : r.statusCode() == 201;
    return new UpsertResult(Responses.requiredText(n, "id"), wasCreated);
  }

  RestCall<SObject> retrieveByExternalId(String type, String field, String value, String... fields) {
    checkType(type);
    checkField(field);
    Objects.requireNonNull(value, "external id value");
    SalesforceRequest.Builder b = SalesforceRequest.builder().get().path(sobjectPath(type, field, value))
        .description("retrieve " + type + " by " + field);
    fieldsParam(b, fields);
    merged(RequestOptions.none()).applyTo(b, false);
    return new RestCall<>(b.build(), r -> SObjectCodec.readRecord(r.body()));
  }

  RestCall<Void> deleteByExternalId(String type, String field, String value, RequestOptions options) {
    checkType(type);
    checkField(field);
    Objects.requireNonNull(value, "external id value");
    RequestOptions o = merged(options);
    SalesforceRequest.Builder b = SalesforceRequest.builder().delete().path(sobjectPath(type, field, value))
        .idempotency(Idempotency.IDEMPOTENT).description("delete " + type + " by " + field);
    o.applyTo(b, true);
    return new RestCall<>(b.build(), r -> null);
  }

  // ---------------------------------------------------------------- query

  static QueryPage.RecordReader<SObject> sobjectReader() {
    return SObjectCodec::readRecord;
  }

  static <T> QueryPage.RecordReader<T> readerFor(Class<T> type) {
    Objects.requireNonNull(type, "type");
    if (type == SObject.class) {
      @SuppressWarnings("unchecked")
      QueryPage.RecordReader<T> r = (QueryPage.RecordReader<T>) sobjectReader();
      return r;
    }
    ObjectReader reader = RecordMapper.mapper().readerFor(type);
    return p -> reader.readValue(p);
  }

  String queryPath(String soql, boolean all) {
    Objects.requireNonNull(soql, "soql");
    if (soql.isBlank()) {
      throw new IllegalArgumentException("The SOQL query is blank");
    }
    return dataPath() + (all ? "/queryAll" : "/query") + "?q="
        + java.net.URLEncoder.encode(soql, java.nio.charset.StandardCharsets.UTF_8);
  }

  <T> RestCall<QueryPage<T>> page(String url, QueryPage.RecordReader<T> reader, QueryOptions options,
      String description) {
    Objects.requireNonNull(options, "options");
    SalesforceRequest.Builder b = SalesforceRequest.builder().get().uri(URI.create(url)).description(description);
    options.batchSize().ifPresent(n -> b.header("Sforce-Query-Options", "batchSize=" + n));
    merged(options.requestOptions()).applyTo(b, false);
    return new RestCall<>(b.build(), r -> PageDecoder.decode(r.body(), reader, options), RestOperations::locatorErrors);
  }

  <T> QueryResult<T> result(QueryPage<T> first, String url, int skip, Transport transport) {
    return new QueryResult<>(first, url, skip,
        next -> transport.execute(page(next, first.reader, first.options, "query (next page)")), pageObserver);
  }

  /**
   * The child records nested in a parent as the first page of their own result, so that the query
   * paging continues from their {@code nextRecordsUrl}. No I/O.
   */
  QueryPage<SObject> childBatch(RelatedRecords related, QueryOptions options) {
    Objects.requireNonNull(related, "related");
    Objects.requireNonNull(options, "options");
    String next = related.done() ? null : related.nextRecordsUrl();
    if (!related.done()) {
      if (next == null) {
        throw new IllegalArgumentException("The child records say more remain (done=false, totalSize="
            + related.totalSize() + ") but carry no nextRecordsUrl, so the rest cannot be fetched; pass the"
            + " RelatedRecords exactly as SObject.getChildren returned it");
      }
      if (!next.startsWith("/") || next.startsWith("//")) {
        // Only a path on the connection's own instance may receive its bearer token.
        throw new IllegalArgumentException("A child result's nextRecordsUrl is a path such as"
            + " /services/data/v65.0/query/01g…-200, got '" + excerpt(next) + "'");
      }
    }
    return new QueryPage<>(related.records(), related.totalSize(), related.done(), next, sobjectReader(), options);
  }

  QueryResult<SObject> children(RelatedRecords related, QueryOptions options, Transport transport) {
    QueryPage<SObject> first = childBatch(related, options);
    return new QueryResult<>(first, null, 0,
        next -> transport.execute(page(next, first.reader, options, "child records (next page)")), pageObserver);
  }

  /** Says what to do when Salesforce no longer knows a query cursor. */
  static RuntimeException locatorErrors(RuntimeException e) {
    if (e instanceof SalesforceServiceException && !(e instanceof InvalidQueryLocatorException)) {
      SalesforceServiceException s = (SalesforceServiceException) e;
      if (s.errors().stream().anyMatch(x -> x.errorCode().equalsIgnoreCase("INVALID_QUERY_LOCATOR"))) {
        SalesforceServiceException.Details d = SalesforceServiceException.Details.builder()
            .statusCode(s.statusCode()).errors(s.errors()).bodyExcerpt(s.bodyExcerpt())
            .correlationId(s.correlationId().orElse(null)).requestId(s.requestId().orElse(null))
            .retryable(false).apiUsage(s.apiUsage().orElse(null))
            .summary("The query cursor expired or is unknown (cursors last two days, and the cursor of a"
                + " child result ends when its parent result fetches its next page); run the query again,"
                + " ideally filtered to skip rows already processed");
        return new InvalidQueryLocatorException(d);
      }
    }
    return e;
  }

  // ---------------------------------------------------------------- search

  RestCall<List<SObject>> search(String sosl) {
    Objects.requireNonNull(sosl, "sosl");
    if (sosl.isBlank()) {
      throw new IllegalArgumentException("The SOSL search is blank");
    }
    SalesforceRequest.Builder b = SalesforceRequest.builder().get().path(dataPath() + "/search")
        .queryParam("q", sosl).description("search");
    merged(RequestOptions.none()).applyTo(b, false);
    return new RestCall<>(b.build(), RestOperations::searchRecords);
  }

  RestCall<List<SObject>> parameterizedSearch(ParameterizedSearch search) {
    Objects.requireNonNull(search, "search");
    SalesforceRequest.Builder b = SalesforceRequest.builder().get().path(dataPath() + "/parameterizedSearch/")
        .queryParam("q", search.text()).description("parameterized search");
    search.params().forEach(e -> b.queryParam(e.getKey(), e.getValue()));
    merged(RequestOptions.none()).applyTo(b, false);
    return new RestCall<>(b.build(), RestOperations::searchRecords);
  }

  /** v36.0+ wraps results in {"searchRecords":[…]}; v35.0 and earlier return a bare array. */
  private static List<SObject> searchRecords(SalesforceResponse<byte[]> r) throws IOException {
    try (com.fasterxml.jackson.core.JsonParser p = RecordMapper.factory().createParser(r.body())) {
      com.fasterxml.jackson.core.JsonToken t = p.nextToken();
      if (t == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
        return Collections.unmodifiableList(SObjectCodec.readRecords(p));
      }
      if (t != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        throw new IOException("a search result is a JSON object or array");
      }
      List<SObject> out = List.of();
      String name;
      while ((name = p.nextFieldName()) != null) {
        t = p.nextToken();
        if ("searchRecords".equals(name) && t == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
          out = Collections.unmodifiableList(SObjectCodec.readRecords(p));
        } else {
          p.skipChildren();
        }
      }
      return out;
    }
  }

  // ---------------------------------------------------------------- metadata

  RestCall<GlobalDescribe> describeGlobal() {
    SalesforceRequest.Builder b = SalesforceRequest.builder().get().path(dataPath() + "/sobjects")
        .description("describe global");
    merged(RequestOptions.none()).applyTo(b, false);
    return new RestCall<>(b.build(), r -> GlobalDescribe.of(Responses.map(r)));
  }

  RestCall<SObjectDescribe> describe(String type) {
    checkType(type);
    String key = DescribeCache.key(connection.apiVersion().toString(), type);
    DescribeCache.Entry cached = describeCache.get(key);
    SalesforceRequest.Builder b = SalesforceRequest.builder().get().path(sobjectPath(type, "describe"))
        .description("describe " + type);
    if (cached != null) {
      b.header("If-Modified-Since", cached.lastModified());
    }
    merged(RequestOptions.none()).applyTo(b, false);
    return new RestCall<>(b.build(), r -> {
      if (r.statusCode() == 304) {
        if (cached == null) {
          throw new IOException("the server answered 304 Not Modified to an unconditional describe");
        }
        return cached.describe();
      }
      SObjectDescribe d = SObjectDescribe.of(Responses.map(r));
      String validator = r.header("Last-Modified").or(() -> r.header("Date"))
          .orElseGet(() -> RequestOptions.httpDate(clock.instant()));
      describeCache.put(key, new DescribeCache.Entry(d, validator));
      return d;
    });
  }

  RestCall<OrgLimits> limits() {
    SalesforceRequest.Builder b = SalesforceRequest.builder().get().path(dataPath() + "/limits")
        .description("limits");
    merged(RequestOptions.none()).applyTo(b, false);
    return new RestCall<>(b.build(), r -> OrgLimits.of(Responses.map(r)));
  }

  // ---------------------------------------------------------------- raw

  RestCall<RawResponse> raw(SalesforceRequest request) {
    Objects.requireNonNull(request, "request");
    return new RestCall<>(request, r -> new RawResponse(r.statusCode(), r.headers().map(), r.body(),
        r.correlationId()));
  }

  RestCall<RawResponse> rawJson(String method, String path, Object body) {
    Objects.requireNonNull(path, "path");
    SalesforceRequest.Builder b = SalesforceRequest.builder().method(method).path(path);
    if (body != null) {
      json(b, jsonBytes(body));
    }
    merged(RequestOptions.none()).applyTo(b, false);
    return raw(b.build());
  }

  static byte[] jsonBytes(Object body) {
    if (body instanceof byte[]) {
      return (byte[]) body;
    }
    if (body instanceof String) {
      return ((String) body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    if (body instanceof SObject) {
      return SObjectCodec.toJson((SObject) body, false, Set.of());
    }
    try {
      return RecordMapper.writer().writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write a " + body.getClass().getName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  // ---------------------------------------------------------------- UI API

  RestCall<UiRecord> uiCreate(String apiName, Map<String, ?> fields, IdempotencyKey key) {
    checkType(apiName);
    Objects.requireNonNull(fields, "fields");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("apiName", apiName);
    body.put("fields", SObject.of(apiName, fields));
    return uiWrite(SalesforceRequest.builder().post().path(dataPath() + "/ui-api/records"), body,
        key, "UI API create " + apiName);
  }

  RestCall<UiRecord> uiUpdate(String recordId, Map<String, ?> fields, IdempotencyKey key) {
    checkId(recordId);
    Objects.requireNonNull(fields, "fields");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fields", SObject.of(null, fields));
    return uiWrite(SalesforceRequest.builder().patch().path(dataPath() + "/ui-api/records" + PathSegments.join(recordId)),
        body, key, "UI API update");
  }

  private RestCall<UiRecord> uiWrite(SalesforceRequest.Builder b, Map<String, Object> body, IdempotencyKey key,
      String description) {
    // One key per logical call, made here once, so that every retry of this call carries it.
    IdempotencyKey k = key != null ? key : IdempotencyKey.random();
    byte[] bytes;
    try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        com.fasterxml.jackson.core.JsonGenerator g = RecordMapper.factory().createGenerator(out)) {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : body.entrySet()) {
        g.writeFieldName(e.getKey());
        if (e.getValue() instanceof SObject) {
          SObjectCodec.writeRecord(g, (SObject) e.getValue(), false, Set.of());
        } else {
          SObjectCodec.writeValue(g, e.getValue());
        }
      }
      g.writeEndObject();
      g.flush();
      bytes = out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    b.header("Idempotency-Key", k.value()).idempotency(Idempotency.PROTECTED).description(description);
    json(b, bytes);
    merged(RequestOptions.none()).applyTo(b, true);
    return new RestCall<>(b.build(), RestOperations::uiRecord);
  }

  @SuppressWarnings("unchecked")
  private static UiRecord uiRecord(SalesforceResponse<byte[]> r) throws IOException {
    Map<String, Object> m = Responses.map(r);
    Map<String, Object> values = new LinkedHashMap<>();
    Object fields = m.get("fields");
    if (fields instanceof Map) {
      ((Map<String, Object>) fields).forEach((name, v) ->
          values.put(name, v instanceof Map && ((Map<String, Object>) v).containsKey("value")
              ? ((Map<String, Object>) v).get("value") : v));
    }
    Object id = m.get("id");
    if (!(id instanceof String)) {
      throw new IOException("the UI API record has no \"id\"");
    }
    return new UiRecord((String) id, m.get("apiName") == null ? null : String.valueOf(m.get("apiName")), values, m);
  }

  static UnaryOperator<RuntimeException> noMapping() {
    return UnaryOperator.identity();
  }
}
