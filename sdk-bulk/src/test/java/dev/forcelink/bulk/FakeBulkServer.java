package dev.forcelink.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny stateful Bulk API 2.0 ingest server for tests where WireMock's stubs would have to
 * simulate state: jobs, one upload each, processing on close, and the three result sets written in
 * reverse input order (Salesforce does not keep order either). Loopback only; thread-safe.
 */
final class FakeBulkServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "/services/data/v65.0/jobs/ingest";

  /** Decides a row's fate: null to succeed, else the {@code sf__Error} text. */
  volatile Function<Map<String, String>, String> outcome = row -> null;
  /** When set, a job fails after processing this many rows; the rest are unprocessed. */
  volatile int failAfterRows = -1;
  /** How many polls report InProgress before the job completes; negative never completes. */
  volatile int pollsBeforeComplete = 0;

  final List<String> requests = new CopyOnWriteArrayList<>();
  final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger sfIds = new AtomicInteger();
  private final HttpServer server;

  static final class Job {
    final String id;
    final JsonNode spec;
    volatile String state = "Open";
    volatile String errorMessage;
    final AtomicInteger puts = new AtomicInteger();
    final AtomicInteger polls = new AtomicInteger();
    volatile byte[] upload;
    volatile String successful = "";
    volatile String failed = "";
    volatile String unprocessed = "";
    volatile int processed;
    volatile int failedCount;

    Job(String id, JsonNode spec) {
      this.id = id;
      this.spec = spec;
    }
  }

  FakeBulkServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "fake-bulk");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Job> jobsInOrder() {
    List<Job> out = new ArrayList<>(jobs.values());
    out.sort((a, b) -> a.id.compareTo(b.id));
    return out;
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      byte[] body = ex.getRequestBody().readAllBytes();
      requests.add(method + " " + path);
      if (!path.startsWith(BASE)) {
        send(ex, 404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"no\"}]");
        return;
      }
      String rest = path.substring(BASE.length());
      if (rest.isEmpty() && method.equals("POST")) {
        String id = String.format("750%015d", ids.incrementAndGet());
        Job job = new Job(id, JSON.readTree(body));
        jobs.put(id, job);
        send(ex, 200, info(job));
        return;
      }
      String[] parts = rest.substring(1).split("/");
      Job job = jobs.get(parts[0]);
      if (job == null) {
        send(ex, 404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]");
        return;
      }
      if (parts.length == 2 && parts[1].equals("batches") && method.equals("PUT")) {
        job.puts.incrementAndGet();
        job.upload = body;
        send(ex, 201, null);
        return;
      }
      if (parts.length == 1 && method.equals("PATCH")) {
        String state = JSON.readTree(body).path("state").asText();
        if (state.equals("UploadComplete")) {
          if (job.puts.get() != 1) {
            send(ex, 400, "[{\"errorCode\":\"INVALIDJOB\",\"message\":\"Found multipe contents for job\"}]");
            return;
          }
          job.state = "UploadComplete";
          process(job);
        } else {
          job.state = state;
        }
        send(ex, 200, info(job));
        return;
      }
      if (parts.length == 1 && method.equals("GET")) {
        if (job.state.equals("UploadComplete") || job.state.equals("InProgress")) {
          int n = job.polls.incrementAndGet();
          int need = pollsBeforeComplete;
          if (need < 0 || n <= need) {
            job.state = "InProgress";
          } else {
            job.state = failAfterRows >= 0 ? "Failed" : "JobComplete";
          }
        }
        send(ex, 200, info(job));
        return;
      }
      if (parts.length == 1 && method.equals("DELETE")) {
        jobs.remove(job.id);
        send(ex, 204, null);
        return;
      }
      if (parts.length == 2 && method.equals("GET")) {
        switch (parts[1]) {
          case "successfulResults":
            send(ex, 200, job.successful, "text/csv");
            return;
          case "failedResults":
            send(ex, 200, job.failed, "text/csv");
            return;
          case "unprocessedrecords":
            send(ex, 200, job.unprocessed, "text/csv");
            return;
          default:
            break;
        }
      }
      send(ex, 404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"no route\"}]");
    } catch (RuntimeException e) {
      send(ex, 500, "[{\"errorCode\":\"UNKNOWN_EXCEPTION\",\"message\":\"" + e + "\"}]");
    }
  }

  private void process(Job job) throws IOException {
    char delimiter = delimiterOf(job.spec.path("columnDelimiter").asText("COMMA"));
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader<CsvRecord> r = CsvReader.builder().fieldSeparator(delimiter)
        .ofCsvRecord(new String(job.upload, StandardCharsets.UTF_8))) {
      for (CsvRecord rec : r) {
        rows.add(rec.getFields());
      }
    }
    List<String> header = rows.remove(0);
    StringWriter ok = new StringWriter();
    StringWriter bad = new StringWriter();
    StringWriter left = new StringWriter();
    // Results come back in the job's own dialect.
    try (CsvWriter okW = CsvWriter.builder().fieldSeparator(delimiter).build(ok);
         CsvWriter badW = CsvWriter.builder().fieldSeparator(delimiter).build(bad);
         CsvWriter leftW = CsvWriter.builder().fieldSeparator(delimiter).build(left)) {
      okW.writeRecord(concat(List.of("sf__Id", "sf__Created"), header));
      badW.writeRecord(concat(List.of("sf__Id", "sf__Error"), header));
      leftW.writeRecord(header);
      List<List<String>> reversed = new ArrayList<>(rows);
      Collections.reverse(reversed);
      int limit = failAfterRows;
      for (int i = 0; i < reversed.size(); i++) {
        List<String> row = reversed.get(i);
        int inputPosition = rows.size() - 1 - i;
        if (limit >= 0 && inputPosition >= limit) {
          leftW.writeRecord(row);
          continue;
        }
        Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
          byName.put(header.get(c), row.get(c));
        }
        String error = outcome.apply(byName);
        job.processed++;
        if (error == null) {
          okW.writeRecord(concat(List.of(String.format("001%015d", sfIds.incrementAndGet()), "true"), row));
        } else {
          job.failedCount++;
          badW.writeRecord(concat(List.of("", error), row));
        }
      }
    }
    if (failAfterRows >= 0) {
      job.errorMessage = "InvalidBatch : Failed to process query: too many retries";
    }
    job.successful = ok.toString();
    job.failed = bad.toString();
    job.unprocessed = left.toString();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static char delimiterOf(String name) {
    return ColumnDelimiter.valueOf(name).character();
  }

  private String info(Job job) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", job.id);
    n.put("operation", job.spec.path("operation").asText());
    n.put("object", job.spec.path("object").asText());
    n.put("state", job.state);
    n.put("apiVersion", 65.0);
    n.put("contentUrl", "services/data/v65.0/jobs/ingest/" + job.id + "/batches");
    n.put("columnDelimiter", job.spec.path("columnDelimiter").asText("COMMA"));
    n.put("lineEnding", job.spec.path("lineEnding").asText("LF"));
    n.put("numberRecordsProcessed", job.processed);
    n.put("numberRecordsFailed", job.failedCount);
    if (job.errorMessage != null && job.state.equals("Failed")) {
      n.put("errorMessage", job.errorMessage);
    }
    return n.toString();
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    send(ex, status, body, "application/json");
  }

  private static void send(HttpExchange ex, int status, String body, String type) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      ex.getResponseHeaders().set("Content-Type", type);
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
