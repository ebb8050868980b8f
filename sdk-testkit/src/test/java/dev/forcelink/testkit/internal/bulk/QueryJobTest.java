package dev.forcelink.testkit.internal.bulk;

import static dev.forcelink.testkit.internal.bulk.BulkHttp.json;
import static dev.forcelink.testkit.internal.bulk.IngestJobTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.SalesforceEmulator;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryJobTest {

    private static final int ACCOUNTS = 25;

    private static SalesforceEmulator emulator;
    private static BulkHttp http;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().bulkResultPageSize(4).start();
        http = new BulkHttp(emulator, "60.0");
        StringBuilder csv = new StringBuilder("Name,Industry,AnnualRevenue\n");
        for (int i = 0; i < ACCOUNTS; i++) {
            csv.append(String.format("Acct-%02d,%s,%d\n", i, i % 2 == 0 ? "Energy" : "Retail", i * 1000));
        }
        assertThat(http.runIngest("{\"object\":\"Account\",\"operation\":\"insert\"}", csv.toString())
                .get("numberRecordsFailed").asLong()).isZero();
        http.runIngest("{\"object\":\"Contact\",\"operation\":\"upsert\",\"externalIdFieldName\":\"External_ERP_Id__c\"}",
                "External_ERP_Id__c,LastName,FirstName\nC-1,Smith,\"Ann, \"\"Jr\"\"\"\n");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void createAnswersUploadCompleteAndCompletesWithRowCount() {
        HttpResponse<String> created = http.post("/jobs/query",
                "{\"operation\":\"query\",\"query\":\"SELECT Id FROM Account\",\"contentType\":\"CSV\"}");

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode info = json(created);
        assertThat(info.get("state").asText()).isEqualTo("UploadComplete");
        assertThat(info.get("operation").asText()).isEqualTo("query");
        assertThat(info.get("object").asText()).isEqualTo("Account");
        assertThat(info.has("contentUrl")).isFalse();
        JsonNode done = http.awaitState("/jobs/query/" + info.get("id").asText(), "JobComplete");
        assertThat(done.get("jobType").asText()).isEqualTo("V2Query");
        assertThat(done.get("numberRecordsProcessed").asLong()).isEqualTo(ACCOUNTS);
        assertThat(done.get("isPkChunkingSupported").asBoolean()).isTrue();
        assertThat(done.get("apiVersion").asDouble()).isEqualTo(60.0);
    }

    @Test
    void resultsFollowSelectOrderWithParentPathsAndQuoteValues() {
        String id = http.runQuery("SELECT FirstName, Account.Name, LastName, Id FROM Contact", "");

        HttpResponse<String> page = http.get("/jobs/query/" + id + "/results");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/csv");
        assertThat(page.headers().firstValue("Sforce-NumberOfRecords")).hasValue("1");
        assertThat(page.headers().firstValue("Sforce-Locator")).hasValue("null");
        assertThat(page.body()).startsWith("\"FirstName\",\"Account.Name\",\"LastName\",\"Id\"\n")
                .contains("\"Ann, \"\"Jr\"\"\",,\"Smith\",\"003");
    }

    @Test
    void maxRecordsAndLocatorsPageThroughEveryRowAndRefetchIsByteIdentical() throws Exception {
        String id = http.runQuery("SELECT Name, AnnualRevenue FROM Account ORDER BY Name", "");
        List<String> names = new ArrayList<>();
        String locator = null;
        int pages = 0;
        do {
            String path = "/jobs/query/" + id + "/results?maxRecords=10" + (locator == null ? "" : "&locator=" + locator);
            HttpResponse<byte[]> page = http.getBytes(path);
            assertThat(page.statusCode()).isEqualTo(200);
            byte[] again = http.getBytes(path).body();
            assertThat(again).isEqualTo(page.body());
            List<List<String>> rows = rows(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8), ',');
            assertThat(rows.get(0)).containsExactly("Name", "AnnualRevenue");
            assertThat(page.headers().firstValue("Sforce-NumberOfRecords")).hasValue(String.valueOf(rows.size() - 1));
            rows.subList(1, rows.size()).forEach(row -> names.add(row.get(0)));
            locator = page.headers().firstValue("Sforce-Locator").orElseThrow();
            pages++;
        } while (!locator.equals("null"));

        assertThat(pages).isEqualTo(3);
        assertThat(names).hasSize(ACCOUNTS).isSorted().doesNotHaveDuplicates();
        assertThat(http.get("/jobs/query/" + id + "/results?maxRecords=10").headers().firstValue("Sforce-Locator"))
                .hasValue("MTA");
    }

    @Test
    void badLocatorAndMaxRecordsAreRefused() {
        String id = http.runQuery("SELECT Id FROM Account", "");

        HttpResponse<String> locator = http.get("/jobs/query/" + id + "/results?locator=%21%21");
        HttpResponse<String> max = http.get("/jobs/query/" + id + "/results?maxRecords=0");

        assertThat(locator.statusCode()).isEqualTo(400);
        assertThat(max.statusCode()).isEqualTo(400);
        assertThat(json(max).get(0).get("message").asText()).contains("maxRecords");
    }

    @Test
    void resultPagesListsAtMostFivePagesThenContinuesWithNextRecordsUrl() {
        String id = http.runQuery("SELECT Name FROM Account", "");

        JsonNode first = json(http.get("/jobs/query/" + id + "/resultPages"));

        assertThat(first.get("done").asBoolean()).isFalse();
        assertThat(first.get("resultPages")).hasSize(5);
        assertThat(first.get("resultPages").get(0).get("resultUrl").asText())
                .isEqualTo("/services/data/v60.0/jobs/query/" + id + "/results?maxRecords=4");
        assertThat(first.get("resultPages").get(1).get("resultUrl").asText())
                .isEqualTo("/services/data/v60.0/jobs/query/" + id + "/results?locator=NA&maxRecords=4");
        JsonNode second = json(http.getAbsolute(first.get("nextRecordsUrl").asText(), emulator.instanceUrl()));
        assertThat(second.get("done").asBoolean()).isTrue();
        assertThat(second.get("nextRecordsUrl").isNull()).isTrue();
        assertThat(second.get("resultPages")).hasSize(2);
        int total = 0;
        for (JsonNode listing : List.of(first, second)) {
            for (JsonNode page : listing.get("resultPages")) {
                HttpResponse<String> response = http.getAbsolute(page.get("resultUrl").asText(), emulator.instanceUrl());
                assertThat(response.statusCode()).isEqualTo(200);
                total += Integer.parseInt(response.headers().firstValue("Sforce-NumberOfRecords").orElseThrow());
            }
        }
        assertThat(total).isEqualTo(ACCOUNTS);
        assertThat(new BulkHttp(emulator, "57.0").get("/jobs/query/" + id + "/resultPages").statusCode())
                .isEqualTo(404);
    }

    @Test
    void resultsWithAnotherApiVersionThanTheJobsAreAConflict() {
        String id = http.runQuery("SELECT Id FROM Account", "");

        HttpResponse<String> response = new BulkHttp(emulator, "61.0").get("/jobs/query/" + id + "/results");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get(0).get("message").asText()).contains("60.0");
    }

    @Test
    void delimiterAndLineEndingShapeTheResults() {
        String id = http.runQuery("SELECT Name, Industry FROM Account WHERE Name = 'Acct-01'",
                ",\"columnDelimiter\":\"SEMICOLON\",\"lineEnding\":\"CRLF\"");

        assertThat(http.get("/jobs/query/" + id + "/results").body())
                .isEqualTo("\"Name\";\"Industry\"\r\n\"Acct-01\";\"Retail\"\r\n");
    }

    @Test
    void invalidQueriesAreRefusedWhenTheJobIsCreated() {
        assertRefused("SELECT Nope__c FROM Account", "INVALID_FIELD");
        assertRefused("SELECT FROM", "MALFORMED_QUERY");
        assertRefused("SELECT COUNT() FROM Account", "INVALIDJOB");
        assertRefused("SELECT Name, (SELECT LastName FROM Contacts) FROM Account", "INVALIDJOB");
        HttpResponse<String> badOperation = http.post("/jobs/query", "{\"operation\":\"insert\",\"query\":\"SELECT Id FROM Account\"}");
        assertThat(badOperation.statusCode()).isEqualTo(400);
        assertThat(json(badOperation).get(0).get("errorCode").asText()).isEqualTo("INVALIDJOB");
    }

    @Test
    void queryJobsCountTowardDailyBulkV2QueryJobs() {
        long before = emulator.limitUsed("DailyBulkV2QueryJobs");

        http.runQuery("SELECT Id FROM Account", "");

        assertThat(emulator.limitUsed("DailyBulkV2QueryJobs")).isEqualTo(before + 1);
        assertThat(json(http.get("/limits")).get("DailyBulkV2QueryJobs").get("Remaining").asLong())
                .isEqualTo(10_000 - before - 1);
    }

    @Test
    void completedJobsCanBeListedDeletedButNotAborted() {
        String id = http.runQuery("SELECT Id FROM Account", "");

        List<String> listed = new ArrayList<>();
        json(http.get("/jobs/query")).get("records").forEach(record -> listed.add(record.get("id").asText()));
        HttpResponse<String> abort = http.patch("/jobs/query/" + id, "{\"state\":\"Aborted\"}");
        HttpResponse<String> delete = http.delete("/jobs/query/" + id);

        assertThat(listed).contains(id);
        assertThat(abort.statusCode()).isEqualTo(400);
        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(http.get("/jobs/query/" + id + "/results").statusCode()).isEqualTo(404);
        assertThat(json(http.get("/jobs/query")).toString()).doesNotContain(id);
    }

    @Test
    void gzipIsHonouredForResultPages() throws Exception {
        String id = http.runQuery("SELECT Name FROM Account WHERE Name = 'Acct-02'", "");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<byte[]> response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                emulator.instanceUrl() + "/services/data/v60.0/jobs/query/" + id + "/results"))
                .header("Authorization", "Bearer " + emulator.issueAccessToken())
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            in.transferTo(plain);
        }
        assertThat(plain.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\"Name\"\n\"Acct-02\"\n");
    }

    private static void assertRefused(String soql, String code) {
        HttpResponse<String> response = http.post("/jobs/query", "{\"operation\":\"query\",\"query\":\"" + soql + "\"}");
        assertThat(response.statusCode()).as(soql).isEqualTo(400);
        assertThat(json(response).get(0).get("errorCode").asText()).as(soql).isEqualTo(code);
    }
}
