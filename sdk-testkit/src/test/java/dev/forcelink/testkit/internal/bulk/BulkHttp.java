package dev.forcelink.testkit.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forcelink.testkit.SalesforceEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/** Bulk API calls with plain java.net.http, so the tests depend on no client module. */
final class BulkHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    BulkHttp(SalesforceEmulator emulator, String version) {
        this.baseUrl = emulator.instanceUrl() + "/services/data/v" + version;
        this.token = emulator.issueAccessToken();
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> put(String path, String csv) {
        return send(request(path).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** GET of a URL path that already includes /services/data/vXX.X. */
    HttpResponse<String> getAbsolute(String servicesPath, String instanceUrl) {
        return send(HttpRequest.newBuilder(URI.create(instanceUrl + servicesPath)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an ingest job and returns its id. */
    String createIngest(String body) {
        HttpResponse<String> response = post("/jobs/ingest", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("id").asText();
    }

    /** Creates, uploads, closes and waits for an ingest job; returns its final JobInfo. */
    JsonNode runIngest(String body, String csv) {
        String id = createIngest(body);
        assertThat(put("/jobs/ingest/" + id + "/batches", csv).statusCode()).isEqualTo(201);
        HttpResponse<String> close = patch("/jobs/ingest/" + id, "{\"state\":\"UploadComplete\"}");
        assertThat(close.statusCode()).as(close.body()).isEqualTo(200);
        return awaitState("/jobs/ingest/" + id, "JobComplete", "Failed", "Aborted");
    }

    /** Creates a query job, waits for it to end and returns its id. */
    String runQuery(String soql, String extraFields) {
        HttpResponse<String> created = post("/jobs/query", "{\"operation\":\"query\",\"query\":\"" + soql + "\""
                + extraFields + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = json(created).get("id").asText();
        assertThat(awaitState("/jobs/query/" + id, "JobComplete", "Failed", "Aborted").get("state").asText())
                .isEqualTo("JobComplete");
        return id;
    }

    /** Polls job info until its state is one of the given ones (jobs process in the background). */
    JsonNode awaitState(String jobPath, String... states) {
        Set<String> wanted = Set.of(states);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode info = json(get(jobPath));
            if (wanted.contains(info.path("state").asText())) {
                return info;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobPath + " did not reach " + wanted + ": " + info);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
