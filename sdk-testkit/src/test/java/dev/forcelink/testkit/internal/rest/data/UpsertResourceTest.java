package dev.forcelink.testkit.internal.rest.data;

import static dev.forcelink.testkit.internal.rest.RestCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.EmulatorSchema;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.SchemaField;
import dev.forcelink.testkit.internal.rest.RestCalls;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UpsertResourceTest {

    private static SalesforceEmulator emulator;
    private static RestCalls rest;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().schema(EmulatorSchema.builder()
                .object("Shared_Key__c", SchemaField.builder("Code__c", "string").externalId(true).build())
                .build()).start();
        rest = new RestCalls(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void createsThenUpdatesWith201And200InV46AndLater() {
        HttpResponse<String> created = upsert("60.0", "Account", "External_ERP_Id__c", "U-1", "{\"Name\":\"One\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asText();
        assertThat(created.body()).isEqualTo("{\"id\":\"" + id + "\",\"success\":true,\"errors\":[],\"created\":true}");
        assertThat(created.headers().firstValue("Location")).hasValue("/services/data/v60.0/sobjects/Account/" + id);

        HttpResponse<String> updated = upsert("60.0", "Account", "External_ERP_Id__c", "U-1", "{\"Name\":\"Two\"}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.body()).isEqualTo("{\"id\":\"" + id + "\",\"success\":true,\"errors\":[],\"created\":false}");
        assertThat(json(rest.get("/services/data/v60.0/sobjects/Account/" + id)).get("Name").asText()).isEqualTo("Two");
    }

    @Test
    void versions45AndEarlierAnswer204ForAnUpdateAndOmitCreated() {
        HttpResponse<String> created = upsert("45.0", "Account", "External_ERP_Id__c", "OLD-1", "{\"Name\":\"Old\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).has("created")).isFalse();

        HttpResponse<String> updated = upsert("45.0", "Account", "External_ERP_Id__c", "OLD-1", "{\"Name\":\"Older\"}");
        assertThat(updated.statusCode()).isEqualTo(204);
        assertThat(updated.body()).isEmpty();
    }

    @Test
    void severalMatchesAnswer300WithTheRecordUrls() {
        String a = rest.create("60.0", "Shared_Key__c", "{\"Name\":\"a\",\"Code__c\":\"SAME\"}");
        String b = rest.create("60.0", "Shared_Key__c", "{\"Name\":\"b\",\"Code__c\":\"SAME\"}");

        HttpResponse<String> response = upsert("60.0", "Shared_Key__c", "Code__c", "SAME", "{\"Name\":\"c\"}");

        assertThat(response.statusCode()).isEqualTo(300);
        assertThat(response.body()).isEqualTo("[\"/services/data/v60.0/sobjects/Shared_Key__c/" + a
                + "\",\"/services/data/v60.0/sobjects/Shared_Key__c/" + b + "\"]");
        assertThat(rest.get("/services/data/v60.0/sobjects/Shared_Key__c/Code__c/SAME").statusCode()).isEqualTo(300);
    }

    @Test
    void updateOnlyRefusesToCreateFromV61() {
        HttpResponse<String> refused = rest.send("PATCH",
                "/services/data/v61.0/sobjects/Account/External_ERP_Id__c/NONE-1?updateOnly=true", "{\"Name\":\"x\"}");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("\"errorCode\":\"NOT_FOUND\"").contains("updateOnly");

        upsert("61.0", "Account", "External_ERP_Id__c", "SOME-1", "{\"Name\":\"x\"}");
        assertThat(rest.send("PATCH", "/services/data/v61.0/sobjects/Account/External_ERP_Id__c/SOME-1?updateOnly=true",
                "{\"Name\":\"y\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownOrNonExternalIdFieldAnswers404() {
        for (String field : new String[] {"Nope__c", "Name"}) {
            HttpResponse<String> response = upsert("60.0", "Account", field, "v", "{\"Name\":\"x\"}");
            assertThat(response.statusCode()).as(field).isEqualTo(404);
            assertThat(json(response).get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void encodedValuesReachTheRecordCarryingThem() {
        String[] values = {"a/b", "..", "what?", "hash#tag", "100%", "Zürich-東京", "a b+c", "./x/../y"};
        for (String value : values) {
            HttpResponse<String> created = upsert("60.0", "Account", "External_ERP_Id__c", value,
                    "{\"Name\":\"n\"}");
            assertThat(created.statusCode()).as(value).isEqualTo(201);
            String id = json(created).get("id").asText();

            JsonNode record = json(rest.get("/services/data/v60.0/sobjects/Account/External_ERP_Id__c/" + encode(value)));
            assertThat(record.get("Id").asText()).as(value).isEqualTo(id);
            assertThat(record.get("External_ERP_Id__c").asText()).as(value).isEqualTo(value);
            assertThat(upsert("60.0", "Account", "External_ERP_Id__c", value, "{\"Name\":\"m\"}").statusCode())
                    .as(value).isEqualTo(200);
        }
    }

    @Test
    void idAsExternalIdInsertsWithPostAndUpdatesWithPatch() {
        HttpResponse<String> inserted = rest.send("POST", "/services/data/v60.0/sobjects/Account/Id", "{\"Name\":\"ById\"}");
        assertThat(inserted.statusCode()).isEqualTo(201);
        assertThat(json(inserted).get("created").asBoolean()).isTrue();
        String id = json(inserted).get("id").asText();

        HttpResponse<String> updated = upsert("60.0", "Account", "Id", id, "{\"Name\":\"ById2\"}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).get("created").asBoolean()).isFalse();
    }

    private static HttpResponse<String> upsert(String version, String object, String field, String value,
                                               String body) {
        return rest.send("PATCH", "/services/data/v" + version + "/sobjects/" + object + "/" + field + "/"
                + encode(value), body);
    }

    /** Percent-encodes every byte but the unreserved characters, so {@code /} and {@code .} arrive encoded too. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
