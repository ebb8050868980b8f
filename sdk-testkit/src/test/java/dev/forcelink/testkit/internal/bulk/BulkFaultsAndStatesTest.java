package dev.forcelink.testkit.internal.bulk;

import static dev.forcelink.testkit.internal.bulk.BulkHttp.json;
import static dev.forcelink.testkit.internal.bulk.IngestJobTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.SalesforceEmulator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scripted Bulk faults, and the states a slowly processing job passes through. */
class BulkFaultsAndStatesTest {

    private static SalesforceEmulator emulator;
    private static SalesforceEmulator slow;
    private static BulkHttp http;
    private static BulkHttp slowHttp;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start();
        http = new BulkHttp(emulator, "65.0");
        // Two rows a second: jobs stay InProgress long enough to be observed, and are aborted to end quickly.
        slow = SalesforceEmulator.builder().bulkProcessingRate(2).start();
        slowHttp = new BulkHttp(slow, "65.0");
    }

    @AfterAll
    static void stop() {
        emulator.close();
        slow.close();
    }

    @AfterEach
    void clearFaults() {
        emulator.bulkFaults().clear();
    }

    private static String names(int count, String prefix) {
        StringBuilder csv = new StringBuilder("Name,Description\n");
        for (int i = 0; i < count; i++) {
            csv.append(prefix).append(i).append(",row ").append(i).append('\n');
        }
        return csv.toString();
    }

    @Test
    void ingestJobFailingPartWayLeavesTheRestUnprocessed() {
        emulator.bulkFaults().failIngestJobAfter(250, "InvalidBatch : simulated failure");

        JsonNode done = http.runIngest("{\"object\":\"Account\",\"operation\":\"insert\"}", names(600, "F-"));

        assertThat(done.get("state").asText()).isEqualTo("Failed");
        assertThat(done.get("errorMessage").asText()).isEqualTo("InvalidBatch : simulated failure");
        assertThat(done.get("numberRecordsProcessed").asLong()).isEqualTo(250);
        String id = done.get("id").asText();
        List<List<String>> succeeded = rows(http.get("/jobs/ingest/" + id + "/successfulResults/").body(), ',');
        List<List<String>> unprocessed = rows(http.get("/jobs/ingest/" + id + "/unprocessedrecords/").body(), ',');
        assertThat(succeeded).hasSize(251);
        assertThat(unprocessed.get(0)).containsExactly("Name", "Description");
        assertThat(unprocessed).hasSize(351);
        Set<String> all = new HashSet<>();
        succeeded.subList(1, succeeded.size()).forEach(row -> all.add(row.get(2)));
        unprocessed.subList(1, unprocessed.size()).forEach(row -> all.add(row.get(0)));
        assertThat(all).hasSize(600);
        assertThat(emulator.bulkFaults().pending()).isZero();
    }

    @Test
    void successfulResultsAreNotInUploadOrder() {
        JsonNode done = http.runIngest("{\"object\":\"Account\",\"operation\":\"insert\"}", names(50, "O-"));

        List<List<String>> rows = rows(http.get("/jobs/ingest/" + done.get("id").asText() + "/successfulResults/")
                .body(), ',');
        List<String> order = rows.subList(1, rows.size()).stream().map(row -> row.get(2)).toList();
        assertThat(order).hasSize(50).isNotEqualTo(order.stream().sorted((a, b) ->
                Integer.compare(Integer.parseInt(a.substring(2)), Integer.parseInt(b.substring(2)))).toList());
    }

    @Test
    void queryJobCanBeScriptedToFail() {
        emulator.bulkFaults().failQueryJob("QUERY_TIMEOUT : simulated");
        HttpResponse<String> created = http.post("/jobs/query", "{\"operation\":\"query\",\"query\":\"SELECT Id FROM Account\"}");
        String id = json(created).get("id").asText();

        JsonNode done = http.awaitState("/jobs/query/" + id, "Failed", "JobComplete");

        assertThat(done.get("state").asText()).isEqualTo("Failed");
        assertThat(done.get("errorMessage").asText()).isEqualTo("QUERY_TIMEOUT : simulated");
        HttpResponse<String> results = http.get("/jobs/query/" + id + "/results");
        assertThat(results.statusCode()).isEqualTo(412);
        assertThat(json(results).get(0).get("message").asText()).endsWith("Current status: FAILED");
    }

    @Test
    void droppedResultPageFailsMidBodyAndTheSameLocatorThenGivesTheWholePage() throws Exception {
        http.runIngest("{\"object\":\"Account\",\"operation\":\"insert\"}", names(40, "D-"));
        String id = http.runQuery("SELECT Name, Description FROM Account WHERE Name LIKE 'D-%'", "");
        String page = "/jobs/query/" + id + "/results?maxRecords=30";
        emulator.bulkFaults().dropResultPages(1);

        assertThatThrownBy(() -> http.getBytes(page)).isInstanceOf(IOException.class);
        HttpResponse<byte[]> whole = http.getBytes(page);

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(rows(new String(whole.body(), java.nio.charset.StandardCharsets.UTF_8), ',')).hasSize(31);
        assertThat(http.getBytes(page).body()).isEqualTo(whole.body());
    }

    @Test
    void delayedResultPagesArriveNoSoonerThanTheLatency() {
        JsonNode done = http.runIngest("{\"object\":\"Account\",\"operation\":\"insert\"}", "Name\nLate\n");
        emulator.bulkFaults().delayResultPages(1, Duration.ofMillis(300));

        long started = System.nanoTime();
        HttpResponse<String> response = http.get("/jobs/ingest/" + done.get("id").asText() + "/successfulResults/");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
        assertThat(emulator.bulkFaults().pending()).isZero();
    }

    @Test
    void inProgressIngestJobShowsPartialResultsCannotBeDeletedAndCanBeAborted() {
        String id = slowHttp.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
        slowHttp.put("/jobs/ingest/" + id + "/batches", names(1000, "S-"));
        HttpResponse<String> close = slowHttp.patch("/jobs/ingest/" + id, "{\"state\":\"UploadComplete\"}");
        assertThat(json(close).get("state").asText()).isEqualTo("UploadComplete");
        JsonNode running = slowHttp.awaitState("/jobs/ingest/" + id, "InProgress");
        assertThat(running.get("state").asText()).isEqualTo("InProgress");

        HttpResponse<String> delete = slowHttp.delete("/jobs/ingest/" + id);
        HttpResponse<String> partial = slowHttp.get("/jobs/ingest/" + id + "/successfulResults/");
        HttpResponse<String> abort = slowHttp.patch("/jobs/ingest/" + id, "{\"state\":\"Aborted\"}");

        assertThat(delete.statusCode()).isEqualTo(400);
        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(rows(partial.body(), ',').size()).isLessThan(1001);
        assertThat(json(abort).get("state").asText()).isEqualTo("Aborted");
        JsonNode aborted = slowHttp.awaitState("/jobs/ingest/" + id, "Aborted");
        long processed = aborted.get("numberRecordsProcessed").asLong();
        assertThat(processed).isLessThan(1000);
        // The processor stops at the next chunk; then every row is either processed or unprocessed.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int unprocessed;
        do {
            unprocessed = rows(slowHttp.get("/jobs/ingest/" + id + "/unprocessedrecords/").body(), ',').size() - 1;
        } while (unprocessed + json(slowHttp.get("/jobs/ingest/" + id)).get("numberRecordsProcessed").asLong() < 1000
                && System.nanoTime() < deadline);
        assertThat(unprocessed + json(slowHttp.get("/jobs/ingest/" + id)).get("numberRecordsProcessed").asLong())
                .isEqualTo(1000);
        assertThat(slowHttp.delete("/jobs/ingest/" + id).statusCode()).isEqualTo(204);
    }

    @Test
    void queryResultsBeforeCompletionAre412AndAbortedQueryKeepsNoResults() {
        // Two rows take the slow emulator a second to insert, and the query over them at least as long: ample time
        // to observe the job before it completes.
        slowHttp.runIngest("{\"object\":\"Account\",\"operation\":\"insert\"}", names(2, "Q-"));
        HttpResponse<String> created = slowHttp.post("/jobs/query", "{\"operation\":\"query\",\"query\":\"SELECT Name FROM Account\"}");
        String id = json(created).get("id").asText();

        HttpResponse<String> early = slowHttp.get("/jobs/query/" + id + "/results");
        HttpResponse<String> pages = slowHttp.get("/jobs/query/" + id + "/resultPages");
        HttpResponse<String> abort = slowHttp.patch("/jobs/query/" + id, "{\"state\":\"Aborted\"}");

        assertThat(early.statusCode()).isEqualTo(412);
        JsonNode error = json(early).get(0);
        assertThat(error.get("errorCode").asText()).isEqualTo("JOB_NOT_COMPLETE");
        assertThat(error.get("message").asText()).startsWith("can only download query results of successfully "
                + "completed bulk job with status: JOB_COMPLETE. Current status: ");
        assertThat(pages.statusCode()).isEqualTo(412);
        assertThat(json(abort).get("state").asText()).isEqualTo("Aborted");
        assertThat(json(slowHttp.get("/jobs/query/" + id + "/results")).get(0).get("message").asText())
                .endsWith("Current status: ABORTED");
        assertThat(slowHttp.delete("/jobs/query/" + id).statusCode()).isEqualTo(204);
    }
}
