package dev.forcelink.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.bulk.internal.Sleeper;
import dev.forcelink.core.ApiVersion;
import dev.forcelink.core.SalesforceConnection;
import dev.forcelink.core.exception.ForcelinkClientException;
import dev.forcelink.core.exception.ResponseDecodeException;
import dev.forcelink.core.http.Idempotency;
import dev.forcelink.core.http.PathSegments;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import dev.forcelink.core.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bulk API 2.0 exchanges, as Salesforce's Bulk API 2.0 guide describes them, over the shared
 * connection: create, upload, close, abort, delete, info, list, and result downloads streamed to
 * files. Also polls a job until it is terminal or a deadline passes. Thread-safe.
 */
final class BulkHttp {
  private static final Logger LOG = LoggerFactory.getLogger("dev.forcelink.bulk");

  final SalesforceConnection connection;
  final BulkClient.Settings settings;

  BulkHttp(SalesforceConnection connection, BulkClient.Settings settings) {
    this.connection = connection;
    this.settings = settings;
  }

  String jobsPath(JobKind kind) {
    return connection.apiVersion().dataPath() + "/jobs/" + kind.segment;
  }

  String jobPath(JobKind kind, String id) {
    return jobsPath(kind) + "/" + PathSegments.encode(id);
  }

  /** Results are read with the job's own API version: another version gets 409. */
  String jobPathForResults(JobKind kind, JobInfo info) {
    ApiVersion version = connection.apiVersion();
    if (info.apiVersion().isPresent()) {
      try {
        version = ApiVersion.parse(info.apiVersion().get());
      } catch (IllegalArgumentException e) {
        // Keep the connection's version.
      }
    }
    return version.dataPath() + "/jobs/" + kind.segment + "/" + PathSegments.encode(info.id());
  }

  JobInfo createIngestJob(IngestRequest r) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("object", r.object());
    body.put("operation", r.operation().wireName());
    r.externalIdFieldName().ifPresent(f -> body.put("externalIdFieldName", f));
    r.assignmentRuleId().ifPresent(a -> body.put("assignmentRuleId", a));
    body.put("contentType", "CSV");
    body.put("columnDelimiter", r.columnDelimiter().wireName());
    body.put("lineEnding", r.lineEnding().wireName());
    SalesforceRequest req = SalesforceRequest.builder().post().path(jobsPath(JobKind.INGEST))
        .body(json(body), "application/json")
        .description("create bulk " + r.operation().wireName() + " job on " + r.object())
        .build();
    return jobInfo(connection.sendForBytes(req));
  }

  JobInfo createQueryJob(QueryRequest r) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("operation", r.operation());
    body.put("query", r.soql());
    body.put("contentType", "CSV");
    body.put("columnDelimiter", r.columnDelimiter().wireName());
    body.put("lineEnding", r.lineEnding().wireName());
    SalesforceRequest req = SalesforceRequest.builder().post().path(jobsPath(JobKind.QUERY))
        .body(json(body), "application/json")
        .description("create bulk " + r.operation() + " job")
        .build();
    return jobInfo(connection.sendForBytes(req));
  }

  /**
   * The job's one upload. NON_IDEMPOTENT: a second PUT into the same job makes Salesforce refuse
   * to close it ("Found multiple contents for job"), so the pipeline must never resend it once its
   * bytes may have reached the server; the caller aborts the job and uses a new one instead.
   */
  void upload(JobInfo job, Path file) {
    String path = job.contentUrl()
        .map(u -> u.startsWith("/") || u.startsWith("http") ? u : "/" + u)
        .orElse(jobPath(JobKind.INGEST, job.id()) + "/batches");
    SalesforceRequest.Builder b = SalesforceRequest.builder().put()
        .body(() -> ofFile(file), "text/csv")
        .idempotency(Idempotency.NON_IDEMPOTENT)
        .timeout(settings.transferTimeout)
        .description("upload data of bulk job " + job.id());
    if (path.startsWith("http")) {
      b.uri(URI.create(path));
    } else {
      b.path(path);
    }
    connection.send(b.build(), BodyHandlers.discarding());
  }

  private static HttpRequest.BodyPublisher ofFile(Path file) {
    try {
      return HttpRequest.BodyPublishers.ofFile(file);
    } catch (IOException e) {
      throw new ForcelinkClientException("The spool file of a bulk job is missing: " + file, e, null, false);
    }
  }

  JobInfo patchState(JobKind kind, String id, String state) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("state", state);
    SalesforceRequest req = SalesforceRequest.builder().patch().path(jobPath(kind, id))
        .body(json(body), "application/json")
        .description("set bulk " + kind.segment + " job " + id + " to " + state)
        .build();
    return jobInfo(connection.sendForBytes(req));
  }

  JobInfo info(JobKind kind, String id) {
    SalesforceRequest req = SalesforceRequest.builder().get().path(jobPath(kind, id))
        .description("get bulk " + kind.segment + " job " + id).build();
    return jobInfo(connection.sendForBytes(req));
  }

  void delete(JobKind kind, String id) {
    SalesforceRequest req = SalesforceRequest.builder().delete().path(jobPath(kind, id))
        .description("delete bulk " + kind.segment + " job " + id).build();
    connection.send(req, BodyHandlers.discarding());
  }

  JobListPage list(JobKind kind, String nextRecordsUrl) {
    SalesforceRequest.Builder b = SalesforceRequest.builder().get()
        .description("list bulk " + kind.segment + " jobs");
    if (nextRecordsUrl == null) {
      b.path(jobsPath(kind));
    } else {
      b.uri(relativeOrAbsolute(nextRecordsUrl));
    }
    JsonNode node = readJson(connection.sendForBytes(b.build()), "job list");
    List<JobInfo> jobs = new ArrayList<>();
    for (JsonNode j : node.path("records")) {
      jobs.add(parseInfo(j));
    }
    JsonNode next = node.get("nextRecordsUrl");
    String nextUrl = next == null || next.isNull() || next.asText().isEmpty() ? null : next.asText();
    return new JobListPage(jobs, nextUrl, node.path("done").asBoolean(nextUrl == null));
  }

  JsonNode getJson(URI target, String what) {
    SalesforceRequest req = SalesforceRequest.builder().get().uri(target).description(what).build();
    return readJson(connection.sendForBytes(req), what);
  }

  /** Downloads a CSV body to a file, truncating it first so a retried attempt never leaves stale bytes. */
  SalesforceResponse<Path> download(URI target, Path file, String what) {
    return connection.send(csvGet(target, what), BodyHandlers.ofFile(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
  }

  CompletableFuture<SalesforceResponse<Path>> downloadAsync(URI target, Path file, String what) {
    return connection.sendAsync(csvGet(target, what), BodyHandlers.ofFile(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
  }

  private SalesforceRequest csvGet(URI target, String what) {
    return SalesforceRequest.builder().get().uri(target).header("Accept", "text/csv")
        .timeout(settings.transferTimeout).description(what).build();
  }

  /**
   * Polls until the job is terminal or the deadline passes, with the configured backoff; returns
   * the last JobInfo either way, so the caller can hand back a handle instead of abandoning the job.
   */
  JobInfo await(JobKind kind, String id, Instant deadline) {
    JobInfo info = info(kind, id);
    int poll = 0;
    while (!info.state().isTerminal()) {
      Duration left = Duration.between(Instant.now(), deadline);
      if (left.isNegative() || left.isZero()) {
        LOG.info("Bulk {} job {} is still {} at the deadline; returning its handle", kind.segment, id,
            info.rawState().orElse("?"));
        return info;
      }
      Duration wait = settings.pollBackoff.delay(poll++);
      sleep(wait.compareTo(left) > 0 ? left : wait);
      info = info(kind, id);
    }
    return info;
  }

  void sleep(Duration d) {
    try {
      settings.sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ForcelinkClientException("Interrupted while waiting for a bulk job", e, null, false);
    }
  }

  static URI relativeOrAbsolute(String url) {
    if (url.startsWith("http://") || url.startsWith("https://") || url.startsWith("/")) {
      return URI.create(url);
    }
    return URI.create("/" + url);
  }

  private JobInfo jobInfo(SalesforceResponse<byte[]> response) {
    JsonNode node = readJson(response, "job info");
    try {
      return parseInfo(node);
    } catch (IllegalArgumentException e) {
      throw new ResponseDecodeException("Bulk job response has no job id: "
          + excerpt(response.body()), e, response.correlationId());
    }
  }

  static JobInfo parseInfo(JsonNode node) {
    return new JobInfo(node);
  }

  private static JsonNode readJson(SalesforceResponse<byte[]> response, String what) {
    try {
      JsonNode node = Json.mapper().readTree(response.body());
      if (node == null || !node.isObject()) {
        throw new ResponseDecodeException("Expected a JSON object for the bulk " + what + ", got: "
            + excerpt(response.body()), null, response.correlationId());
      }
      return node;
    } catch (IOException e) {
      throw new ResponseDecodeException("Malformed JSON in the bulk " + what + ": " + excerpt(response.body()),
          e, response.correlationId());
    }
  }

  private static String excerpt(byte[] body) {
    String s = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static byte[] json(ObjectNode node) {
    try {
      return Json.mapper().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("JSON encoding failed", e);
    }
  }

  Sleeper sleeper() {
    return settings.sleeper;
  }
}
