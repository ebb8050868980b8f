package dev.forcelink.rest.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.exception.SalesforceServiceException;
import dev.forcelink.core.http.Idempotency;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import dev.forcelink.rest.internal.composite.BoundedRunner;
import dev.forcelink.rest.internal.composite.Calls;
import dev.forcelink.rest.internal.composite.Wire;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Composite API requests on a {@link SalesforceConnection}: {@code /composite}
 * ({@link #execute(CompositeRequest)}), {@code /composite/batch} ({@link #batch(BatchRequest)}),
 * {@code /composite/tree} ({@link #tree(TreeRequest)}) and {@code /composite/graph}
 * ({@link #graph(GraphRequest)}). Each call counts as one API request; a batch of more than 25
 * subrequests takes one call per group of 25. Requests are validated against Salesforce's limits
 * when they are built, so nothing oversized is ever sent.
 *
 * <p>Retries follow the connection's policy. A request that contains a create (a plain POST) is
 * not resent after its bytes may have reached the server; requests made only of reads, updates,
 * deletes and upserts by external id are.
 *
 * <p>Every method has a synchronous form (which uses {@code HttpClient.send} on the caller's
 * thread) and an {@code …Async} form (which uses {@code sendAsync} and blocks no thread).
 *
 * <p>Immutable and thread-safe. The client owns nothing: closing the connection ends it.
 */
public final class CompositeClient {
  private static final Logger LOG = LoggerFactory.getLogger(CompositeClient.class);
  private static final String JSON = "application/json";

  private final SalesforceConnection connection;

  CompositeClient(SalesforceConnection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  /**
   * Creates a client on a connection.
   *
   * @param connection the connection; its API version decides the paths
   * @return the client
   */
  public static CompositeClient create(SalesforceConnection connection) {
    return new CompositeClient(connection);
  }

  /**
   * Sends a composite request and returns every subrequest's result. Salesforce answers
   * {@code 200} even when subrequests fail: check {@link CompositeResult#allSucceeded()}.
   *
   * @param request the request
   * @return the results in request order
   * @throws dev.forcelink.core.exception.SalesforceServiceException if the whole request is refused
   *     (such as {@code 400} for a malformed subrequest)
   * @throws dev.forcelink.core.exception.ForcelinkClientException on an I/O failure, a timeout or a
   *     response that cannot be read
   */
  public CompositeResult execute(CompositeRequest request) {
    return Calls.join(execute(request, false));
  }

  /**
   * Like {@link #execute(CompositeRequest)}, without blocking.
   *
   * @param request the request
   * @return a future of the results, failing with the exceptions {@link #execute} throws
   */
  public CompletableFuture<CompositeResult> executeAsync(CompositeRequest request) {
    return execute(request, true);
  }

  private CompletableFuture<CompositeResult> execute(CompositeRequest request, boolean async) {
    Objects.requireNonNull(request, "request");
    String what = "composite request (" + request.subrequests().size() + " subrequests)";
    SalesforceRequest http = post("/composite", request.toJson(connection.apiVersion()), request.idempotency(), what);
    return Calls.send(connection, http, async).thenApply(response -> {
      JsonNode root = Wire.tree(response, what);
      JsonNode items = root.path("compositeResponse");
      if (!items.isArray()) {
        throw Wire.badShape(response, what, "no compositeResponse array");
      }
      return new CompositeResult(subResults(request.subrequests(), items), response.correlationId());
    });
  }

  static List<SubResult> subResults(Map<String, Subrequest> subrequests, JsonNode items) {
    Map<String, JsonNode> byReference = new HashMap<>();
    for (JsonNode item : items) {
      byReference.put(item.path("referenceId").asText(), item);
    }
    List<SubResult> out = new ArrayList<>();
    int index = 0;
    for (String referenceId : subrequests.keySet()) {
      JsonNode item = byReference.get(referenceId);
      out.add(item == null ? SubResult.notAttempted(index, referenceId)
          : SubResult.of(index, referenceId, item.path("httpStatusCode").asInt(), headers(item.get("httpHeaders")),
              item.get("body")));
      index++;
    }
    return out;
  }

  /**
   * Sends a batch: its subrequests in groups of 25, one call per group, in order. With
   * {@code haltOnError}, no group is sent after one that had a failure, and the subrequests of
   * the groups not sent are reported {@link SubResult.Outcome#NOT_ATTEMPTED}.
   *
   * @param request the request
   * @return the results in input order
   * @throws dev.forcelink.core.exception.SalesforceServiceException if a group is refused as a whole
   *     (such as {@code 400} for a malformed subrequest); earlier groups have then run
   * @throws dev.forcelink.core.exception.ForcelinkClientException on an I/O failure, a timeout or a
   *     response that cannot be read
   */
  public BatchResult batch(BatchRequest request) {
    return Calls.join(batch(request, false));
  }

  /**
   * Like {@link #batch(BatchRequest)}, without blocking.
   *
   * @param request the request
   * @return a future of the results, failing with the exceptions {@link #batch} throws
   */
  public CompletableFuture<BatchResult> batchAsync(BatchRequest request) {
    return batch(request, true);
  }

  private CompletableFuture<BatchResult> batch(BatchRequest request, boolean async) {
    Objects.requireNonNull(request, "request");
    List<Subrequest> all = request.subrequests();
    int groups = (all.size() + Limits.BATCH_SUBREQUESTS - 1) / Limits.BATCH_SUBREQUESTS;
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    return BoundedRunner.<List<SubResult>>run(groups, 1, g -> {
      int from = g * Limits.BATCH_SUBREQUESTS;
      int to = Math.min(all.size(), from + Limits.BATCH_SUBREQUESTS);
      String what = "composite batch (group " + (g + 1) + " of " + groups + ", " + (to - from) + " subrequests)";
      SalesforceRequest http = post("/composite/batch", request.groupJson(connection.apiVersion(), from, to),
          CompositeRequest.idempotencyOf(all.subList(from, to)), what);
      calls.incrementAndGet();
      return Calls.send(connection, http, async).thenApply(response -> batchGroup(response, what, from, to));
    }, group -> request.haltOnError() && group.stream().anyMatch(r -> !r.isSuccess()), g -> {
      List<SubResult> skipped = new ArrayList<>();
      int from = g * Limits.BATCH_SUBREQUESTS;
      for (int i = from; i < Math.min(all.size(), from + Limits.BATCH_SUBREQUESTS); i++) {
        skipped.add(SubResult.notAttempted(i, null));
      }
      return skipped;
    }).thenApply(perGroup -> {
      List<SubResult> results = new ArrayList<>();
      perGroup.forEach(results::addAll);
      if (calls.get() < groups) {
        LOG.debug("Batch stopped after group {} of {} failed with haltOnError; {} subrequests not sent", calls.get(),
            groups, all.size() - calls.get() * Limits.BATCH_SUBREQUESTS);
      }
      return new BatchResult(results, calls.get());
    });
  }

  private static List<SubResult> batchGroup(SalesforceResponse<byte[]> response, String what, int from, int to) {
    JsonNode root = Wire.tree(response, what);
    JsonNode items = root.path("results");
    if (!items.isArray() || items.size() != to - from) {
      throw Wire.badShape(response, what, "expected a results array of " + (to - from) + " entries");
    }
    List<SubResult> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      out.add(SubResult.of(from + i, null, item.path("statusCode").asInt(), Map.of(), item.get("result")));
    }
    return out;
  }

  /**
   * Creates record trees in one transaction. A failure ({@code 400} with per-record errors) is
   * returned as a failed {@link TreeResult}, not thrown: nothing was created.
   *
   * @param request the request
   * @return the new ids by referenceId, or the errors by referenceId
   * @throws dev.forcelink.core.exception.SalesforceServiceException if the request is refused for
   *     another reason, or its error body was too long to keep in full (the exception's excerpt
   *     then starts the per-record errors)
   * @throws dev.forcelink.core.exception.ForcelinkClientException on an I/O failure, a timeout or a
   *     response that cannot be read
   */
  public TreeResult tree(TreeRequest request) {
    return Calls.join(tree(request, false));
  }

  /**
   * Like {@link #tree(TreeRequest)}, without blocking.
   *
   * @param request the request
   * @return a future of the result, failing with the exceptions {@link #tree} throws
   */
  public CompletableFuture<TreeResult> treeAsync(TreeRequest request) {
    return tree(request, true);
  }

  private CompletableFuture<TreeResult> tree(TreeRequest request, boolean async) {
    Objects.requireNonNull(request, "request");
    String what = "composite tree of " + request.objectType();
    SalesforceRequest http = post("/composite/tree/" + dev.forcelink.core.http.PathSegments.encode(request.objectType()),
        request.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8), Idempotency.NON_IDEMPOTENT, what);
    return Calls.send(connection, http, async).handle((response, error) -> {
      if (error != null) {
        return treeFailure(Calls.unwrap(error));
      }
      return treeResult(Wire.tree(response, what));
    });
  }

  private static TreeResult treeResult(JsonNode root) {
    Map<String, String> ids = new LinkedHashMap<>();
    Map<String, List<dev.forcelink.core.exception.SalesforceError>> errors = new LinkedHashMap<>();
    for (JsonNode item : root.path("results")) {
      String referenceId = item.path("referenceId").asText();
      if (item.has("errors") && !item.path("errors").isEmpty()) {
        errors.put(referenceId, Wire.errors(item.get("errors")));
      } else if (item.hasNonNull("id")) {
        ids.put(referenceId, item.get("id").asText());
      }
    }
    boolean failed = root.path("hasErrors").asBoolean(false) || !errors.isEmpty();
    return new TreeResult(!failed, failed ? Map.of() : ids, errors);
  }

  /**
   * Turns a 400 whose body is the tree's per-record error list into a failed result. The
   * exception keeps up to 64 KiB of the body; a list longer than that is rethrown as the
   * exception.
   */
  private static TreeResult treeFailure(RuntimeException error) {
    if (error instanceof SalesforceServiceException && ((SalesforceServiceException) error).statusCode() == 400) {
      String body = ((SalesforceServiceException) error).responseBody();
      if (body.contains("\"hasErrors\"")) {
        try {
          JsonNode root = Wire.tree(body);
          if (root != null && root.has("results")) {
            return treeResult(root);
          }
        } catch (Exception truncated) {
          LOG.debug("Tree failure body was cut short; reporting the exception instead");
        }
      }
    }
    throw error;
  }

  /**
   * Sends graphs. Each graph commits or rolls back on its own, so the result can be a partial
   * success: check {@link GraphResult#allSuccessful()} and {@link GraphResult#failedGraphs()}.
   *
   * @param request the request
   * @return each graph's outcome in request order
   * @throws dev.forcelink.core.exception.SalesforceServiceException if the whole request is refused
   * @throws dev.forcelink.core.exception.ForcelinkClientException on an I/O failure, a timeout or a
   *     response that cannot be read
   * @throws IllegalStateException if the connection's API version is below v50.0
   */
  public GraphResult graph(GraphRequest request) {
    return Calls.join(graph(request, false));
  }

  /**
   * Like {@link #graph(GraphRequest)}, without blocking.
   *
   * @param request the request
   * @return a future of the result, failing with the exceptions {@link #graph} throws
   * @throws IllegalStateException if the connection's API version is below v50.0
   */
  public CompletableFuture<GraphResult> graphAsync(GraphRequest request) {
    return graph(request, true);
  }

  private CompletableFuture<GraphResult> graph(GraphRequest request, boolean async) {
    Objects.requireNonNull(request, "request");
    if (connection.apiVersion().major() < 50) {
      throw new IllegalStateException("Composite graphs need API v50.0 or later; the connection uses "
          + connection.apiVersion());
    }
    String what = "composite graph (" + request.graphs().size() + " graphs)";
    SalesforceRequest http = post("/composite/graph", request.toJson(connection.apiVersion()), request.idempotency(),
        what);
    return Calls.send(connection, http, async).thenApply(response -> {
      JsonNode root = Wire.tree(response, what);
      Map<String, JsonNode> byId = new HashMap<>();
      root.path("graphs").forEach(g -> byId.put(g.path("graphId").asText(), g));
      List<GraphOutcome> outcomes = new ArrayList<>();
      for (Graph graph : request.graphs()) {
        JsonNode g = byId.get(graph.graphId());
        if (g == null) {
          throw Wire.badShape(response, what, "no result for graph '" + graph.graphId() + "'");
        }
        JsonNode items = g.path("graphResponse").path("compositeResponse");
        outcomes.add(new GraphOutcome(graph.graphId(), g.path("isSuccessful").asBoolean(false),
            subResults(graph.nodes(), items)));
      }
      return new GraphResult(outcomes);
    });
  }

  private SalesforceRequest post(String resource, ObjectNode body, Idempotency idempotency, String what) {
    return post(resource, Wire.bytes(body), idempotency, what);
  }

  private SalesforceRequest post(String resource, byte[] body, Idempotency idempotency, String what) {
    return SalesforceRequest.builder()
        .post()
        .path(connection.apiVersion().dataPath() + resource)
        .body(body, JSON)
        .idempotency(idempotency)
        .description(what)
        .build();
  }

  private static Map<String, String> headers(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  @Override
  public String toString() {
    return "CompositeClient{apiVersion=" + connection.apiVersion() + "}";
  }
}
