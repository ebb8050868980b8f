package dev.forcelink.testkit.internal.rest.data;

import static dev.forcelink.testkit.internal.rest.RestCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.rest.RestCalls;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SObjectResourceTest {

    private static final String V = "/services/data/v60.0";

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
    void createAnswers201WithSaveResultAndLocation() {
        HttpResponse<String> response = rest.send("POST", V + "/sobjects/Account", "{\"Name\":\"Acme\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json(response);
        String id = body.get("id").asText();
        assertThat(id).hasSize(18).startsWith("001");
        assertThat(body.toString()).isEqualTo("{\"id\":\"" + id + "\",\"success\":true,\"errors\":[]}");
        assertThat(response.headers().firstValue("Location")).hasValue(V + "/sobjects/Account/" + id);
    }

    @Test
    void retrieveRendersAttributesEveryFieldAndLastModified() {
        String id = rest.create("60.0", "Account", "{\"Name\":\"Globex\",\"NumberOfEmployees\":12,"
                + "\"AnnualRevenue\":1500.5}");

        HttpResponse<String> response = rest.get(V + "/sobjects/Account/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode record = json(response);
        assertThat(record.get("attributes").toString())
                .isEqualTo("{\"type\":\"Account\",\"url\":\"" + V + "/sobjects/Account/" + id + "\"}");
        assertThat(record.get("Id").asText()).isEqualTo(id);
        assertThat(record.get("Name").asText()).isEqualTo("Globex");
        assertThat(record.get("NumberOfEmployees").asInt()).isEqualTo(12);
        assertThat(record.get("AnnualRevenue").decimalValue()).isEqualByComparingTo("1500.5");
        assertThat(record.has("Industry")).isTrue();
        assertThat(record.get("Industry").isNull()).isTrue();
        assertThat(record.get("IsDeleted").asBoolean()).isFalse();
        assertThat(record.get("CreatedDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(response.headers().firstValue("Last-Modified")).isPresent();
    }

    @Test
    void retrieveWithFieldsReturnsOnlyThoseInOrder() {
        String id = rest.create("60.0", "Account", "{\"Name\":\"Initech\",\"Industry\":\"Banking\"}");

        JsonNode record = json(rest.get(V + "/sobjects/Account/" + id + "?fields=industry,Name"));

        assertThat(record.fieldNames()).toIterable().containsExactly("attributes", "Industry", "Name");
        assertThat(rest.get(V + "/sobjects/Account/" + id + "?fields=Nope__c").body())
                .contains("\"errorCode\":\"INVALID_FIELD\"").contains("No such column 'Nope__c' on entity 'Account'");
    }

    @Test
    void updateAndDeleteAnswer204ThenTheRecordIsDeleted() {
        String id = rest.create("60.0", "Account", "{\"Name\":\"Before\"}");

        assertThat(rest.send("PATCH", V + "/sobjects/Account/" + id, "{\"Name\":\"After\"}").statusCode())
                .isEqualTo(204);
        assertThat(json(rest.get(V + "/sobjects/Account/" + id)).get("Name").asText()).isEqualTo("After");
        HttpResponse<String> deleted = rest.send("DELETE", V + "/sobjects/Account/" + id, null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();

        for (String method : new String[] {"GET", "PATCH", "DELETE"}) {
            HttpResponse<String> again = rest.send(method, V + "/sobjects/Account/" + id, "{}");
            assertThat(again.statusCode()).as(method).isEqualTo(404);
            assertThat(again.body()).as(method)
                    .isEqualTo("[{\"message\":\"entity is deleted\",\"errorCode\":\"ENTITY_IS_DELETED\",\"fields\":[]}]");
        }
    }

    @Test
    void conditionalHeadersAnswer304And412() {
        String id = rest.create("60.0", "Account", "{\"Name\":\"Cond\"}");
        DateTimeFormatter http = DateTimeFormatter.RFC_1123_DATE_TIME;
        String future = http.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
        String past = http.format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));

        assertThat(rest.get(V + "/sobjects/Account/" + id, "If-Modified-Since", future).statusCode()).isEqualTo(304);
        assertThat(rest.get(V + "/sobjects/Account/" + id, "If-Modified-Since", past).statusCode()).isEqualTo(200);
        assertThat(rest.get(V + "/sobjects/Account/" + id, "If-Unmodified-Since", past).statusCode()).isEqualTo(412);
        assertThat(rest.send("PATCH", V + "/sobjects/Account/" + id, "{\"Name\":\"x\"}", "If-Unmodified-Since", past)
                .statusCode()).isEqualTo(412);
        assertThat(json(rest.get(V + "/sobjects/Account/" + id)).get("Name").asText()).isEqualTo("Cond");
        assertThat(rest.send("PATCH", V + "/sobjects/Account/" + id, "{\"Name\":\"x\"}", "If-Unmodified-Since", future)
                .statusCode()).isEqualTo(204);
    }

    @Test
    void validationErrorsCarrySalesforceCodesAndFields() {
        assertError(rest.send("POST", V + "/sobjects/Account", "{\"Industry\":\"Banking\"}"), 400,
                "REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", "Name");
        assertError(rest.send("POST", V + "/sobjects/Account", "{\"Name\":\"a\",\"NumberOfEmployees\":\"many\"}"),
                400, "JSON_PARSER_ERROR", "Cannot deserialize instance of int from VALUE_STRING value many",
                "NumberOfEmployees");
        assertError(rest.send("POST", V + "/sobjects/Contact", "{\"LastName\":\"a\",\"Birthdate\":\"2020-13-45\"}"),
                400, "JSON_PARSER_ERROR", "Cannot deserialize instance of date from VALUE_STRING value 2020-13-45",
                "Birthdate");
        assertError(rest.send("POST", V + "/sobjects/Account", "{\"Name\":{\"nested\":1}}"), 400,
                "JSON_PARSER_ERROR", "from START_OBJECT", "Name");
        assertError(rest.send("POST", V + "/sobjects/Account", "{\"Name\":\"" + "x".repeat(256) + "\"}"), 400,
                "STRING_TOO_LONG", "Account Name: data value too large", "Name");
        assertError(rest.send("POST", V + "/sobjects/Account", "{\"Name\":\"a\",\"Bogus__c\":1}"), 400,
                "INVALID_FIELD", "No such column 'Bogus__c' on sobject of type Account", "Bogus__c");
        assertError(rest.send("POST", V + "/sobjects/Account", "{\"Name\":\"a\",\"CreatedDate\":\"2020-01-01\"}"),
                400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: CreatedDate", "CreatedDate");
        assertError(rest.send("POST", V + "/sobjects/Contact", "{\"LastName\":\"a\",\"AccountId\":\"nope\"}"), 400,
                "MALFORMED_ID", "id value of incorrect type: nope", "AccountId");
        assertError(rest.get(V + "/sobjects/Account/12345"), 400, "MALFORMED_ID",
                "Account ID: id value of incorrect type: 12345", "Id");
        HttpResponse<String> badJson = rest.send("POST", V + "/sobjects/Account", "{\"Name\":");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badJson.body()).contains("\"errorCode\":\"JSON_PARSER_ERROR\"");
    }

    @Test
    void duplicateUniqueExternalIdNamesFieldAndExistingRecord() {
        String first = rest.create("60.0", "Account", "{\"Name\":\"a\",\"External_ERP_Id__c\":\"DUP-1\"}");

        HttpResponse<String> response = rest.send("POST", V + "/sobjects/Account",
                "{\"Name\":\"b\",\"External_ERP_Id__c\":\"dup-1\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get(0).get("errorCode").asText()).isEqualTo("DUPLICATE_VALUE");
        assertThat(json(response).get(0).get("message").asText()).isEqualTo(
                "duplicate value found: External_ERP_Id__c duplicates value on record with id: " + first);
    }

    @Test
    void unknownObjectsAndRecordsOfAnotherObjectAreNotFound() {
        assertError(rest.send("POST", V + "/sobjects/Nope__c", "{}"), 404, "NOT_FOUND",
                "The requested resource does not exist", null);
        String contact = rest.create("60.0", "Contact", "{\"LastName\":\"Lee\"}");
        assertError(rest.get(V + "/sobjects/Account/" + contact), 404, "NOT_FOUND",
                "The requested resource does not exist", null);
    }

    @Test
    void parentsCanBeNamedByExternalId() {
        String account = rest.create("60.0", "Account", "{\"Name\":\"Parent\",\"External_ERP_Id__c\":\"P-77\"}");

        String contact = rest.create("60.0", "Contact",
                "{\"LastName\":\"Child\",\"Account\":{\"External_ERP_Id__c\":\"P-77\"}}");

        assertThat(json(rest.get(V + "/sobjects/Contact/" + contact)).get("AccountId").asText()).isEqualTo(account);
        assertThat(rest.send("POST", V + "/sobjects/Contact",
                "{\"LastName\":\"Orphan\",\"Account\":{\"External_ERP_Id__c\":\"P-78\"}}").body())
                .contains("Foreign key external ID: P-78 not found for field External_ERP_Id__c in entity Account");
    }

    @Test
    void unsupportedMethodsAnswer405() {
        HttpResponse<String> response = rest.send("PUT", V + "/sobjects/Account/001000000000000AAA", "{}");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("METHOD_NOT_ALLOWED");
    }

    static void assertError(HttpResponse<String> response, int status, String code, String messagePart,
                            String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = json(response).get(0);
        assertThat(error.get("errorCode").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).contains(messagePart);
        if (field != null) {
            assertThat(error.get("fields").toString()).isEqualTo("[\"" + field + "\"]");
        }
    }
}
