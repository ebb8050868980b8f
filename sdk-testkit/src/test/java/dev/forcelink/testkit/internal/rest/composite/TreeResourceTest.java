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

class TreeResourceTest {

    private static final String URL = "/services/data/v60.0/composite/tree/Account";

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
    void createsNestedRecordsLinkedToTheirParentsInListedOrder() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"records": [
                  {"attributes": {"type": "Account", "referenceId": "ref1"}, "Name": "SampleAccount1",
                   "Contacts": {"records": [
                     {"attributes": {"type": "Contact", "referenceId": "ref2"}, "LastName": "Smith"},
                     {"attributes": {"type": "Contact", "referenceId": "ref3"}, "LastName": "Evans"}]}},
                  {"attributes": {"type": "Account", "referenceId": "ref4"}, "Name": "SampleAccount2"}
                ]}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.get("hasErrors").asBoolean()).isFalse();
        JsonNode results = body.get("results");
        assertThat(results).extracting(r -> r.get("referenceId").asText()).containsExactly("ref1", "ref2", "ref3", "ref4");
        String accountId = results.get(0).get("id").asText();
        JsonNode contact = json(rest.get("/services/data/v60.0/sobjects/Contact/" + results.get(1).get("id").asText()));
        assertThat(contact.get("AccountId").asText()).isEqualTo(accountId);
        assertThat(changeLog()).hasSize(4);
        assertThat(changeLog()).extracting(ChangeLogEntry::transactionKey).containsOnly(
                changeLog().get(0).transactionKey());
    }

    @Test
    void aFailedRecordRollsBackTheWholeRequest() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"records": [
                  {"attributes": {"type": "Account", "referenceId": "ok"}, "Name": "Fine",
                   "Contacts": {"records": [
                     {"attributes": {"type": "Contact", "referenceId": "bad"}, "FirstName": "No last name"}]}}
                ]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("hasErrors").asBoolean()).isTrue();
        assertThat(body.get("results")).hasSize(1);
        JsonNode failure = body.get("results").get(0);
        assertThat(failure.get("referenceId").asText()).isEqualTo("bad");
        assertThat(failure.get("errors").get(0).get("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(failure.get("errors").get(0).get("fields").get(0).asText()).isEqualTo("LastName");
        assertThat(json(rest.get("/services/data/v60.0/query?q=SELECT+Id+FROM+Account")).get("totalSize").asInt())
                .isZero();
        assertThat(changeLog()).isEmpty();
    }

    @Test
    void reportsEveryInstanceOfADuplicateReferenceId() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"records": [
                  {"attributes": {"type": "Account", "referenceId": "same"}, "Name": "One"},
                  {"attributes": {"type": "Account", "referenceId": "same"}, "Name": "Two"}
                ]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("results")).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("referenceId").asText()).isEqualTo("same"));
        assertThat(changeLog()).isEmpty();
    }

    @Test
    void enforcesTheRecordCountLimit() {
        StringBuilder body = new StringBuilder("{\"records\":[");
        for (int i = 0; i < 201; i++) {
            body.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Account\",\"referenceId\":\"r")
                    .append(i).append("\"},\"Name\":\"n\"}");
        }

        HttpResponse<String> response = rest.send("POST", URL, body.append("]}").toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get(0).get("message").asText()).contains("200");
        assertThat(changeLog()).isEmpty();
    }

    @Test
    void refusesTopLevelRecordsOfAnotherTypeAndRecordsWithoutReferenceId() {
        HttpResponse<String> wrongType = rest.send("POST", URL,
                "{\"records\":[{\"attributes\":{\"type\":\"Contact\",\"referenceId\":\"c\"},\"LastName\":\"x\"}]}");
        HttpResponse<String> noReference = rest.send("POST", URL,
                "{\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Name\":\"x\"}]}");

        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(noReference.statusCode()).isEqualTo(400);
        assertThat(changeLog()).isEmpty();
    }

    private List<ChangeLogEntry> changeLog() {
        return CapturedRuntimes.of(emulator).store().changeLog().entries();
    }
}
