package dev.forcelink.rest.composite;

import dev.forcelink.core.http.Idempotency;
import dev.forcelink.core.http.PathSegments;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.internal.composite.RecordJson;
import dev.forcelink.rest.internal.composite.ReferenceText;
import dev.forcelink.rest.internal.json.SObjectCodec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One operation inside a {@link CompositeRequest}, a {@link Graph} or a {@link BatchRequest}: an
 * HTTP method, a path under the data API root (such as {@code /sobjects/Account}), an optional
 * JSON body and optional HTTP headers. Build one with the typed factories ({@link #create(SObject)},
 * {@link #retrieve(String, String, String...)}, {@link #update(SObject)}, {@link #upsert(SObject,
 * String)}, {@link #delete(String, String)}, {@link #query(String)}, {@link #queryAll(String)} and the
 * {@code collections*} ones) and give it a referenceId when adding it to a request.
 *
 * <p>Values may be {@link Reference}s to earlier results, in record fields and in ids; they are
 * written as {@code @{referenceId.field}} and never percent-encoded, so Salesforce can resolve them.
 * Other path segments are percent-encoded.
 *
 * <p>Immutable and thread-safe.
 */
public final class Subrequest {
  /** The collections resources take at most this many records per call. */
  static final int MAX_COLLECTION_RECORDS = 200;
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> FORBIDDEN_HEADERS = Set.of("accept", "authorization", "content-type");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** What a subrequest does; decides the limits it counts against and where a graph allows it. */
  enum Kind { CREATE, RETRIEVE, UPDATE, DELETE, UPSERT, SOBJECT, QUERY, COLLECTIONS, OTHER }

  private final String method;
  private final String path;
  private final String body;
  private final Kind kind;
  private final String objectType;
  private final Idempotency idempotency;
  private final Map<String, String> httpHeaders;

  private Subrequest(String method, String path, String body, Kind kind, String objectType,
      Idempotency idempotency, Map<String, String> httpHeaders) {
    this.method = method;
    this.path = path;
    this.body = body;
    this.kind = kind;
    this.objectType = objectType;
    this.idempotency = idempotency;
    this.httpHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(httpHeaders));
  }

  private static Subrequest of(String method, String path, String body, Kind kind, String objectType,
      Idempotency idempotency) {
    return new Subrequest(method, path, body, kind, objectType, idempotency, Map.of());
  }

  /**
   * Creates a record: {@code POST /sobjects/{type}}. The result body is a {@link SaveResult}.
   *
   * @param record the record; its type names the sObject, its fields may hold references
   * @return the subrequest
   * @throws IllegalArgumentException if a field value has no JSON form
   */
  public static Subrequest create(SObject record) {
    Objects.requireNonNull(record, "record");
    String type = requireType(record);
    return of("POST", "/sobjects/" + PathSegments.encode(type), write(record, false, Set.of()), Kind.CREATE,
        type, Idempotency.NON_IDEMPOTENT);
  }

  /**
   * Retrieves a record: {@code GET /sobjects/{type}/{id}[?fields=…]}. The result body is an
   * {@link SObject}.
   *
   * @param type the sObject type, such as {@code Account}
   * @param id the record id
   * @param fields the fields to return; none for all
   * @return the subrequest
   * @throws IllegalArgumentException if the type or id is empty
   */
  public static Subrequest retrieve(String type, String id, String... fields) {
    return retrieveSegment(type, PathSegments.encode(Objects.requireNonNull(id, "id")), fields);
  }

  /**
   * Retrieves a record whose id is the result of an earlier subrequest.
   *
   * @param type the sObject type
   * @param id a reference to the id, such as {@code Reference.to("NewAccount").field("id")}
   * @param fields the fields to return; none for all
   * @return the subrequest
   */
  public static Subrequest retrieve(String type, Reference id, String... fields) {
    return retrieveSegment(type, Objects.requireNonNull(id, "id").expression(), fields);
  }

  private static Subrequest retrieveSegment(String type, String idSegment, String... fields) {
    String path = "/sobjects/" + PathSegments.encode(Objects.requireNonNull(type, "type")) + "/" + idSegment;
    if (fields.length > 0) {
      List<String> encoded = new ArrayList<>();
      for (String f : fields) {
        encoded.add(URLEncoder.encode(Objects.requireNonNull(f, "field"), StandardCharsets.UTF_8));
      }
      path += "?fields=" + String.join(",", encoded);
    }
    return of("GET", path, null, Kind.RETRIEVE, type, Idempotency.IDEMPOTENT);
  }

  /**
   * Updates a record: {@code PATCH /sobjects/{type}/{Id}}. The record's {@code Id} field (a
   * string or a {@link Reference}) names the record and is not sent in the body. Success is
   * {@code 204} with no body.
   *
   * @param record the record with its {@code Id} and the fields to change
   * @return the subrequest
   * @throws IllegalArgumentException if the record has no {@code Id}
   */
  public static Subrequest update(SObject record) {
    Objects.requireNonNull(record, "record");
    String type = requireType(record);
    String id = segmentOf(record, "Id", "an update needs the record's Id");
    return of("PATCH", "/sobjects/" + PathSegments.encode(type) + "/" + id, write(record, false, Set.of("Id")),
        Kind.UPDATE, type, Idempotency.IDEMPOTENT);
  }

  /**
   * Upserts a record by an external id field: {@code PATCH /sobjects/{type}/{field}/{value}}, the
   * value taken from the record's own field (a string or a {@link Reference}) and left out of the
   * body. The result body is a {@link SaveResult} whose {@link SaveResult#created()} tells an
   * insert from an update.
   *
   * @param record the record, holding the external id value
   * @param externalIdField the external id field, such as {@code Ext_Id__c}
   * @return the subrequest
   * @throws IllegalArgumentException if the record does not hold the field
   */
  public static Subrequest upsert(SObject record, String externalIdField) {
    return upsert(record, externalIdField, false);
  }

  /**
   * Like {@link #upsert(SObject, String)} with {@code ?updateOnly=true} (API v61.0+): the record is
   * updated if it exists and never created; no match is an error.
   *
   * @param record the record, holding the external id value
   * @param externalIdField the external id field
   * @return the subrequest
   * @throws IllegalArgumentException if the record does not hold the field
   */
  public static Subrequest upsertUpdateOnly(SObject record, String externalIdField) {
    return upsert(record, externalIdField, true);
  }

  private static Subrequest upsert(SObject record, String externalIdField, boolean updateOnly) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(externalIdField, "externalIdField");
    String type = requireType(record);
    String value = segmentOf(record, externalIdField, "an upsert takes the external id value from the record");
    String path = "/sobjects/" + PathSegments.encode(type) + "/" + PathSegments.encode(externalIdField) + "/" + value
        + (updateOnly ? "?updateOnly=true" : "");
    return of("PATCH", path, write(record, false, Set.of(externalIdField)), Kind.UPSERT, type,
        Idempotency.PROTECTED);
  }

  /**
   * Deletes a record: {@code DELETE /sobjects/{type}/{id}}; success is {@code 204}.
   *
   * @param type the sObject type
   * @param id the record id
   * @return the subrequest
   */
  public static Subrequest delete(String type, String id) {
    return deleteSegment(type, PathSegments.encode(Objects.requireNonNull(id, "id")));
  }

  /**
   * Deletes a record whose id is the result of an earlier subrequest.
   *
   * @param type the sObject type
   * @param id a reference to the id
   * @return the subrequest
   */
  public static Subrequest delete(String type, Reference id) {
    return deleteSegment(type, Objects.requireNonNull(id, "id").expression());
  }

  private static Subrequest deleteSegment(String type, String idSegment) {
    return of("DELETE", "/sobjects/" + PathSegments.encode(Objects.requireNonNull(type, "type")) + "/" + idSegment,
        null, Kind.DELETE, type, Idempotency.IDEMPOTENT);
  }

  /**
   * Runs a SOQL query: {@code GET /query?q=…}. References inside the query text (concatenate a
   * {@link Reference}) are kept as they are. Counts against the limit of 5 query and Collections
   * subrequests. The result body is the first page ({@link SubResult#queryResult()}).
   *
   * @param soql the query
   * @return the subrequest
   */
  public static Subrequest query(String soql) {
    return of("GET", "/query?q=" + ReferenceText.encodeQueryValue(requireText(soql, "soql")), null, Kind.QUERY,
        null, Idempotency.IDEMPOTENT);
  }

  /**
   * Runs a SOQL query that includes deleted and archived records: {@code GET /queryAll?q=…}.
   *
   * @param soql the query
   * @return the subrequest
   */
  public static Subrequest queryAll(String soql) {
    return of("GET", "/queryAll?q=" + ReferenceText.encodeQueryValue(requireText(soql, "soql")), null, Kind.QUERY,
        null, Idempotency.IDEMPOTENT);
  }

  /**
   * Creates up to 200 records of any types: {@code POST /composite/sobjects}. The result body is
   * a list of {@link SaveResult}s in record order.
   *
   * @param allOrNone whether one failure rolls back every record of this subrequest
   * @param records 1 to 200 records
   * @return the subrequest
   * @throws IllegalArgumentException if there are no records or more than 200
   */
  public static Subrequest collectionsCreate(boolean allOrNone, List<SObject> records) {
    return of("POST", "/composite/sobjects", collectionBody(allOrNone, records, false), Kind.COLLECTIONS, null,
        Idempotency.NON_IDEMPOTENT);
  }

  /**
   * Updates up to 200 records, each with its {@code Id}: {@code PATCH /composite/sobjects}.
   *
   * @param allOrNone whether one failure rolls back every record of this subrequest
   * @param records 1 to 200 records
   * @return the subrequest
   * @throws IllegalArgumentException if a record has no {@code Id}, or the count is out of range
   */
  public static Subrequest collectionsUpdate(boolean allOrNone, List<SObject> records) {
    return of("PATCH", "/composite/sobjects", collectionBody(allOrNone, records, true), Kind.COLLECTIONS, null,
        Idempotency.IDEMPOTENT);
  }

  /**
   * Upserts up to 200 records of one type by an external id field:
   * {@code PATCH /composite/sobjects/{type}/{field}}.
   *
   * @param type the sObject type of every record
   * @param externalIdField the external id field
   * @param allOrNone whether one failure rolls back every record of this subrequest
   * @param records 1 to 200 records
   * @return the subrequest
   * @throws IllegalArgumentException if the count is out of range or a record has another type
   */
  public static Subrequest collectionsUpsert(String type, String externalIdField, boolean allOrNone,
      List<SObject> records) {
    Objects.requireNonNull(type, "type");
    for (SObject r : records) {
      if (!type.equals(r.type())) {
        throw new IllegalArgumentException("A collections upsert takes records of one type (" + type + "); got a "
            + r.type());
      }
    }
    return of("PATCH", "/composite/sobjects/" + PathSegments.encode(type) + "/" + PathSegments.encode(externalIdField),
        collectionBody(allOrNone, records, false), Kind.COLLECTIONS, type, Idempotency.PROTECTED);
  }

  /**
   * Deletes up to 200 records by id: {@code DELETE /composite/sobjects?ids=…&allOrNone=…}.
   *
   * @param allOrNone whether one failure rolls back every deletion of this subrequest
   * @param ids 1 to 200 record ids
   * @return the subrequest
   * @throws IllegalArgumentException if the count is out of range
   */
  public static Subrequest collectionsDelete(boolean allOrNone, List<String> ids) {
    requireCount(ids.size(), MAX_COLLECTION_RECORDS, "ids");
    List<String> encoded = new ArrayList<>();
    for (String id : ids) {
      encoded.add(URLEncoder.encode(requireText(id, "id"), StandardCharsets.UTF_8));
    }
    return of("DELETE", "/composite/sobjects?ids=" + String.join(",", encoded) + "&allOrNone=" + allOrNone, null,
        Kind.COLLECTIONS, null, Idempotency.IDEMPOTENT);
  }

  /**
   * Retrieves records of one type by id: {@code GET /composite/sobjects/{type}?ids=…&fields=…}.
   * The result lists the records in id order, empty for ids that cannot be read.
   *
   * @param type the sObject type
   * @param ids 1 to 800 ids
   * @param fields at least one field
   * @return the subrequest
   * @throws IllegalArgumentException if there are no fields, or the id count is out of range
   */
  public static Subrequest collectionsRetrieve(String type, List<String> ids, List<String> fields) {
    requireCount(ids.size(), 800, "ids");
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("A collections retrieve needs at least one field");
    }
    List<String> encodedIds = new ArrayList<>();
    ids.forEach(id -> encodedIds.add(URLEncoder.encode(requireText(id, "id"), StandardCharsets.UTF_8)));
    List<String> encodedFields = new ArrayList<>();
    fields.forEach(f -> encodedFields.add(URLEncoder.encode(requireText(f, "field"), StandardCharsets.UTF_8)));
    return of("GET", "/composite/sobjects/" + PathSegments.encode(type) + "?ids=" + String.join(",", encodedIds)
        + "&fields=" + String.join(",", encodedFields), null, Kind.COLLECTIONS, type, Idempotency.IDEMPOTENT);
  }

  /**
   * Any other call under the data API root, for resources the typed factories do not cover.
   * Query and Collections paths are recognised and count against their limit.
   *
   * @param method {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
   * @param path the path under the data root, starting with {@code /}, already percent-encoded
   *     (references may appear as {@code @{…}})
   * @param body the JSON body as a map of JSON-shaped values (references allowed), or null
   * @return the subrequest
   * @throws IllegalArgumentException if the method is not one of those listed or the path does not
   *     start with {@code /}
   */
  public static Subrequest of(String method, String path, Map<String, ?> body) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("Subrequest method must be one of " + METHODS
          + " (case-sensitive), got '" + method + "'");
    }
    if (!path.startsWith("/") || path.startsWith("/services/")) {
      throw new IllegalArgumentException("A subrequest path is relative to the data API root and starts with /,"
          + " as in /sobjects/Account; got '" + path + "'");
    }
    Kind kind = path.startsWith("/query") ? Kind.QUERY
        : path.startsWith("/composite/sobjects") ? Kind.COLLECTIONS
        : path.startsWith("/sobjects/") ? Kind.SOBJECT
        : Kind.OTHER;
    String json = body == null ? null : RecordJson.json(g -> SObjectCodec.writeValue(g, References.resolve(body)));
    return of(method, path, json, kind, null, Idempotency.defaultFor(method));
  }

  /**
   * Returns a copy with an HTTP header added to this subrequest (such as
   * {@code Sforce-Auto-Assign} or {@code If-Match}). Composite and graph requests send it;
   * batch requests cannot carry headers.
   *
   * @param name the header name
   * @param value the value
   * @return the new subrequest
   * @throws IllegalArgumentException for {@code Accept}, {@code Authorization} and
   *     {@code Content-Type}, which Salesforce refuses in subrequests (the whole request would fail
   *     with 400), and for names or values that are not valid header text
   */
  public Subrequest withHttpHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (FORBIDDEN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("Subrequests must not set the " + name
          + " header: Salesforce rejects a composite request whose subrequests carry Accept, Authorization or"
          + " Content-Type; the connection sets them for the whole request");
    }
    if (!HEADER_NAME.matcher(name).matches() || value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
      throw new IllegalArgumentException("Not a valid HTTP header: '" + name + "'");
    }
    Map<String, String> headers = new LinkedHashMap<>(httpHeaders);
    headers.put(name, value);
    return new Subrequest(method, path, body, kind, objectType, idempotency, headers);
  }

  /**
   * Returns the HTTP method.
   *
   * @return such as {@code POST}
   */
  public String method() {
    return method;
  }

  /**
   * Returns the path under the data API root.
   *
   * @return such as {@code /sobjects/Account/@{NewAccount.id}}
   */
  public String path() {
    return path;
  }

  /**
   * Returns the headers added with {@link #withHttpHeader(String, String)}.
   *
   * @return an unmodifiable map in insertion order
   */
  public Map<String, String> httpHeaders() {
    return httpHeaders;
  }

  /**
   * Returns the JSON body as text.
   *
   * @return the body, or an empty string when there is none
   */
  public String bodyJson() {
    return body == null ? "" : body;
  }

  /**
   * Tells whether this subrequest counts against the limit of 5 query, queryAll and Collections
   * subrequests per composite request.
   *
   * @return true for query, queryAll and Collections calls
   */
  public boolean isQueryOrCollections() {
    return kind == Kind.QUERY || kind == Kind.COLLECTIONS;
  }

  /** The body as JSON text, or null. */
  String body() {
    return body;
  }

  Kind kind() {
    return kind;
  }

  String objectType() {
    return objectType;
  }

  Idempotency idempotency() {
    return idempotency;
  }

  /** The referenceIds this subrequest's path and body refer to. */
  List<String> referencedIds() {
    List<String> ids = ReferenceText.referencedIds(path);
    if (body != null) {
      ids.addAll(ReferenceText.referencedIds(body));
    }
    return ids;
  }

  /** Returns the method and path; never the body. */
  @Override
  public String toString() {
    return method + " " + path;
  }

  static String write(SObject record, boolean withType, Set<String> without) {
    SObject resolved = References.resolve(record);
    return RecordJson.json(g -> SObjectCodec.writeRecord(g, resolved, withType, without));
  }

  private static String collectionBody(boolean allOrNone, List<SObject> records, boolean needId) {
    requireCount(records.size(), MAX_COLLECTION_RECORDS, "records");
    List<SObject> resolved = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      SObject r = Objects.requireNonNull(records.get(i), "record " + i);
      requireType(r);
      if (needId && !r.has("Id")) {
        throw new IllegalArgumentException("Record " + i + " (" + r.type() + ") has no Id; an update needs one");
      }
      resolved.add(References.resolve(r));
    }
    return RecordJson.json(g -> {
      g.writeStartObject();
      g.writeBooleanField("allOrNone", allOrNone);
      g.writeArrayFieldStart("records");
      for (SObject r : resolved) {
        SObjectCodec.writeRecord(g, r, true, Set.of());
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static String requireType(SObject record) {
    if (record.type() == null) {
      throw new IllegalArgumentException("The record has no sObject type; build it with SObject.builder(\"Account\")");
    }
    return record.type();
  }

  private static String segmentOf(SObject record, String field, String why) {
    Object value = record.get(field);
    if (value instanceof Reference) {
      return ((Reference) value).expression();
    }
    if (value == null || value.toString().isEmpty()) {
      throw new IllegalArgumentException("The " + record.type() + " record has no " + field + " value: " + why);
    }
    return PathSegments.encode(value.toString());
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A " + what + " must not be null or blank");
    }
    return value;
  }

  private static void requireCount(int count, int max, String what) {
    if (count == 0 || count > max) {
      throw new IllegalArgumentException("A Collections subrequest takes 1 to " + max + " " + what + ", got " + count
          + (count > max ? " (" + (count - max) + " too many); use CollectionsClient, which splits any number" : ""));
    }
  }
}
