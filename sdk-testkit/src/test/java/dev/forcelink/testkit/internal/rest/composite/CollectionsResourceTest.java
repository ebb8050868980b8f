package dev.forcelink.testkit.internal.rest.composite;

import static dev.forcelink.testkit.internal.rest.RestCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.org.ChangeLogEntry;
import dev.forcelink.testkit.internal.org.ChangeType;
import dev.forcelink.testkit.internal.rest.CapturedRuntimes;
import dev.forcelink.testkit.internal.rest.RestCalls;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollectionsResourceTest {

    private static final String URL = "/services/data/v60.0/composite/sobjects";
    private static final String ROLLED_BACK =
            "Record rolled back because not all records were valid and the request was using AllOrNone header";

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
    void createsMixedTypesInOrderWithPartialSuccess() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"allOrNone": false, "records": [
                  {"attributes": {"type": "Account"}, "Name": "First"},
                  {"attributes": {"type": "Contact"}, "FirstName": "No last name"},
                  {"attributes": {"type": "Contact"}, "LastName": "Johnson"}
                ]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = json(response);
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("id").asText()).startsWith("001");
        assertThat(results.get(0).get("success").asBoolean()).isTrue();
        assertThat(results.get(0).get("errors")).isEmpty();
        assertThat(results.get(1).has("id")).isFalse();
        assertThat(results.get(1).get("success").asBoolean()).isFalse();
        JsonNode error = results.get(1).get("errors").get(0);
        assertThat(error.get("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(error.get("fields").get(0).asText()).isEqualTo("LastName");
        assertThat(error.has("errorCode")).isFalse();
        assertThat(results.get(2).get("id").asText()).startsWith("003");
        assertThat(changeLog()).extracting(ChangeLogEntry::changeType)
                .containsExactly(ChangeType.CREATE, ChangeType.CREATE);
    }

    @Test
    void allOrNoneCommitsNothingAndMarksTheOthersRolledBack() {
        HttpResponse<String> response = rest.send("POST", URL, """
                {"allOrNone": true, "records": [
                  {"attributes": {"type": "Account"}, "Name": "Would be fine"},
                  {"attributes": {"type": "Account"}, "Industry": "No name"},
                  {"attributes": {"type": "Account"}, "Name": "Also fine"}
                ]}""");

        JsonNode results = json(response);
        assertThat(results.get(1).get("errors").get(0).get("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        for (int i : new int[] {0, 2}) {
            assertThat(results.get(i).get("success").asBoolean()).isFalse();
            assertThat(results.get(i).has("id")).isFalse();
            assertThat(results.get(i).get("errors").get(0).get("statusCode").asText())
                    .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
            assertThat(results.get(i).get("errors").get(0).get("message").asText()).isEqualTo(ROLLED_BACK);
        }
        assertThat(json(rest.get("/services/data/v60.0/query?q=SELECT+Id+FROM+Account")).get("totalSize").asInt())
                .isZero();
        assertThat(changeLog()).isEmpty();
    }

    @Test
    void refusesMoreThanTwoHundredRecordsAndRecordsWithoutType() {
        StringBuilder body = new StringBuilder("{\"records\":[");
        for (int i = 0; i < 201; i++) {
            body.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Account\"},\"Name\":\"n\"}");
        }
        HttpResponse<String> tooMany = rest.send("POST", URL, body.append("]}").toString());
        HttpResponse<String> noType = rest.send("POST", URL, "{\"records\":[{\"Name\":\"untyped\"}]}");

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get(0).get("errorCode").asText()).isEqualTo("EXCEEDED_ID_LIMIT");
        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(changeLog()).isEmpty();
    }

    @Test
    void updatesByIdWithPerRecordErrors() {
        String a = rest.create("60.0", "Account", "{\"Name\":\"A\"}");
        String b = rest.create("60.0", "Account", "{\"Name\":\"B\"}");

        HttpResponse<String> response = rest.send("PATCH", URL, """
                {"records": [
                  {"attributes": {"type": "Account"}, "Id": "%s", "Industry": "Banking"},
                  {"attributes": {"type": "Account"}, "Industry": "No id"},
                  {"attributes": {"type": "Account"}, "Id": "%s", "Name": null}
                ]}""".formatted(a, b));

        JsonNode results = json(response);
        assertThat(results.get(0).get("id").asText()).isEqualTo(a);
        assertThat(results.get(0).get("success").asBoolean()).isTrue();
        assertThat(results.get(1).get("errors").get(0).get("statusCode").asText()).isEqualTo("MISSING_ARGUMENT");
        assertThat(results.get(2).get("id").asText()).isEqualTo(b);
        assertThat(results.get(2).get("errors").get(0).get("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(json(rest.get("/services/data/v60.0/sobjects/Account/" + a)).get("Industry").asText())
                .isEqualTo("Banking");
    }

    @Test
    void upsertsByExternalIdWithCreatedFlags() {
        rest.send("PATCH", "/services/data/v60.0/sobjects/Account/External_ERP_Id__c/E-1", "{\"Name\":\"Existing\"}");

        HttpResponse<String> response = rest.send("PATCH", URL + "/Account/External_ERP_Id__c", """
                {"allOrNone": false, "records": [
                  {"attributes": {"type": "Account"}, "External_ERP_Id__c": "E-1", "Name": "Updated"},
                  {"attributes": {"type": "Account"}, "External_ERP_Id__c": "E-2", "Name": "Inserted"},
                  {"attributes": {"type": "Account"}, "Name": "No key"}
                ]}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = json(response);
        assertThat(results.get(0).get("created").asBoolean()).isFalse();
        assertThat(results.get(1).get("created").asBoolean()).isTrue();
        assertThat(results.get(2).get("success").asBoolean()).isFalse();
        JsonNode existing = json(rest.get("/services/data/v60.0/sobjects/Account/External_ERP_Id__c/E-1"));
        assertThat(existing.get("Name").asText()).isEqualTo("Updated");
        assertThat(existing.get("Id").asText()).isEqualTo(results.get(0).get("id").asText());
        JsonNode inserted = json(rest.get("/services/data/v60.0/sobjects/Account/" + results.get(1).get("id").asText()));
        assertThat(inserted.get("External_ERP_Id__c").asText()).isEqualTo("E-2");
    }

    @Test
    void upsertNeedsV46AndAnExternalIdField() {
        String body = "{\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Name\":\"x\"}]}";
        assertThat(rest.send("PATCH", "/services/data/v45.0/composite/sobjects/Account/External_ERP_Id__c", body)
                .statusCode()).isEqualTo(404);
        assertThat(rest.send("PATCH", URL + "/Account/Name", body).statusCode()).isEqualTo(404);
    }

    @Test
    void deletesByIdsInOrderAndHonoursAllOrNone() {
        String a = rest.create("60.0", "Account", "{\"Name\":\"A\"}");
        String b = rest.create("60.0", "Account", "{\"Name\":\"B\"}");
        String missing = "001000000000000AAA";

        JsonNode rolledBack = json(rest.send("DELETE", URL + "?ids=" + a + "," + missing + "&allOrNone=true", null));
        assertThat(rolledBack.get(0).get("id").asText()).isEqualTo(a);
        assertThat(rolledBack.get(0).get("errors").get(0).get("statusCode").asText())
                .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(rolledBack.get(1).get("success").asBoolean()).isFalse();
        assertThat(rest.get("/services/data/v60.0/sobjects/Account/" + a).statusCode()).isEqualTo(200);

        JsonNode partial = json(rest.send("DELETE", URL + "?ids=" + b + "," + missing + "," + a, null));
        assertThat(partial).extracting(r -> r.get("success").asBoolean()).containsExactly(true, false, true);
        assertThat(partial.get(2).get("id").asText()).isEqualTo(a);
        assertThat(rest.get("/services/data/v60.0/sobjects/Account/" + a).statusCode()).isEqualTo(404);
        assertThat(changeLog()).filteredOn(e -> e.changeType() == ChangeType.DELETE).hasSize(2);
    }

    @Test
    void retrievesInRequestOrderWithNullsForUnknownIds() {
        String a = rest.create("60.0", "Account", "{\"Name\":\"A\",\"Industry\":\"Banking\"}");
        String contact = rest.create("60.0", "Contact", "{\"LastName\":\"Not an account\"}");
        String b = rest.create("60.0", "Account", "{\"Name\":\"B\"}");

        HttpResponse<String> response = rest.get(URL + "/Account?ids=" + b + ",001000000000000AAA," + a + ","
                + contact + ",garbage&fields=Name,Industry");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode records = json(response);
        assertThat(records).hasSize(5);
        assertThat(records.get(0).get("Name").asText()).isEqualTo("B");
        assertThat(records.get(0).get("attributes").get("url").asText())
                .isEqualTo("/services/data/v60.0/sobjects/Account/" + b);
        assertThat(records.get(1).isNull()).isTrue();
        assertThat(records.get(2).get("Industry").asText()).isEqualTo("Banking");
        assertThat(records.get(3).isNull()).isTrue();
        assertThat(records.get(4).isNull()).isTrue();
    }

    @Test
    void retrieveRefusesUnknownFieldsTooManyIdsAndTakesPostForLongLists() {
        String a = rest.create("60.0", "Account", "{\"Name\":\"A\"}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 801; i++) {
            ids.add(a);
        }

        HttpResponse<String> badField = rest.get(URL + "/Account?ids=" + a + "&fields=Nope__c");
        HttpResponse<String> tooLong = rest.get(URL + "/Account?ids=" + String.join(",", ids) + "&fields=Name");
        StringBuilder post = new StringBuilder("{\"ids\":[");
        for (int i = 0; i < 1000; i++) {
            post.append(i == 0 ? "" : ",").append('"').append(a).append('"');
        }
        HttpResponse<String> posted = rest.send("POST", URL + "/Account", post.append("],\"fields\":[\"Name\"]}").toString());

        assertThat(badField.statusCode()).isEqualTo(400);
        assertThat(json(badField).get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(tooLong.statusCode()).isEqualTo(414);
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(json(posted)).hasSize(1000);
    }

    @Test
    void collectionsInsideCompositeFollowTheOuterAllOrNone() {
        HttpResponse<String> response = rest.send("POST", "/services/data/v60.0/composite", """
                {"allOrNone": true, "compositeRequest": [
                  {"method": "POST", "url": "/services/data/v60.0/composite/sobjects", "referenceId": "Many",
                   "body": {"allOrNone": false, "records": [
                     {"attributes": {"type": "Account"}, "Name": "Ok"},
                     {"attributes": {"type": "Account"}, "Industry": "Bad"}]}},
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Contact", "referenceId": "C",
                   "body": {"LastName": "Never kept"}}
                ]}""");

        JsonNode results = json(response).get("compositeResponse");
        assertThat(results.get(0).get("httpStatusCode").asInt()).isEqualTo(200);
        assertThat(results.get(0).get("body").get(0).get("errors").get(0).get("statusCode").asText())
                .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(results.get(1).get("body").get(0).get("errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        assertThat(changeLog()).isEmpty();
    }

    @Test
    void collectionsNeedV42() {
        assertThat(rest.send("POST", "/services/data/v41.0/composite/sobjects",
                "{\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Name\":\"x\"}]}").statusCode()).isEqualTo(404);
    }

    private List<ChangeLogEntry> changeLog() {
        return CapturedRuntimes.of(emulator).store().changeLog().entries();
    }
}
