package dev.forcelink.testkit.internal.rest.query;

import static dev.forcelink.testkit.internal.rest.RestCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.EmulatorRuntime;
import dev.forcelink.testkit.internal.org.WriteContext;
import dev.forcelink.testkit.internal.rest.CapturedRuntimes;
import dev.forcelink.testkit.internal.rest.RestCalls;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryResourceTest {

    private static final String V = "/services/data/v60.0";

    private static SalesforceEmulator emulator;
    private static RestCalls rest;
    private static String acme;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start();
        rest = new RestCalls(emulator);
        EmulatorRuntime runtime = CapturedRuntimes.of(emulator);
        WriteContext context = WriteContext.of(emulator.userId());
        runtime.store().transaction(context, tx -> {
            for (int i = 0; i < 2450; i++) {
                tx.insert("Lead", Map.of("LastName", "Lead " + i, "Company", "Bulk Co"));
            }
            return null;
        });
        acme = rest.create("60.0", "Account", "{\"Name\":\"Acme\",\"Industry\":\"Banking\"}");
        rest.create("60.0", "Account", "{\"Name\":\"Lonely\"}");
        rest.create("60.0", "Contact", "{\"LastName\":\"Ada\",\"AccountId\":\"" + acme + "\"}");
        rest.create("60.0", "Contact", "{\"LastName\":\"Bob\",\"AccountId\":\"" + acme + "\"}");
        rest.create("60.0", "Contact", "{\"LastName\":\"Nobody\"}");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void pagesFollowTheBatchSizeUntilDone() {
        Set<String> ids = new HashSet<>();
        HttpResponse<String> response = query("/query", "SELECT Id, LastName FROM Lead ORDER BY LastName",
                "Sforce-Query-Options", "batchSize=1000");
        int pages = 0;
        while (true) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = json(response);
            pages++;
            assertThat(page.get("totalSize").asInt()).isEqualTo(2450);
            page.get("records").forEach(r -> ids.add(r.get("Id").asText()));
            if (page.get("done").asBoolean()) {
                assertThat(page.has("nextRecordsUrl")).isFalse();
                assertThat(page.get("records")).hasSize(450);
                break;
            }
            assertThat(page.get("records")).hasSize(1000);
            String next = page.get("nextRecordsUrl").asText();
            assertThat(next).matches("/services/data/v60\\.0/query/01g[0-9A-Za-z]{15}-" + pages * 1000);
            response = rest.get(next);
        }
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(2450);
    }

    @Test
    void defaultBatchIs2000AndSmallBatchSizesAreRaisedTo200() {
        JsonNode first = json(query("/query/", "SELECT Id FROM Lead"));
        assertThat(first.get("records")).hasSize(2000);
        assertThat(first.get("nextRecordsUrl").asText()).endsWith("-2000");

        JsonNode small = json(query("/query", "SELECT Id FROM Lead", "Sforce-Query-Options", "batchSize=10"));
        assertThat(small.get("records")).hasSize(200);
        assertThat(json(rest.get(small.get("nextRecordsUrl").asText())).get("records").get(0).get("Id").asText())
                .isNotEqualTo(small.get("records").get(199).get("Id").asText());
    }

    @Test
    void rowsCarryParentRecordsAndChildResultsWithAttributes() {
        JsonNode page = json(query("/query", "SELECT Id, Name, (SELECT LastName FROM Contacts ORDER BY LastName) "
                + "FROM Account ORDER BY Name"));
        assertThat(page.get("done").asBoolean()).isTrue();
        JsonNode first = page.get("records").get(0);
        assertThat(first.get("attributes").toString())
                .isEqualTo("{\"type\":\"Account\",\"url\":\"" + V + "/sobjects/Account/" + acme + "\"}");
        JsonNode contacts = first.get("Contacts");
        assertThat(contacts.get("totalSize").asInt()).isEqualTo(2);
        assertThat(contacts.get("done").asBoolean()).isTrue();
        assertThat(contacts.get("records").get(0).get("attributes").get("type").asText()).isEqualTo("Contact");
        assertThat(contacts.get("records").get(1).get("LastName").asText()).isEqualTo("Bob");
        assertThat(page.get("records").get(1).get("Contacts").isNull()).isTrue();

        JsonNode withParent = json(query("/query", "SELECT LastName, Account.Name FROM Contact ORDER BY LastName"));
        JsonNode ada = withParent.get("records").get(0);
        assertThat(ada.get("Account").get("attributes").get("type").asText()).isEqualTo("Account");
        assertThat(ada.get("Account").get("Name").asText()).isEqualTo("Acme");
        assertThat(withParent.get("records").get(2).get("Account").isNull()).isTrue();
    }

    @Test
    void countAndAggregateShapes() {
        assertThat(query("/query", "SELECT COUNT() FROM Contact").body())
                .isEqualTo("{\"totalSize\":3,\"done\":true,\"records\":[]}");
        JsonNode aggregate = json(query("/query", "SELECT COUNT(Id) FROM Contact"));
        assertThat(aggregate.get("records").get(0).get("attributes").toString())
                .isEqualTo("{\"type\":\"AggregateResult\"}");
        assertThat(aggregate.get("records").get(0).get("expr0").asInt()).isEqualTo(3);
    }

    @Test
    void queryAllSeesDeletedRows() {
        String id = rest.create("60.0", "Case", "{\"Subject\":\"Gone\"}");
        rest.send("DELETE", V + "/sobjects/Case/" + id, null);

        assertThat(json(query("/query", "SELECT Id FROM Case WHERE Id = '" + id + "'")).get("totalSize").asInt())
                .isZero();
        JsonNode all = json(query("/queryAll", "SELECT Id, IsDeleted FROM Case WHERE Id = '" + id + "'"));
        assertThat(all.get("totalSize").asInt()).isEqualTo(1);
        assertThat(all.get("records").get(0).get("IsDeleted").asBoolean()).isTrue();
    }

    @Test
    void queryAllContinuationsUseTheQueryPath() {
        JsonNode page = json(query("/queryAll", "SELECT Id FROM Lead", "Sforce-Query-Options", "batchSize=2000"));
        assertThat(page.get("nextRecordsUrl").asText()).startsWith(V + "/query/01g");
        assertThat(rest.get(page.get("nextRecordsUrl").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void soqlErrorsUseTheErrorEnvelope() {
        assertError(query("/query", "SELEC Id FROM Account"), "MALFORMED_QUERY");
        assertError(query("/query", "SELECT Nope__c FROM Account"), "INVALID_FIELD");
        assertError(query("/query", "SELECT Id FROM Nope__c"), "INVALID_TYPE");
        HttpResponse<String> missing = rest.get(V + "/query");
        assertThat(missing.body())
                .isEqualTo("[{\"message\":\"A query string has to be specified\",\"errorCode\":\"MALFORMED_QUERY\"}]");
        assertError(rest.get(V + "/query/01gxx0000000000AAA-2000"), "INVALID_QUERY_LOCATOR");
        assertError(rest.get(V + "/query/garbage"), "INVALID_QUERY_LOCATOR");
    }

    @Test
    void batchSizeHeaderParsing() {
        assertThat(QueryRoutes.batchSize(null)).isEqualTo(2000);
        assertThat(QueryRoutes.batchSize("batchSize=500")).isEqualTo(500);
        assertThat(QueryRoutes.batchSize("batchSize=5000")).isEqualTo(2000);
        assertThat(QueryRoutes.batchSize("batchSize=1")).isEqualTo(200);
        assertThat(QueryRoutes.batchSize("batchSize=x")).isEqualTo(2000);
    }

    private static void assertError(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get(0).get("errorCode").asText()).isEqualTo(code);
        assertThat(json(response).get(0).get("message").asText()).isNotBlank();
    }

    private static HttpResponse<String> query(String resource, String soql, String... headers) {
        return rest.get(V + resource + "?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8), headers);
    }
}
