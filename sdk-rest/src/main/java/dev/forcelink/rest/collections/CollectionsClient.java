package dev.forcelink.rest.collections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.http.Idempotency;
import dev.forcelink.core.http.PathSegments;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.internal.composite.BoundedRunner;
import dev.forcelink.rest.internal.composite.Calls;
import dev.forcelink.rest.internal.composite.RecordJson;
import dev.forcelink.rest.internal.composite.Wire;
import dev.forcelink.rest.internal.json.SObjectCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * sObject Collections ({@code /composite/sobjects}, API v42.0+) for inputs of any size: create,
 * update, upsert by external id, delete and retrieve. Writes are split into requests of at most
 * 200 records (so N records cost {@code ceil(N/200)} API calls), sent one at a time or with bounded
 * concurrency ({@link CollectionOptions.Builder#concurrency(int)}), and answered with one
 * {@link RecordResult} per input record in input order. Failed records never make the call throw:
 * they are reported in the {@link CollectionResult}, together with requests that failed as a whole.
 * See {@link CollectionOptions} for what {@code allOrNone} means across several requests.
 *
 * <p>Retries at the HTTP level follow the connection's policy: a create (plain POST) is not resent
 * after its bytes may have reached the server; updates, deletes and upserts by external id are.
 * Records that failed with {@code UNABLE_TO_LOCK_ROW} are re-sent only when
 * {@link CollectionOptions.Builder#retryLockedRecords(LockRetry)} asks for it.
 *
 * <p>Synchronous methods with concurrency 1 send on the caller's thread with
 * {@code HttpClient.send}; with a higher concurrency they send with {@code sendAsync} and the
 * caller's thread waits for the last response. {@code …Async} methods never block a thread.
 *
 * <p>Immutable and thread-safe. The client owns nothing: closing the connection ends it.
 */
public final class CollectionsClient {
  /** Above this many ids, or a longer URL, a retrieve uses the POST form. */
  static final int MAX_GET_IDS = 800;
  /** Salesforce answers 414 above 16,384 bytes of URI; leave room for the host. */
  static final int MAX_GET_URL = 16_000;
  /** The most ids one POST retrieve takes. */
  static final int MAX_POST_IDS = 2000;
  private static final String JSON = "application/json";
  private static final String COLLECTIONS = "/composite/sobjects";

  private final SalesforceConnection connection;

  CollectionsClient(SalesforceConnection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  /**
   * Creates a client on a connection.
   *
   * @param connection the connection; its API version decides the paths
   * @return the client
   */
  public static CollectionsClient create(SalesforceConnection connection) {
    return new CollectionsClient(connection);
  }

  /**
   * Creates records of any types, with the default options.
   *
   * @param records the records, each with its type and without an {@code Id}
   * @return one result per record, in input order
   * @throws IllegalArgumentException if a record has no type (nothing is sent)
   * @throws IllegalStateException if the connection is closed
   */
  public CollectionResult create(List<SObject> records) {
    return create(records, CollectionOptions.defaults());
  }

  /**
   * Creates records of any types: {@code POST /composite/sobjects}, 200 records per request.
   * Not idempotent: a request whose connection drops is not resent, and its records are
   * {@link RecordStatus#UNKNOWN}.
   *
   * @param records the records, each with its type
   * @param options how to send them
   * @return one result per record, in input order
   * @throws IllegalArgumentException if a record has no type (nothing is sent)
   * @throws IllegalStateException if the connection is closed
   */
  public CollectionResult create(List<SObject> records, CollectionOptions options) {
    return Calls.join(write("create", records, options, false));
  }

  /**
   * Like {@link #create(List, CollectionOptions)}, without blocking.
   *
   * @param records the records
   * @param options how to send them
   * @return a future of the results
   * @throws IllegalArgumentException if a record has no type (nothing is sent)
   */
  public CompletableFuture<CollectionResult> createAsync(List<SObject> records, CollectionOptions options) {
    return write("create", records, options, true);
  }

  /**
   * Updates records of any types, with the default options.
   *
   * @param records the records, each with its {@code Id}
   * @return one result per record, in input order
   * @throws IllegalArgumentException if a record has no type or no {@code Id} (nothing is sent)
   */
  public CollectionResult update(List<SObject> records) {
    return update(records, CollectionOptions.defaults());
  }

  /**
   * Updates records of any types: {@code PATCH /composite/sobjects}, 200 records per request.
   *
   * @param records the records, each with its {@code Id} and the fields to change
   * @param options how to send them
   * @return one result per record, in input order
   * @throws IllegalArgumentException if a record has no type or no {@code Id} (nothing is sent)
   */
  public CollectionResult update(List<SObject> records, CollectionOptions options) {
    return Calls.join(write("update", records, options, false));
  }

  /**
   * Like {@link #update(List, CollectionOptions)}, without blocking.
   *
   * @param records the records
   * @param options how to send them
   * @return a future of the results
   * @throws IllegalArgumentException if a record has no type or no {@code Id} (nothing is sent)
   */
  public CompletableFuture<CollectionResult> updateAsync(List<SObject> records, CollectionOptions options) {
    return write("update", records, options, true);
  }

  /**
   * Upserts records of one type by an external id field, with the default options.
   *
   * @param type the sObject type of every record
   * @param externalIdField the external id field, set on every record
   * @param records the records
   * @return one result per record, in input order, with {@link RecordResult#created()}
   * @throws IllegalArgumentException if a record has another type or no external id value
   */
  public CollectionResult upsert(String type, String externalIdField, List<SObject> records) {
    return upsert(type, externalIdField, records, CollectionOptions.defaults());
  }

  /**
   * Upserts records of one type by an external id field:
   * {@code PATCH /composite/sobjects/{type}/{field}} (API v46.0+), 200 records per request.
   * Protected against duplicates by the external id, so resent after a dropped connection.
   *
   * @param type the sObject type of every record
   * @param externalIdField the external id field, set on every record
   * @param records the records
   * @param options how to send them
   * @return one result per record, in input order, with {@link RecordResult#created()}
   * @throws IllegalArgumentException if a record has another type or no external id value
   */
  public CollectionResult upsert(String type, String externalIdField, List<SObject> records,
      CollectionOptions options) {
    return Calls.join(upsert(type, externalIdField, records, options, false));
  }

  /**
   * Like {@link #upsert(String, String, List, CollectionOptions)}, without blocking.
   *
   * @param type the sObject type
   * @param externalIdField the external id field
   * @param records the records
   * @param options how to send them
   * @return a future of the results
   * @throws IllegalArgumentException if a record has another type or no external id value
   */
  public CompletableFuture<CollectionResult> upsertAsync(String type, String externalIdField, List<SObject> records,
      CollectionOptions options) {
    return upsert(type, externalIdField, records, options, true);
  }

  /**
   * Deletes records by id, with the default options.
   *
   * @param ids the record ids
   * @return one result per id, in input order
   * @throws IllegalArgumentException if an id is blank
   */
  public CollectionResult delete(List<String> ids) {
    return delete(ids, CollectionOptions.defaults());
  }

  /**
   * Deletes records by id: {@code DELETE /composite/sobjects?ids=…}, 200 ids per request.
   *
   * @param ids the record ids
   * @param options how to send them
   * @return one result per id, in input order
   * @throws IllegalArgumentException if an id is blank
   */
  public CollectionResult delete(List<String> ids, CollectionOptions options) {
    return Calls.join(delete(ids, options, false));
  }

  /**
   * Like {@link #delete(List, CollectionOptions)}, without blocking.
   *
   * @param ids the record ids
   * @param options how to send them
   * @return a future of the results
   * @throws IllegalArgumentException if an id is blank
   */
  public CompletableFuture<CollectionResult> deleteAsync(List<String> ids, CollectionOptions options) {
    return delete(ids, options, true);
  }

  /**
   * Retrieves records of one type by id, with the default options.
   *
   * @param type the sObject type
   * @param ids the ids
   * @param fields the fields to return, at least one
   * @return one entry per id, in input order; empty where the record cannot be read
   * @throws IllegalArgumentException if there are no fields
   * @throws dev.forcelink.core.exception.ForcelinkException if a request fails (reads have nothing
   *     to undo, so the first failure is thrown)
   */
  public List<Optional<SObject>> retrieve(String type, List<String> ids, List<String> fields) {
    return retrieve(type, ids, fields, CollectionOptions.defaults());
  }

  /**
   * Retrieves records of one type by id: {@code GET /composite/sobjects/{type}?ids=…&fields=…}
   * for up to 800 ids and a URL under 16 KB, otherwise the POST form with up to 2000 ids per
   * request. Only {@link CollectionOptions#concurrency()} applies.
   *
   * @param type the sObject type
   * @param ids the ids
   * @param fields the fields to return, at least one
   * @param options how to send the requests
   * @return one entry per id, in input order; empty where the record cannot be read
   * @throws IllegalArgumentException if there are no fields
   * @throws dev.forcelink.core.exception.ForcelinkException if a request fails
   */
  public List<Optional<SObject>> retrieve(String type, List<String> ids, List<String> fields,
      CollectionOptions options) {
    return Calls.join(retrieve(type, ids, fields, options, false));
  }

  /**
   * Like {@link #retrieve(String, List, List, CollectionOptions)}, without blocking.
   *
   * @param type the sObject type
   * @param ids the ids
   * @param fields the fields to return
   * @param options how to send the requests
   * @return a future of the records
   * @throws IllegalArgumentException if there are no fields
   */
  public CompletableFuture<List<Optional<SObject>>> retrieveAsync(String type, List<String> ids, List<String> fields,
      CollectionOptions options) {
    return retrieve(type, ids, fields, options, true);
  }

  private CompletableFuture<CollectionResult> write(String operation, List<SObject> records,
      CollectionOptions options, boolean async) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(options, "options");
    boolean update = operation.equals("update");
    for (int i = 0; i < records.size(); i++) {
      SObject r = Objects.requireNonNull(records.get(i), "record " + i);
      if (r.type() == null) {
        throw new IllegalArgumentException("Record " + i + " has no sObject type; Collections need attributes.type."
            + " Nothing was sent");
      }
      if (update && !(r.get("Id") instanceof String)) {
        throw new IllegalArgumentException("Record " + i + " (" + r.type() + ") has no Id; an update needs one."
            + " Nothing was sent");
      }
    }
    String method = update ? "PATCH" : "POST";
    Idempotency idempotency = update ? Idempotency.IDEMPOTENT : Idempotency.NON_IDEMPOTENT;
    return run(operation + " " + records.size() + " records", records.size(), options, async,
        chunk -> request(method, COLLECTIONS, body(records, chunk, options.allOrNone()), idempotency,
            operation + " " + chunk.size() + " records"));
  }

  private CompletableFuture<CollectionResult> upsert(String type, String externalIdField, List<SObject> records,
      CollectionOptions options, boolean async) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(externalIdField, "externalIdField");
    Objects.requireNonNull(options, "options");
    for (int i = 0; i < records.size(); i++) {
      SObject r = Objects.requireNonNull(records.get(i), "record " + i);
      if (!type.equals(r.type())) {
        throw new IllegalArgumentException("Record " + i + " is a " + r.type() + "; a Collections upsert takes "
            + type + " records only. Nothing was sent");
      }
      if (r.get(externalIdField) == null) {
        throw new IllegalArgumentException("Record " + i + " has no " + externalIdField + " value to match on."
            + " Nothing was sent");
      }
    }
    String path = COLLECTIONS + PathSegments.join(type, externalIdField);
    return run("upsert " + records.size() + " " + type + " records", records.size(), options, async,
        chunk -> request("PATCH", path, body(records, chunk, options.allOrNone()), Idempotency.PROTECTED,
            "upsert " + chunk.size() + " " + type + " records by " + externalIdField));
  }

  private CompletableFuture<CollectionResult> delete(List<String> ids, CollectionOptions options, boolean async) {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(options, "options");
    requireIds(ids);
    return run("delete " + ids.size() + " records", ids.size(), options, async, chunk -> {
      List<String> part = new ArrayList<>();
      chunk.forEach(i -> part.add(ids.get(i)));
      return SalesforceRequest.builder()
          .delete()
          .path(connection.apiVersion().dataPath() + COLLECTIONS)
          .queryParam("ids", String.join(",", part))
          .queryParam("allOrNone", String.valueOf(options.allOrNone()))
          .idempotency(Idempotency.IDEMPOTENT)
          .description("delete " + part.size() + " records")
          .build();
    });
  }

  private CompletableFuture<CollectionResult> run(String what, int size, CollectionOptions options, boolean async,
      Function<List<Integer>, SalesforceRequest> requests) {
    if (size == 0) {
      return CompletableFuture.completedFuture(new CollectionResult(List.of(), 0, List.of()));
    }
    boolean sendAsync = async || options.concurrency() > 1;
    return new CollectionRun(connection, requests, what, size, options, sendAsync).run();
  }

  private CompletableFuture<List<Optional<SObject>>> retrieve(String type, List<String> ids, List<String> fields,
      CollectionOptions options, boolean async) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(options, "options");
    requireIds(ids);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("A Collections retrieve needs at least one field");
    }
    if (ids.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    List<List<String>> chunks = CollectionRun.partition(ids, MAX_POST_IDS);
    boolean sendAsync = async || options.concurrency() > 1;
    return BoundedRunner.<List<Optional<SObject>>>run(chunks.size(), options.concurrency(), c -> {
      SalesforceRequest request = retrieveRequest(type, chunks.get(c), fields);
      return Calls.send(connection, request, sendAsync).thenApply(response -> {
        JsonNode items = Wire.tree(response, request.description());
        if (!items.isArray() || items.size() != chunks.get(c).size()) {
          throw Wire.badShape(response, request.description(), "expected an array of " + chunks.get(c).size()
              + " records or nulls");
        }
        List<Optional<SObject>> out = new ArrayList<>();
        items.forEach(item -> out.add(item.isObject() ? Optional.of(RecordJson.read(item)) : Optional.empty()));
        return out;
      });
    }, part -> false, c -> List.of()).thenApply(parts -> {
      List<Optional<SObject>> all = new ArrayList<>(ids.size());
      parts.forEach(all::addAll);
      return List.copyOf(all);
    });
  }

  SalesforceRequest retrieveRequest(String type, List<String> ids, List<String> fields) {
    String path = connection.apiVersion().dataPath() + COLLECTIONS + PathSegments.join(type);
    String description = "retrieve " + ids.size() + " " + type + " records";
    SalesforceRequest get = SalesforceRequest.builder()
        .get()
        .path(path)
        .queryParam("ids", String.join(",", ids))
        .queryParam("fields", String.join(",", fields))
        .description(description)
        .build();
    if (ids.size() <= MAX_GET_IDS && path.length() + get.encodedQuery().length() + 1 <= MAX_GET_URL) {
      return get;
    }
    String body = RecordJson.json(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("ids");
      for (String id : ids) {
        g.writeString(id);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("fields");
      for (String f : fields) {
        g.writeString(f);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
    // A read, even though it is a POST: safe to resend.
    return request("POST", path.substring(connection.apiVersion().dataPath().length()), body, Idempotency.IDEMPOTENT,
        description);
  }

  private SalesforceRequest request(String method, String path, String body, Idempotency idempotency,
      String description) {
    return SalesforceRequest.builder()
        .method(method)
        .path(connection.apiVersion().dataPath() + path)
        .body(body.getBytes(StandardCharsets.UTF_8), JSON)
        .idempotency(idempotency)
        .description(description)
        .build();
  }

  private static String body(List<SObject> records, List<Integer> chunk, boolean allOrNone) {
    return RecordJson.json(g -> {
      g.writeStartObject();
      g.writeBooleanField("allOrNone", allOrNone);
      g.writeArrayFieldStart("records");
      for (int i : chunk) {
        SObjectCodec.writeRecord(g, records.get(i), true, Set.of());
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static void requireIds(List<String> ids) {
    Objects.requireNonNull(ids, "ids");
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i) == null || ids.get(i).isBlank()) {
        throw new IllegalArgumentException("Id " + i + " is null or blank. Nothing was sent");
      }
    }
  }

  @Override
  public String toString() {
    return "CollectionsClient{apiVersion=" + connection.apiVersion() + "}";
  }
}
