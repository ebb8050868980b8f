package dev.forcelink.testkit.internal.rest.composite;

import static dev.forcelink.testkit.internal.rest.RestCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.org.ChangeLogEntry;
import dev.forcelink.testkit.internal.rest.CapturedRuntimes;
import dev.forcelink.testkit.internal.rest.RestCalls;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphResourceTest {

    private static final String URL = "/services/data/v60.0/composite/graph";

    private SalesforceEmulator emulator;
    private RestCalls rest;

    @BeforeEach
    void start() {
        emulator = SalesforceEmulator.start();
        rest = new RestCalls(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void eachGraphCommitsOrRollsBackAsAUnit() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"graphs": [
                  {"graphId": "good", "compositeRequest": [
                    {"method": "POST", "url": "/services/data/v60.0/sobjects/Account", "referenceId": "acct",
                     "body": {"Name": "Graph One"}},
                    {"method": "POST", "url": "/services/data/v60.0/sobjects/Contact", "referenceId": "ct",
                     "body": {"LastName": "Member", "AccountId": "@{acct.id}"}}]},
                  {"graphId": "bad", "compositeRequest": [
                    {"method": "POST", "url": "/services/data/v60.0/sobjects/Account", "referenceId": "acct2",
                     "body": {"Name": "Graph Two"}},
                    {"method": "POST", "url": "/services/data/v60.0/sobjects/Contact", "referenceId": "ct2",
                     "body": {"FirstName": "No last name", "AccountId": "@{acct2.id}"}}]}
                ]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode graphs = json(response).get("graphs");
        assertThat(graphs.get(0).get("graphId").asText()).isEqualTo("good");
        assertThat(graphs.get(0).get("isSuccessful").asBoolean()).isTrue();
        JsonNode good = graphs.get(0).get("graphResponse").get("compositeResponse");
        assertThat(good.get(0).get("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(good.get(1).get("referenceId").asText()).isEqualTo("ct");
        assertThat(graphs.get(1).get("isSuccessful").asBoolean()).isFalse();
        JsonNode bad = graphs.get(1).get("graphResponse").get("compositeResponse");
        assertThat(bad.get(0).get("body").get(0).get("errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        assertThat(bad.get(1).get("body").get(0).get("errorCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");

        JsonNode accounts = json(rest.get("/services/data/v60.0/query?q=SELECT+Name+FROM+Account"));
        assertThat(accounts.get("totalSize").asInt()).isEqualTo(1);
        assertThat(accounts.get("records").get(0).get("Name").asText()).isEqualTo("Graph One");
        assertThat(changeLog()).hasSize(2);
    }

    @Test
    void upsertsByExternalIdAsAGraphNode() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"graphs": [{"graphId": "g1", "compositeRequest": [
                  {"method": "PATCH", "url": "/services/data/v60.0/sobjects/Account/External_ERP_Id__c/G-1",
                   "referenceId": "up", "body": {"Name": "Upserted"}},
                  {"method": "GET", "url": "/services/data/v60.0/sobjects/Account/@{up.id}", "referenceId": "read"}
                ]}]}""");

        JsonNode nodes = json(response).get("graphs").get(0).get("graphResponse").get("compositeResponse");
        assertThat(nodes.get(0).get("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(nodes.get(0).get("body").get("created").asBoolean()).isTrue();
        assertThat(nodes.get(1).get("body").get("External_ERP_Id__c").asText()).isEqualTo("G-1");
    }

    @Test
    void afterFourteenFailedGraphsTheRestAreHalted() {
        StringBuilder body = new StringBuilder("{\"graphs\":[");
        for (int i = 0; i < 16; i++) {
            body.append(i == 0 ? "" : ",").append("{\"graphId\":\"g").append(i).append("\",\"compositeRequest\":[")
                    .append("{\"method\":\"POST\",\"url\":\"/services/data/v60.0/sobjects/Account\",\"referenceId\":\"a")
                    .append(i).append("\",\"body\":").append(i < 14 ? "{\"Industry\":\"no name\"}" : "{\"Name\":\"fine\"}")
                    .append("}]}");
        }

        JsonNode graphs = json(rest.send("POST", URL, body.append("]}").toString())).get("graphs");

        assertThat(graphs).hasSize(16);
        for (int i = 14; i < 16; i++) {
            assertThat(graphs.get(i).get("isSuccessful").asBoolean()).isFalse();
            assertThat(graphs.get(i).get("graphResponse").get("compositeResponse").get(0).get("body").get(0)
                    .get("errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        }
        assertThat(changeLog()).isEmpty();
    }

    @Test
    void refusesResourcesOutsideTheGraphListAndBrokenLimits() {
        HttpResponse<String> query = rest.send("POST", URL, """
                {"graphs": [{"graphId": "g", "compositeRequest": [
                  {"method": "GET", "url": "/services/data/v60.0/query?q=SELECT+Id+FROM+Account", "referenceId": "q"}]}]}""");
        StringBuilder deep = new StringBuilder("{\"graphs\":[{\"graphId\":\"deep\",\"compositeRequest\":[")
                .append("{\"method\":\"POST\",\"url\":\"/services/data/v60.0/sobjects/Account\",\"referenceId\":\"n0\",")
                .append("\"body\":{\"Name\":\"root\"}}");
        for (int i = 1; i < 16; i++) {
            deep.append(",{\"method\":\"PATCH\",\"url\":\"/services/data/v60.0/sobjects/Account/@{n").append(i - 1)
                    .append(".id}\",\"referenceId\":\"n").append(i).append("\",\"body\":{\"Name\":\"x\"}}");
        }
        StringBuilder many = new StringBuilder("{\"graphs\":[");
        for (int i = 0; i < 76; i++) {
            many.append(i == 0 ? "" : ",").append("{\"graphId\":\"g").append(i).append("\",\"compositeRequest\":[")
                    .append("{\"method\":\"POST\",\"url\":\"/services/data/v60.0/sobjects/Account\",\"referenceId\":\"a\",")
                    .append("\"body\":{\"Name\":\"n\"}}]}");
        }

        assertThat(query.statusCode()).isEqualTo(400);
        HttpResponse<String> tooDeep = rest.send("POST", URL, deep.append("]}]}").toString());
        assertThat(tooDeep.statusCode()).isEqualTo(400);
        assertThat(json(tooDeep).get(0).get("message").asText()).contains("deeper than 15");
        assertThat(rest.send("POST", URL, many.append("]}").toString()).statusCode()).isEqualTo(400);
        assertThat(rest.send("POST", "/services/data/v49.0/composite/graph", "{\"graphs\":[]}").statusCode())
                .isEqualTo(404);
        assertThat(changeLog()).isEmpty();
    }

    private List<ChangeLogEntry> changeLog() {
        return CapturedRuntimes.of(emulator).store().changeLog().entries();
    }
}
