package dev.forcelink.testkit.internal.rest.data;

import static dev.forcelink.testkit.internal.rest.RestCalls.json;
import static dev.forcelink.testkit.internal.rest.data.UpsertResourceTest.encode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.testkit.EmulatorSchema;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.SchemaField;
import dev.forcelink.testkit.internal.org.ChangeLogEntry;
import dev.forcelink.testkit.internal.org.ChangeType;
import dev.forcelink.testkit.internal.rest.CapturedRuntimes;
import dev.forcelink.testkit.internal.rest.RestCalls;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code DELETE /sobjects/{Object}/{field}/{value}}: the one match deleted, 404 for none, 300 for several. */
class DeleteByExternalIdResourceTest {

    private static final String V = "/services/data/v60.0";
    private static final String NOT_FOUND =
            "[{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\",\"fields\":[]}]";

    private SalesforceEmulator emulator;
    private RestCalls rest;

    @BeforeEach
    void start() {
        emulator = SalesforceEmulator.builder().schema(EmulatorSchema.builder()
                .object("Shared_Key__c", SchemaField.builder("Code__c", "string").externalId(true).build())
                .build()).start();
        rest = new RestCalls(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String upsert(String field, String value) {
        HttpResponse<String> created = rest.send("PATCH", V + "/sobjects/Account/" + field + "/" + encode(value),
                "{\"Name\":\"n\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    private HttpResponse<String> delete(String object, String field, String value) {
        return rest.send("DELETE", V + "/sobjects/" + object + "/" + field + "/" + encode(value), null);
    }

    @Test
    void theOneMatchIsDeletedWith204AndNoBody() {
        String id = upsert("External_ERP_Id__c", "DEL-1");

        HttpResponse<String> deleted = delete("Account", "External_ERP_Id__c", "DEL-1");

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(rest.get(V + "/sobjects/Account/" + id).body()).contains("ENTITY_IS_DELETED");
        assertThat(rest.get(V + "/sobjects/Account/External_ERP_Id__c/DEL-1").statusCode()).isEqualTo(404);
        String soql = "SELECT IsDeleted FROM Account WHERE Id = '" + id + "'";
        assertThat(json(rest.get(V + "/queryAll?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)))
                .get("records").get(0).get("IsDeleted").asBoolean()).as("in the recycle bin").isTrue();
    }

    @Test
    void noMatchAndASecondDeleteAnswer404NotFound() {
        upsert("External_ERP_Id__c", "DEL-2");
        assertThat(delete("Account", "External_ERP_Id__c", "DEL-2").statusCode()).isEqualTo(204);

        for (String value : List.of("DEL-2", "NEVER-1")) {
            HttpResponse<String> response = delete("Account", "External_ERP_Id__c", value);
            assertThat(response.statusCode()).as(value).isEqualTo(404);
            assertThat(response.body()).as(value).isEqualTo(NOT_FOUND);
        }
    }

    @Test
    void severalMatchesAnswer300WithTheRecordUrlsAndDeleteNothing() {
        String a = rest.create("60.0", "Shared_Key__c", "{\"Name\":\"a\",\"Code__c\":\"SAME\"}");
        String b = rest.create("60.0", "Shared_Key__c", "{\"Name\":\"b\",\"Code__c\":\"SAME\"}");

        HttpResponse<String> response = delete("Shared_Key__c", "Code__c", "SAME");

        assertThat(response.statusCode()).isEqualTo(300);
        assertThat(response.body()).isEqualTo("[\"" + V + "/sobjects/Shared_Key__c/" + a + "\",\"" + V
                + "/sobjects/Shared_Key__c/" + b + "\"]");
        assertThat(rest.get(V + "/sobjects/Shared_Key__c/" + a).statusCode()).isEqualTo(200);
        assertThat(rest.get(V + "/sobjects/Shared_Key__c/" + b).statusCode()).isEqualTo(200);
        assertThat(CapturedRuntimes.of(emulator).store().changeLog().entries()).extracting(ChangeLogEntry::changeType)
                .containsExactly(ChangeType.CREATE, ChangeType.CREATE);
    }

    @Test
    void aFieldThatIsNoExternalIdAnswers404AndDeletesNothing() {
        String id = upsert("External_ERP_Id__c", "DEL-3");
        rest.send("PATCH", V + "/sobjects/Account/" + id, "{\"Name\":\"Unique Name\"}");

        for (String field : List.of("Name", "Nope__c")) {
            HttpResponse<String> response = delete("Account", field, "Unique Name");
            assertThat(response.statusCode()).as(field).isEqualTo(404);
            assertThat(json(response).get(0).get("errorCode").asText()).as(field).isEqualTo("NOT_FOUND");
        }
        assertThat(rest.get(V + "/sobjects/Account/" + id).statusCode()).isEqualTo(200);
        assertThat(delete("Nope__c", "External_ERP_Id__c", "DEL-3").statusCode()).isEqualTo(404);
    }

    @Test
    void idServesAsTheExternalIdField() {
        String id = rest.create("60.0", "Account", "{\"Name\":\"By Id\"}");

        assertThat(delete("Account", "Id", id).statusCode()).isEqualTo(204);
        assertThat(delete("Account", "Id", id).statusCode()).isEqualTo(404);
        assertThat(delete("Account", "Id", "not-an-id").statusCode()).isEqualTo(404);
    }

    @Test
    void encodedValuesDeleteOnlyTheRecordCarryingThem() {
        List<String> values = List.of("a/b", "a b", "..", "what?x=1", "100%", "Zürich-東京", "./x/../y");
        String bystander = upsert("External_ERP_Id__c", "a");
        for (String value : values) {
            String id = upsert("External_ERP_Id__c", value);
            assertThat(delete("Account", "External_ERP_Id__c", value).statusCode()).as(value).isEqualTo(204);
            assertThat(rest.get(V + "/sobjects/Account/" + id).statusCode()).as(value).isEqualTo(404);
        }
        assertThat(rest.get(V + "/sobjects/Account/" + bystander).statusCode()).isEqualTo(200);
    }

    @Test
    void theChangeLogRecordsADeleteOfTheMatchWithItsOrigin() {
        String id = upsert("External_ERP_Id__c", "CDC-1");

        rest.send("DELETE", V + "/sobjects/Account/External_ERP_Id__c/CDC-1", null,
                "Sforce-Call-Options", "client=erp-sync");

        List<ChangeLogEntry> entries = CapturedRuntimes.of(emulator).store().changeLog().entries();
        assertThat(entries).extracting(ChangeLogEntry::changeType).containsExactly(ChangeType.CREATE, ChangeType.DELETE);
        assertThat(entries.get(1).recordIds()).containsExactly(id);
        assertThat(entries.get(1).entityName()).isEqualTo("Account");
        assertThat(entries.get(1).changeOrigin()).isEqualTo("com/salesforce/api/rest/60.0;client=erp-sync");
    }
}
