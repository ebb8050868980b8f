package dev.forcelink.testkit.internal.bulk;

import static dev.forcelink.testkit.internal.bulk.BulkHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.forcelink.testkit.SalesforceEmulator;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestJobTest {

    private static SalesforceEmulator emulator;
    private static BulkHttp http;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().bulkJobListPageSize(2).start();
        http = new BulkHttp(emulator, "62.0");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static List<List<String>> rows(String csv, char separator) {
        List<List<String>> rows = new ArrayList<>();
        for (CsvRecord record : CsvReader.builder().fieldSeparator(separator).ofCsvRecord(csv)) {
            rows.add(record.getFields());
        }
        return rows;
    }

    @Test
    void createReturnsOpenJobInfoWithSalesforceFieldShapes() {
        HttpResponse<String> response = http.post("/jobs/ingest",
                "{\"object\":\"Account\",\"operation\":\"insert\",\"lineEnding\":\"LF\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode info = json(response);
        String id = info.get("id").asText();
        assertThat(id).startsWith("750").hasSize(18);
        assertThat(info.get("state").asText()).isEqualTo("Open");
        assertThat(info.get("operation").asText()).isEqualTo("insert");
        assertThat(info.get("object").asText()).isEqualTo("Account");
        assertThat(info.get("createdById").asText()).isEqualTo(emulator.userId());
        assertThat(info.get("apiVersion").isNumber()).isTrue();
        assertThat(info.get("apiVersion").asDouble()).isEqualTo(62.0);
        assertThat(info.get("contentUrl").asText()).isEqualTo("services/data/v62.0/jobs/ingest/" + id + "/batches");
        assertThat(info.get("createdDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(info.get("systemModstamp").asText()).isEqualTo(info.get("createdDate").asText());
        assertThat(info.get("concurrencyMode").asText()).isEqualTo("Parallel");
        assertThat(info.get("contentType").asText()).isEqualTo("CSV");
        assertThat(info.get("columnDelimiter").asText()).isEqualTo("COMMA");
        assertThat(info.get("lineEnding").asText()).isEqualTo("LF");
    }

    @Test
    void insertJobRunsToCompletionAndReportsCreatedRowsWithTheirOriginalColumns() throws Exception {
        JsonNode done = http.runIngest("{\"object\":\"Account\",\"operation\":\"insert\"}",
                "Name,Industry\nAcme,Energy\n\"Globex, Inc\",\n");

        assertThat(done.get("state").asText()).isEqualTo("JobComplete");
        assertThat(done.get("jobType").asText()).isEqualTo("V2Ingest");
        assertThat(done.get("numberRecordsProcessed").asLong()).isEqualTo(2);
        assertThat(done.get("numberRecordsFailed").asLong()).isZero();
        assertThat(done.get("retries").asInt()).isZero();
        assertThat(done.get("totalProcessingTime").isIntegralNumber()).isTrue();
        String id = done.get("id").asText();
        HttpResponse<String> success = http.get("/jobs/ingest/" + id + "/successfulResults/");
        assertThat(success.statusCode()).isEqualTo(200);
        assertThat(success.headers().firstValue("Content-Type")).hasValue("text/csv");
        List<List<String>> rows = rows(success.body(), ',');
        assertThat(rows.get(0)).containsExactly("sf__Id", "sf__Created", "Name", "Industry");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(2)).containsExactlyInAnyOrder("Acme",
                "Globex, Inc");
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row.get(0)).startsWith("001").hasSize(18);
            assertThat(row.get(1)).isEqualTo("true");
        }
        assertThat(rows(http.get("/jobs/ingest/" + id + "/failedResults/").body(), ','))
                .containsExactly(List.of("sf__Id", "sf__Error", "Name", "Industry"));
        assertThat(rows(http.get("/jobs/ingest/" + id + "/unprocessedrecords/").body(), ','))
                .containsExactly(List.of("Name", "Industry"));
    }

    @Test
    void validationFailuresAreListedWithCodeMessageFieldsAndOriginalColumns() {
        JsonNode done = http.runIngest("{\"object\":\"Account\",\"operation\":\"insert\"}",
                "Name,NumberOfEmployees\nGood,5\n#N/A,3\nBad number,many\n");

        assertThat(done.get("numberRecordsProcessed").asLong()).isEqualTo(3);
        assertThat(done.get("numberRecordsFailed").asLong()).isEqualTo(2);
        List<List<String>> failed = rows(http.get("/jobs/ingest/" + done.get("id").asText() + "/failedResults/")
                .body(), ',');
        assertThat(failed).hasSize(3);
        assertThat(failed.subList(1, 3)).anySatisfy(row -> {
            assertThat(row.get(0)).isEmpty();
            assertThat(row.get(1)).isEqualTo("REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --");
            assertThat(row.subList(2, 4)).containsExactly("#N/A", "3");
        });
        assertThat(failed.subList(1, 3)).anySatisfy(row -> {
            assertThat(row.get(1)).startsWith("INVALID_TYPE_ON_FIELD_IN_RECORD:").endsWith(":NumberOfEmployees --");
            assertThat(row.subList(2, 4)).containsExactly("Bad number", "many");
        });
    }

    @Test
    void notApplicableSetsNullWhileAnEmptyCellLeavesTheFieldUnchanged() {
        JsonNode created = http.runIngest("{\"object\":\"Account\",\"operation\":\"insert\"}",
                "Name,Industry,Phone\nKeep,Energy,555-0100\n");
        String accountId = rows(http.get("/jobs/ingest/" + created.get("id").asText() + "/successfulResults/")
                .body(), ',').get(1).get(0);

        JsonNode updated = http.runIngest("{\"object\":\"Account\",\"operation\":\"update\"}",
                "Id,Industry,Phone\n" + accountId + ",,#N/A\n");

        assertThat(updated.get("numberRecordsFailed").asLong()).isZero();
        String queryId = http.runQuery("SELECT Industry, Phone FROM Account WHERE Id = '" + accountId + "'", "");
        assertThat(rows(http.get("/jobs/query/" + queryId + "/results").body(), ','))
                .containsExactly(List.of("Industry", "Phone"), List.of("Energy", ""));
    }

    @ParameterizedTest
    @CsvSource({"BACKQUOTE,`,LF", "CARET,^,LF", "COMMA,',',CRLF", "PIPE,|,CRLF", "SEMICOLON,;,LF", "TAB,'\t',LF"})
    void uploadsAndResultsUseTheJobsDelimiterAndLineEnding(String delimiter, char separator, String lineEnding) {
        String eol = lineEnding.equals("CRLF") ? "\r\n" : "\n";
        String csv = "Name" + separator + "Description" + eol + "One" + separator + "first" + eol
                + "Two" + separator + "\"has " + separator + " inside\"" + eol;

        JsonNode done = http.runIngest("{\"object\":\"Account\",\"operation\":\"insert\",\"columnDelimiter\":\""
                + delimiter + "\",\"lineEnding\":\"" + lineEnding + "\"}", csv);

        assertThat(done.get("state").asText()).isEqualTo("JobComplete");
        assertThat(done.get("columnDelimiter").asText()).isEqualTo(delimiter);
        assertThat(done.get("numberRecordsFailed").asLong()).isZero();
        String body = http.get("/jobs/ingest/" + done.get("id").asText() + "/successfulResults/").body();
        assertThat(body).startsWith("\"sf__Id\"" + separator + "\"sf__Created\"" + separator + "\"Name\"")
                .contains(eol);
        if (lineEnding.equals("LF")) {
            assertThat(body).doesNotContain("\r");
        }
        assertThat(rows(body, separator).subList(1, 3)).extracting(row -> row.get(3))
                .containsExactlyInAnyOrder("first", "has " + separator + " inside");
    }

    @Test
    void dataWhoseLineEndingDiffersFromTheJobsFailsTheJob() {
        JsonNode done = http.runIngest("{\"object\":\"Account\",\"operation\":\"insert\"}", "Name\r\nCrlf\r\n");

        assertThat(done.get("state").asText()).isEqualTo("Failed");
        assertThat(done.get("errorMessage").asText())
                .isEqualTo("ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF");
    }

    @Test
    void unknownColumnFailsTheWholeJob() {
        JsonNode done = http.runIngest("{\"object\":\"Account\",\"operation\":\"insert\"}", "Name,Nope__c\nA,b\n");

        assertThat(done.get("state").asText()).isEqualTo("Failed");
        assertThat(done.get("errorMessage").asText()).isEqualTo("InvalidBatch : Field name not found : Nope__c");
        assertThat(done.get("numberRecordsProcessed").asLong()).isZero();
    }

    @Test
    void upsertCreatesThenUpdatesByExternalIdAndParentsResolveByExternalId() {
        String job = "{\"object\":\"Account\",\"operation\":\"upsert\",\"externalIdFieldName\":\"External_ERP_Id__c\"}";
        JsonNode first = http.runIngest(job, "External_ERP_Id__c,Name\nERP-1,First\n");
        JsonNode second = http.runIngest(job, "External_ERP_Id__c,Name\nERP-1,Renamed\nERP-2,Second\n");

        assertThat(first.get("externalIdFieldName").asText()).isEqualTo("External_ERP_Id__c");
        List<List<String>> results = rows(http.get("/jobs/ingest/" + second.get("id").asText()
                + "/successfulResults/").body(), ',');
        assertThat(results.subList(1, 3)).extracting(row -> row.get(2) + "=" + row.get(1))
                .containsExactlyInAnyOrder("ERP-1=false", "ERP-2=true");

        JsonNode contacts = http.runIngest("{\"object\":\"Contact\",\"operation\":\"insert\"}",
                "LastName,Account.External_ERP_Id__c\nSmith,ERP-1\nJones,ERP-404\n");
        assertThat(contacts.get("numberRecordsFailed").asLong()).isEqualTo(1);
        String query = http.runQuery("SELECT LastName, Account.Name FROM Contact WHERE LastName = 'Smith'", "");
        assertThat(rows(http.get("/jobs/query/" + query + "/results").body(), ','))
                .containsExactly(List.of("LastName", "Account.Name"), List.of("Smith", "Renamed"));
        assertThat(http.get("/jobs/ingest/" + contacts.get("id").asText() + "/failedResults/").body())
                .contains("Foreign key external ID: ERP-404 not found");
    }

    @Test
    void deleteAndHardDeleteRemoveRecordsAndQueryAllSeesOnlySoftDeletedOnes() {
        JsonNode created = http.runIngest("{\"object\":\"Account\",\"operation\":\"insert\"}",
                "Name\nSoft-del\nHard-del\n");
        List<List<String>> ids = rows(http.get("/jobs/ingest/" + created.get("id").asText()
                + "/successfulResults/").body(), ',');
        String soft = ids.stream().filter(r -> r.get(2).equals("Soft-del")).findFirst().orElseThrow().get(0);
        String hard = ids.stream().filter(r -> r.get(2).equals("Hard-del")).findFirst().orElseThrow().get(0);

        assertThat(http.runIngest("{\"object\":\"Account\",\"operation\":\"delete\"}", "Id\n" + soft + "\n")
                .get("numberRecordsFailed").asLong()).isZero();
        assertThat(http.runIngest("{\"object\":\"Account\",\"operation\":\"hardDelete\"}", "Id\n" + hard + "\n")
                .get("numberRecordsFailed").asLong()).isZero();

        String all = createQuery("queryAll", "SELECT Name, IsDeleted FROM Account WHERE Name LIKE '%-del'");
        assertThat(rows(http.get("/jobs/query/" + all + "/results").body(), ','))
                .containsExactly(List.of("Name", "IsDeleted"), List.of("Soft-del", "true"));
    }

    @Test
    void updateWithoutIdValueFailsThatRow() {
        JsonNode done = http.runIngest("{\"object\":\"Account\",\"operation\":\"update\"}", "Id,Name\n,Nobody\n");

        assertThat(done.get("numberRecordsFailed").asLong()).isEqualTo(1);
        assertThat(http.get("/jobs/ingest/" + done.get("id").asText() + "/failedResults/").body())
                .contains("MISSING_ARGUMENT:Id not specified in an update call:--");
    }

    @Test
    void secondUploadMakesClosingFailWithSalesforcesMessage() {
        String id = http.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
        assertThat(http.put("/jobs/ingest/" + id + "/batches", "Name\nA\n").statusCode()).isEqualTo(201);
        assertThat(http.put("/jobs/ingest/" + id + "/batches", "Name\nB\n").statusCode()).isEqualTo(201);

        HttpResponse<String> close = http.patch("/jobs/ingest/" + id, "{\"state\":\"UploadComplete\"}");

        assertThat(close.statusCode()).isEqualTo(400);
        assertThat(close.body()).isEqualTo("[{\"errorCode\":\"INVALIDJOB\",\"message\":\"Found multipe contents for "
                + "job: <" + id + ">, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and "
                + "make sure you only do 'PUT' once on a given Job.\"}]");
        assertThat(json(http.get("/jobs/ingest/" + id)).get("state").asText()).isEqualTo("Open");
        assertThat(json(http.patch("/jobs/ingest/" + id, "{\"state\":\"Aborted\"}")).get("state").asText())
                .isEqualTo("Aborted");
    }

    @Test
    void badStateTransitionsAreRefused() {
        JsonNode done = http.runIngest("{\"object\":\"Account\",\"operation\":\"insert\"}", "Name\nX\n");
        String path = "/jobs/ingest/" + done.get("id").asText();

        HttpResponse<String> reclose = http.patch(path, "{\"state\":\"UploadComplete\"}");
        HttpResponse<String> abort = http.patch(path, "{\"state\":\"Aborted\"}");
        HttpResponse<String> upload = http.put(path + "/batches", "Name\nY\n");
        HttpResponse<String> nonsense = http.patch(path, "{\"state\":\"JobComplete\"}");
        HttpResponse<String> notJson = http.patch(path, "{state");

        assertThat(List.of(reclose, abort, upload, nonsense)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get(0).get("errorCode").asText()).isEqualTo("INVALIDJOBSTATE");
        });
        assertThat(json(abort).get(0).get("message").asText()).contains("JobComplete");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get(0).get("errorCode").asText()).isEqualTo("JSON_PARSER_ERROR");
    }

    @Test
    void openJobCannotBeDeletedButFinishedOnesCanAndThenAreGone() {
        String open = http.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
        HttpResponse<String> refused = http.delete("/jobs/ingest/" + open);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get(0).get("errorCode").asText()).isEqualTo("INVALIDJOBSTATE");

        String done = http.runIngest("{\"object\":\"Account\",\"operation\":\"insert\"}", "Name\nZ\n")
                .get("id").asText();
        assertThat(http.delete("/jobs/ingest/" + done).statusCode()).isEqualTo(204);
        assertThat(http.get("/jobs/ingest/" + done).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownJobsAndQueryJobIdsOnIngestPathsAreNotFound() {
        String queryJob = createQuery("query", "SELECT Id FROM Account");
        for (String path : List.of("/jobs/ingest/7505g00000000zzAAA", "/jobs/ingest/not-an-id",
                "/jobs/ingest/" + queryJob, "/jobs/ingest/7505g00000000zzAAA/successfulResults/")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).isEqualTo(
                    "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]");
        }
    }

    @Test
    void createValidatesObjectOperationExternalIdAndFormat() {
        assertInvalidJob("{\"object\":\"Nope__c\",\"operation\":\"insert\"}", "Nope__c");
        assertInvalidJob("{\"object\":\"Account\",\"operation\":\"merge\"}", "merge");
        assertInvalidJob("{\"operation\":\"insert\"}", "object");
        assertInvalidJob("{\"object\":\"Account\",\"operation\":\"upsert\"}", "externalIdFieldName");
        assertInvalidJob("{\"object\":\"Account\",\"operation\":\"upsert\",\"externalIdFieldName\":\"Name\"}", "Name");
        assertInvalidJob("{\"object\":\"Account\",\"operation\":\"insert\",\"contentType\":\"JSON\"}", "CSV");
        assertInvalidJob("{\"object\":\"Account\",\"operation\":\"insert\",\"columnDelimiter\":\"COLON\"}", "COLON");
        assertInvalidJob("{\"object\":\"Account\",\"operation\":\"insert\",\"lineEnding\":\"CR\"}", "CR");
    }

    @Test
    void jobListPagesWithNextRecordsUrlUntilDone() {
        for (int i = 0; i < 3; i++) {
            http.createIngest("{\"object\":\"Account\",\"operation\":\"insert\"}");
        }
        List<String> seen = new ArrayList<>();
        JsonNode page = json(http.get("/jobs/ingest"));
        int pages = 1;
        while (true) {
            assertThat(page.get("records").size()).isLessThanOrEqualTo(2);
            page.get("records").forEach(record -> {
                assertThat(record.get("jobType").asText()).isEqualTo("V2Ingest");
                seen.add(record.get("id").asText());
            });
            if (page.get("done").asBoolean()) {
                assertThat(page.get("nextRecordsUrl").isNull()).isTrue();
                break;
            }
            String next = page.get("nextRecordsUrl").asText();
            assertThat(next).startsWith("/services/data/v62.0/jobs/ingest?queryLocator=");
            page = json(http.getAbsolute(next, emulator.instanceUrl()));
            pages++;
        }
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(seen).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
        assertThat(json(http.get("/jobs/ingest?jobType=Classic")).get("records")).isEmpty();
    }

    @Test
    void eachStartedInternalBatchCountsTowardDailyBulkApiBatches() {
        long before = emulator.limitUsed("DailyBulkApiBatches");

        http.runIngest("{\"object\":\"Account\",\"operation\":\"insert\"}", "Name\nCounted\n");

        assertThat(emulator.limitUsed("DailyBulkApiBatches")).isEqualTo(before + 1);
        JsonNode limits = json(http.get("/limits")).get("DailyBulkApiBatches");
        assertThat(limits.get("Remaining").asLong()).isEqualTo(15_000 - emulator.limitUsed("DailyBulkApiBatches"));
    }

    private static void assertInvalidJob(String body, String mentioned) {
        HttpResponse<String> response = http.post("/jobs/ingest", body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        JsonNode error = json(response).get(0);
        assertThat(error.get("errorCode").asText()).isEqualTo("INVALIDJOB");
        assertThat(error.get("message").asText()).contains(mentioned);
    }

    private static String createQuery(String operation, String soql) {
        HttpResponse<String> created = http.post("/jobs/query", "{\"operation\":\"" + operation + "\",\"query\":\""
                + soql + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = json(created).get("id").asText();
        http.awaitState("/jobs/query/" + id, "JobComplete");
        return id;
    }
}
