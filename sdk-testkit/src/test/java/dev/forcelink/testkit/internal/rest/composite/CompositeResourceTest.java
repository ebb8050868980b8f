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

class CompositeResourceTest {

    private static final String URL = "/services/data/v60.0/composite";

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
    void createsAndReadsThroughReferencesWithLocationHeaders() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"allOrNone": false, "compositeRequest": [
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Account", "referenceId": "NewAccount",
                   "body": {"Name": "Acme", "Industry": "Banking"}},
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Contact", "referenceId": "NewContact",
                   "body": {"LastName": "Smith", "AccountId": "@{NewAccount.id}"}},
                  {"method": "GET", "url": "/services/data/v60.0/sobjects/Account/@{NewAccount.id}?fields=Name,Industry",
                   "referenceId": "ReadAccount"},
                  {"method": "PATCH", "url": "/services/data/v60.0/sobjects/Account/@{ReadAccount.Id}",
                   "referenceId": "Rename", "body": {"Name": "@{ReadAccount.Name} Ltd"}}
                ]}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = json(response).get("compositeResponse");
        assertThat(results).hasSize(4);
        String accountId = results.get(0).get("body").get("id").asText();
        assertThat(results.get(0).get("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(results.get(0).get("referenceId").asText()).isEqualTo("NewAccount");
        assertThat(results.get(0).get("httpHeaders").get("Location").asText())
                .isEqualTo("/services/data/v60.0/sobjects/Account/" + accountId);
        assertThat(results.get(0).get("body").get("success").asBoolean()).isTrue();
        assertThat(results.get(1).get("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(results.get(2).get("body").get("Industry").asText()).isEqualTo("Banking");
        assertThat(results.get(2).get("body").get("attributes").get("type").asText()).isEqualTo("Account");
        assertThat(results.get(3).get("httpStatusCode").asInt()).isEqualTo(204);
        assertThat(results.get(3).get("body").isNull()).isTrue();
        assertThat(results.get(3).get("httpHeaders").size()).isZero();

        String contactId = results.get(1).get("body").get("id").asText();
        JsonNode contact = json(rest.get("/services/data/v60.0/sobjects/Contact/" + contactId));
        assertThat(contact.get("AccountId").asText()).isEqualTo(accountId);
        assertThat(json(rest.get("/services/data/v60.0/sobjects/Account/" + accountId)).get("Name").asText())
                .isEqualTo("Acme Ltd");
    }

    @Test
    void resolvesIndexedAndNestedReferencesFromQueries() {
        String accountId = rest.create("60.0", "Account", "{\"Name\":\"Parent Co\"}");
        rest.create("60.0", "Contact", "{\"LastName\":\"Kid\",\"AccountId\":\"" + accountId + "\"}");

        HttpResponse<String> response = rest.send("POST", URL, """
                {"compositeRequest": [
                  {"method": "GET", "referenceId": "Q",
                   "url": "/services/data/v60.0/query?q=SELECT Id, Account.Name FROM Contact WHERE LastName = 'Kid'"},
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Account", "referenceId": "Copy",
                   "body": {"Name": "@{Q.records[0].Account.Name} copy", "Description": "@{Q.totalSize}"}}
                ]}""");

        JsonNode results = json(response).get("compositeResponse");
        assertThat(results.get(0).get("httpStatusCode").asInt()).isEqualTo(200);
        assertThat(results.get(0).get("body").get("totalSize").asInt()).isEqualTo(1);
        assertThat(results.get(1).get("httpStatusCode").asInt()).as(response.body()).isEqualTo(201);
        String copyId = results.get(1).get("body").get("id").asText();
        JsonNode copy = json(rest.get("/services/data/v60.0/sobjects/Account/" + copyId));
        assertThat(copy.get("Name").asText()).isEqualTo("Parent Co copy");
        assertThat(copy.get("Description").asText()).isEqualTo("1");
    }

    @Test
    void referencesAreCaseSensitive() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"compositeRequest": [
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Account", "referenceId": "A",
                   "body": {"Name": "Case"}},
                  {"method": "GET", "url": "/services/data/v60.0/sobjects/Account/@{A.Id}", "referenceId": "B"}
                ]}""");

        JsonNode second = json(response).get("compositeResponse").get(1);
        assertThat(second.get("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(second.get("body").get(0).get("errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        assertThat(second.get("body").get(0).get("message").asText())
                .isEqualTo("Invalid reference specified. No value for A.Id found in A.");
    }

    @Test
    void aFailedDependencyHaltsOnlyItsDependentsWhenNotAllOrNone() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"allOrNone": false, "compositeRequest": [
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Account", "referenceId": "Bad",
                   "body": {"Industry": "No name"}},
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Contact", "referenceId": "Dependent",
                   "body": {"LastName": "Orphan", "AccountId": "@{Bad.id}"}},
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Account", "referenceId": "Fine",
                   "body": {"Name": "Independent"}}
                ]}""");

        JsonNode results = json(response).get("compositeResponse");
        assertThat(results.get(0).get("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(results.get(0).get("body").get(0).get("errorCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(results.get(0).get("body").get(0).get("fields").get(0).asText()).isEqualTo("Name");
        assertThat(results.get(1).get("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("body").get(0).get("errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        assertThat(results.get(1).get("body").get(0).get("message").asText())
                .isEqualTo("Invalid reference specified. No value for Bad.id found in Bad.");
        assertThat(results.get(2).get("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(changeLog()).hasSize(1);
    }

    @Test
    void allOrNoneRollsEverythingBackAndLeavesNoChangeLogEntry() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"allOrNone": true, "compositeRequest": [
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Account", "referenceId": "First",
                   "body": {"Name": "Rolled back"}},
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Contact", "referenceId": "Broken",
                   "body": {"FirstName": "No last name", "AccountId": "@{First.id}"}},
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Account", "referenceId": "Never",
                   "body": {"Name": "Never run"}}
                ]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = json(response).get("compositeResponse");
        assertThat(results.get(1).get("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("body").get(0).get("errorCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        for (int i : new int[] {0, 2}) {
            assertThat(results.get(i).get("httpStatusCode").asInt()).isEqualTo(400);
            assertThat(results.get(i).get("body").get(0).get("errorCode").asText()).isEqualTo("PROCESSING_HALTED");
            assertThat(results.get(i).get("body").get(0).get("message").asText()).isEqualTo(
                    "The transaction was rolled back since another operation in the same transaction failed.");
            assertThat(results.get(i).get("httpHeaders").size()).isZero();
        }
        JsonNode accounts = json(rest.get("/services/data/v60.0/query?q=SELECT+Id+FROM+Account"));
        assertThat(accounts.get("totalSize").asInt()).isZero();
        assertThat(changeLog()).isEmpty();
    }

    @Test
    void allOrNoneSuccessCommitsAsOneTransaction() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"allOrNone": true, "compositeRequest": [
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Account", "referenceId": "A",
                   "body": {"Name": "Together"}},
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Contact", "referenceId": "C",
                   "body": {"LastName": "Member", "AccountId": "@{A.id}"}}
                ]}""", "Sforce-Call-Options", "client=composer");

        JsonNode results = json(response).get("compositeResponse");
        assertThat(results.get(1).get("httpStatusCode").asInt()).isEqualTo(201);
        List<ChangeLogEntry> entries = changeLog();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).transactionKey()).isEqualTo(entries.get(1).transactionKey());
        assertThat(entries.get(0).changeOrigin()).isEqualTo("com/salesforce/api/rest/60.0;client=composer");
    }

    @Test
    void forbiddenSubrequestHeadersFailTheWholeRequest() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"compositeRequest": [
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Account", "referenceId": "A",
                   "body": {"Name": "Never"}, "httpHeaders": {"Content-Type": "application/json"}}
                ]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get(0).get("message").asText()).contains("Content-Type");
        assertThat(changeLog()).isEmpty();
    }

    @Test
    void otherSubrequestHeadersArePassedOn() {
        for (int i = 0; i < 3; i++) {
            rest.create("60.0", "Account", "{\"Name\":\"Row " + i + "\"}");
        }
        HttpResponse<String> response = rest.send("POST", URL, """
                {"compositeRequest": [
                  {"method": "GET", "url": "/services/data/v60.0/query?q=SELECT+Id+FROM+Account", "referenceId": "Q",
                   "httpHeaders": {"Sforce-Query-Options": "batchSize=200", "If-Modified-Since": "x"}}
                ]}""");

        assertThat(json(response).get("compositeResponse").get(0).get("httpStatusCode").asInt()).isEqualTo(200);
    }

    @Test
    void validatesMethodUrlAndReferenceIdsBeforeRunningAnything() {
        String lowerCaseMethod = """
                {"compositeRequest": [{"method": "post", "url": "/services/data/v60.0/sobjects/Account",
                  "referenceId": "A", "body": {"Name": "x"}}]}""";
        String badUrl = """
                {"compositeRequest": [{"method": "POST", "url": "/sobjects/Account", "referenceId": "A",
                  "body": {"Name": "x"}}]}""";
        String missingReference = """
                {"compositeRequest": [{"method": "POST", "url": "/services/data/v60.0/sobjects/Account",
                  "body": {"Name": "x"}}]}""";
        String illegalReference = """
                {"compositeRequest": [{"method": "POST", "url": "/services/data/v60.0/sobjects/Account",
                  "referenceId": "ref[1]", "body": {"Name": "x"}}]}""";

        for (String body : List.of(lowerCaseMethod, badUrl, missingReference, illegalReference)) {
            HttpResponse<String> response = rest.send("POST", URL, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).get(0).has("errorCode")).isTrue();
        }
        assertThat(changeLog()).isEmpty();
    }

    @Test
    void illegalReferenceIdsFailOnlyTheirDependentsUpToV51() {
        HttpResponse<String> response = rest.send("POST", "/services/data/v51.0/composite", """
                {"compositeRequest": [
                  {"method": "POST", "url": "/services/data/v51.0/sobjects/Account", "referenceId": "refNewAccount[1]",
                   "body": {"Name": "Cloudy Consulting"}},
                  {"method": "POST", "url": "/services/data/v51.0/sobjects/Contact", "referenceId": "refNewContact",
                   "body": {"LastName": "Smith", "AccountId": "@{refNewAccount[1].id}"}}
                ]}""");

        JsonNode results = json(response).get("compositeResponse");
        assertThat(results.get(0).get("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(results.get(1).get("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("body").get(0).get("message").asText())
                .isEqualTo("Invalid reference specified. No value for refNewAccount[1].id found in refNewAccount.");
    }

    @Test
    void nullFieldReferencesFailUpToV51AndResolveFromV52() {
        String contactId = rest.create("60.0", "Contact", "{\"LastName\":\"Wong\"}");
        String body = """
                {"compositeRequest": [
                  {"method": "GET", "url": "/services/data/vVV/sobjects/Contact/ID?fields=FirstName,LastName",
                   "referenceId": "refContact"},
                  {"method": "POST", "url": "/services/data/vVV/sobjects/Contact", "referenceId": "newContact",
                   "body": {"FirstName": "@{refContact.FirstName}", "LastName": "@{refContact.LastName}"}}
                ]}""".replace("ID", contactId);

        JsonNode old = json(rest.send("POST", "/services/data/v51.0/composite", body.replace("VV", "51.0")))
                .get("compositeResponse");
        JsonNode current = json(rest.send("POST", "/services/data/v52.0/composite", body.replace("VV", "52.0")))
                .get("compositeResponse");

        assertThat(old.get(1).get("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(old.get(1).get("body").get(0).get("errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        assertThat(current.get(1).get("httpStatusCode").asInt()).isEqualTo(201);
    }

    @Test
    void limitsSubrequestsToTwentyFiveAndQueriesOrCollectionsToFive() {
        StringBuilder many = new StringBuilder("{\"compositeRequest\":[");
        for (int i = 0; i < 26; i++) {
            many.append(i == 0 ? "" : ",").append("{\"method\":\"POST\",\"url\":\"/services/data/v60.0/sobjects/Account\","
                    + "\"referenceId\":\"r").append(i).append("\",\"body\":{\"Name\":\"n\"}}");
        }
        StringBuilder queries = new StringBuilder("{\"compositeRequest\":[");
        for (int i = 0; i < 6; i++) {
            queries.append(i == 0 ? "" : ",").append("{\"method\":\"GET\",\"url\":\"/services/data/v60.0/query?q=SELECT+Id+FROM+Account\","
                    + "\"referenceId\":\"q").append(i).append("\"}");
        }

        HttpResponse<String> tooMany = rest.send("POST", URL, many.append("]}").toString());
        HttpResponse<String> tooManyQueries = rest.send("POST", URL, queries.append("]}").toString());

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get(0).get("message").asText()).contains("25");
        assertThat(tooManyQueries.statusCode()).isEqualTo(400);
        assertThat(json(tooManyQueries).get(0).get("message").asText()).contains("5");
        assertThat(changeLog()).isEmpty();
    }

    @Test
    void aQuerySubrequestPagesAndItsNextRecordsUrlContinuesOverRest() {
        StringBuilder records = new StringBuilder("{\"records\":[");
        for (int i = 0; i < 200; i++) {
            records.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Account\"},\"Name\":\"P").append(i)
                    .append("\"}");
        }
        rest.send("POST", "/services/data/v60.0/composite/sobjects", records.append("]}").toString());
        rest.send("POST", "/services/data/v60.0/composite/sobjects", records.toString());

        HttpResponse<String> response = rest.send("POST", URL, """
                {"compositeRequest": [
                  {"method": "GET", "url": "/services/data/v60.0/query?q=SELECT+Id+FROM+Account", "referenceId": "Q",
                   "httpHeaders": {"Sforce-Query-Options": "batchSize=200"}}
                ]}""");

        JsonNode page = json(response).get("compositeResponse").get(0).get("body");
        assertThat(page.get("totalSize").asInt()).isEqualTo(400);
        assertThat(page.get("done").asBoolean()).isFalse();
        assertThat(page.get("records")).hasSize(200);
        JsonNode next = json(rest.get(page.get("nextRecordsUrl").asText()));
        assertThat(next.get("records")).hasSize(200);
        assertThat(next.get("done").asBoolean()).isTrue();
    }

    @Test
    void unknownResourcesAnswerNotFoundInTheirSubresponse() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"compositeRequest": [
                  {"method": "GET", "url": "/services/data/v60.0/nothing/here", "referenceId": "X"}
                ]}""");

        JsonNode result = json(response).get("compositeResponse").get(0);
        assertThat(result.get("httpStatusCode").asInt()).isEqualTo(404);
        assertThat(result.get("body").get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void countsAsOneApiCall() {
        long before = emulator.limitUsed("DailyApiRequests");
        rest.send("POST", URL, """
                {"compositeRequest": [
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Account", "referenceId": "A", "body": {"Name": "1"}},
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Account", "referenceId": "B", "body": {"Name": "2"}}
                ]}""");

        assertThat(emulator.limitUsed("DailyApiRequests") - before).isEqualTo(1);
    }

    private List<ChangeLogEntry> changeLog() {
        return CapturedRuntimes.of(emulator).store().changeLog().entries();
    }
}
