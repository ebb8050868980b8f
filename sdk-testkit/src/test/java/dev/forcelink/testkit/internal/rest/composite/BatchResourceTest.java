package dev.forcelink.testkit.internal.rest.composite;

import static dev.forcelink.testkit.internal.rest.RestCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.rest.RestCalls;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BatchResourceTest {

    private static final String URL = "/services/data/v60.0/composite/batch";

    private static SalesforceEmulator emulator;
    private static RestCalls rest;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start();
        rest = new RestCalls(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void runsIndependentSubrequestsWithRelativeUrls() {
        String id = rest.create("60.0", "Account", "{\"Name\":\"Batched\"}");

        HttpResponse<String> response = rest.send("POST", URL, """
                {"batchRequests": [
                  {"method": "PATCH", "url": "v60.0/sobjects/Account/%s", "richInput": {"Industry": "Energy"}},
                  {"method": "GET", "url": "v60.0/sobjects/Account/%s?fields=Name,Industry"},
                  {"method": "POST", "url": "v60.0/sobjects/Account", "richInput": {"Name": "New"}},
                  {"method": "GET", "url": "v60.0/query?q=SELECT+Name+FROM+Account+WHERE+Name+LIKE+'Bat%%'"},
                  {"method": "GET", "url": "/v60.0/limits"}
                ]}""".formatted(id, id));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("hasErrors").asBoolean()).isFalse();
        JsonNode results = body.get("results");
        assertThat(results.get(0).get("statusCode").asInt()).isEqualTo(204);
        assertThat(results.get(0).get("result").isNull()).isTrue();
        assertThat(results.get(1).get("result").get("Industry").asText()).isEqualTo("Energy");
        assertThat(results.get(2).get("statusCode").asInt()).isEqualTo(201);
        assertThat(results.get(2).get("result").get("success").asBoolean()).isTrue();
        assertThat(results.get(3).get("result").get("totalSize").asInt()).isEqualTo(1);
        assertThat(results.get(4).get("result").get("DailyApiRequests").get("Max").asLong()).isPositive();
    }

    @Test
    void failuresAreReportedAndLaterSubrequestsStillRun() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"batchRequests": [
                  {"method": "GET", "url": "v60.0/sobjects/Account/001000000000000AAA"},
                  {"method": "POST", "url": "v60.0/sobjects/Account", "richInput": {"Name": "After a failure"}}
                ]}""");

        JsonNode body = json(response);
        assertThat(body.get("hasErrors").asBoolean()).isTrue();
        assertThat(body.get("results").get(0).get("statusCode").asInt()).isEqualTo(404);
        assertThat(body.get("results").get(0).get("result").get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
        assertThat(body.get("results").get(1).get("statusCode").asInt()).isEqualTo(201);
    }

    @Test
    void haltOnErrorAnswers412ForEverySubrequestAfterTheFirstFailure() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"haltOnError": true, "batchRequests": [
                  {"method": "POST", "url": "v60.0/sobjects/Account", "richInput": {"Name": "Kept"}},
                  {"method": "POST", "url": "v60.0/sobjects/Account", "richInput": {"Industry": "No name"}},
                  {"method": "POST", "url": "v60.0/sobjects/Account", "richInput": {"Name": "Halted"}},
                  {"method": "GET", "url": "v60.0/limits"}
                ]}""");

        JsonNode results = json(response).get("results");
        assertThat(results.get(0).get("statusCode").asInt()).isEqualTo(201);
        assertThat(results.get(1).get("statusCode").asInt()).isEqualTo(400);
        for (int i : new int[] {2, 3}) {
            assertThat(results.get(i).get("statusCode").asInt()).isEqualTo(412);
            assertThat(results.get(i).get("result").get(0).get("errorCode").asText())
                    .isEqualTo("BATCH_PROCESSING_HALTED");
        }
        JsonNode halted = json(rest.get("/services/data/v60.0/query?q=SELECT+Id+FROM+Account+WHERE+Name='Halted'"));
        assertThat(halted.get("totalSize").asInt()).isZero();
    }

    @Test
    void refusesMoreThanTwentyFiveSubrequestsAndMalformedOnesWhole() {
        StringBuilder many = new StringBuilder("{\"batchRequests\":[");
        for (int i = 0; i < 26; i++) {
            many.append(i == 0 ? "" : ",").append("{\"method\":\"GET\",\"url\":\"v60.0/limits\"}");
        }
        HttpResponse<String> tooMany = rest.send("POST", URL, many.append("]}").toString());
        HttpResponse<String> badMethod = rest.send("POST", URL,
                "{\"batchRequests\":[{\"method\":\"FETCH\",\"url\":\"v60.0/limits\"}]}");

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get(0).get("message").asText()).contains("25");
        assertThat(badMethod.statusCode()).isEqualTo(400);
    }
}
