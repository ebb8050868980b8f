package dev.forcelink.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVALID_SESSION =
            "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";

    private static SalesforceEmulator emulator;
    private static Http http;
    private static String token;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start();
        http = new Http(emulator);
        token = emulator.issueAccessToken();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void versionsListCoversV31ToV65WithoutAuthOrLimitHeader() throws Exception {
        HttpResponse<String> response = http.get("/services/data/", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(response.headers().firstValue("Sforce-Limit-Info")).isEmpty();
        JsonNode versions = JSON.readTree(response.body());
        assertThat(versions).hasSize(35);
        assertThat(versions.get(0).get("version").asText()).isEqualTo("31.0");
        assertThat(versions.get(1).toString())
                .isEqualTo("{\"label\":\"Winter '15\",\"url\":\"/services/data/v32.0\",\"version\":\"32.0\"}");
        assertThat(versions.get(29).get("label").asText()).isEqualTo("Spring '24");
        assertThat(versions.get(34).get("url").asText()).isEqualTo("/services/data/v65.0");
    }

    @Test
    void everyServedVersionAndLatestAreAcceptedOthersAreNotFound() {
        for (int major = 31; major <= 65; major++) {
            assertThat(http.get("/services/data/v" + major + ".0/limits", token).statusCode()).isEqualTo(200);
        }
        assertThat(http.get("/services/data/latest/limits", token).statusCode()).isEqualTo(200);
        for (String version : new String[] {"v30.0", "v66.0", "v60", "60.0", "v60.1"}) {
            HttpResponse<String> response = http.get("/services/data/" + version + "/limits", token);
            assertThat(response.statusCode()).as(version).isEqualTo(404);
            assertThat(response.body()).contains("\"errorCode\":\"NOT_FOUND\"");
        }
    }

    @Test
    void resourceMapListsVersionedUrls() throws Exception {
        JsonNode resources = JSON.readTree(http.get("/services/data/v60.0/", token).body());
        assertThat(resources.get("sobjects").asText()).isEqualTo("/services/data/v60.0/sobjects");
        assertThat(resources.get("limits").asText()).isEqualTo("/services/data/v60.0/limits");
        assertThat(resources.get("identity").asText()).endsWith("/id/" + emulator.orgId() + "/" + emulator.userId());
    }

    @Test
    void missingUnknownAndMalformedTokensGetTheInvalidSessionEnvelope() {
        for (String bad : new String[] {null, "unknown", ""}) {
            HttpResponse<String> response = http.get("/services/data/v60.0/limits", bad);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(INVALID_SESSION);
            assertThat(response.headers().firstValue("Sforce-Limit-Info")).isEmpty();
        }
        HttpResponse<String> basic = http.send(HttpRequest.newBuilder(URI.create(http.url("/services/data/v60.0/")))
                .header("Authorization", "Basic abc").build());
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    @Test
    void limitsCountersMoveWithEveryCountedCall() throws Exception {
        HttpResponse<String> first = http.get("/services/data/v60.0/limits", token);
        HttpResponse<String> second = http.get("/services/data/v60.0/limits", token);

        long firstRemaining = JSON.readTree(first.body()).get("DailyApiRequests").get("Remaining").asLong();
        JsonNode secondBody = JSON.readTree(second.body());
        assertThat(secondBody.get("DailyApiRequests").get("Remaining").asLong()).isEqualTo(firstRemaining - 1);
        assertThat(secondBody.fieldNames()).toIterable().contains("DailyApiRequests", "DailyAsyncApexExecutions",
                "ConcurrentAsyncGetReportInstances", "ConcurrentSyncReportRuns", "DailyBulkV2QueryJobs",
                "DailyBulkV2QueryFileStorageMB", "DailyBulkApiBatches", "DataStorageMB", "FileStorageMB",
                "HourlyPublishedPlatformEvents", "DailyDeliveredPlatformEvents");
        String header = second.headers().firstValue("Sforce-Limit-Info").orElseThrow();
        long max = secondBody.get("DailyApiRequests").get("Max").asLong();
        assertThat(header).isEqualTo("api-usage=" + (max - secondBody.get("DailyApiRequests").get("Remaining").asLong())
                + "/" + max);
        assertThat(emulator.limitUsed("DailyApiRequests")).isGreaterThanOrEqualTo(max - firstRemaining + 1);
    }

    @Test
    void unknownResourcesAreNotFoundAndWrongMethodsNotAllowed() {
        HttpResponse<String> unknown = http.get("/services/data/v60.0/nothing/here", token);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo(
                "[{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}]");
        assertThat(unknown.headers().firstValue("Sforce-Limit-Info")).isPresent();
        assertThat(http.get("/nothing", null).statusCode()).isEqualTo(404);

        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(URI.create(
                http.url("/services/data/v60.0/limits"))).header("Authorization", "Bearer " + token)
                .DELETE().build());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("\"errorCode\":\"METHOD_NOT_ALLOWED\"");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void everyResponseCarriesTheSameRequestIdInBothHeaders() {
        for (HttpResponse<String> response : java.util.List.of(http.get("/services/data/", null),
                http.get("/services/data/v60.0/limits", null), http.get("/missing", null))) {
            String sfdc = response.headers().firstValue("x-sfdc-request-id").orElseThrow();
            assertThat(sfdc).matches("[0-9a-f]{32}");
            assertThat(response.headers().firstValue("x-request-id")).hasValue(sfdc);
        }
        assertThat(http.get("/services/data/", null).headers().firstValue("x-sfdc-request-id"))
                .isNotEqualTo(http.get("/services/data/", null).headers().firstValue("x-sfdc-request-id"));
    }

    @Test
    void gzipResponsesWhenAsked() throws Exception {
        HttpResponse<byte[]> response = http.client().send(HttpRequest.newBuilder(
                URI.create(http.url("/services/data/v60.0/limits"))).header("Authorization", "Bearer " + token)
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            JsonNode limits = JSON.readTree(in.readAllBytes());
            assertThat(limits.has("DailyApiRequests")).isTrue();
        }
    }

    @Test
    void gzipRequestBodiesAreDecoded() throws Exception {
        String form = Http.form(java.util.Map.of("grant_type", "client_credentials", "client_id",
                emulator.clientId(), "client_secret", emulator.clientSecret()));
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(form.getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                http.url("/services/oauth2/token"))).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(compressed.toByteArray())).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).has("access_token")).isTrue();
    }

    @Test
    void prettyPrintWhenAsked() {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(http.url("/services/data/")))
                .header("X-PrettyPrint", "1").build());
        assertThat(response.body()).contains("\n");
    }
}
