package dev.forcelink.testkit.internal.uiapi;

import static dev.forcelink.testkit.internal.rest.RestCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.org.ChangeLog;
import dev.forcelink.testkit.internal.org.ChangeType;
import dev.forcelink.testkit.internal.org.ChangeLogEntry;
import dev.forcelink.testkit.internal.rest.CapturedRuntimes;
import dev.forcelink.testkit.internal.rest.RestCalls;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UiApiRecordsTest {

    private static final String RECORDS = "/services/data/v60.0/ui-api/records";

    private SalesforceEmulator emulator;
    private RestCalls rest;
    private ChangeLog changeLog;

    @BeforeEach
    void start() {
        emulator = SalesforceEmulator.start();
        rest = new RestCalls(emulator);
        changeLog = CapturedRuntimes.of(emulator).store().changeLog();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void createAnswersTheRecordRepresentation() {
        HttpResponse<String> response = rest.send("POST", RECORDS,
                "{\"apiName\":\"Account\",\"fields\":{\"Name\":\"Ui Co\",\"Industry\":\"Banking\"}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode record = json(response);
        assertThat(record.get("apiName").asText()).isEqualTo("Account");
        assertThat(record.get("id").asText()).startsWith("001");
        assertThat(record.get("fields").get("Name").get("value").asText()).isEqualTo("Ui Co");
        assertThat(record.get("fields").get("Name").has("displayValue")).isTrue();
        assertThat(record.get("fields").get("Industry").get("displayValue").asText()).isEqualTo("Banking");
        assertThat(record.get("lastModifiedDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void getPatchAndDelete() {
        String id = json(rest.send("POST", RECORDS, "{\"apiName\":\"Account\",\"fields\":{\"Name\":\"A\"}}"))
                .get("id").asText();

        JsonNode got = json(rest.get(RECORDS + "/" + id + "?fields=Account.Name"));
        assertThat(got.get("fields").size()).isEqualTo(1);
        assertThat(got.get("fields").get("Name").get("value").asText()).isEqualTo("A");
        HttpResponse<String> patched = rest.send("PATCH", RECORDS + "/" + id, "{\"fields\":{\"Name\":\"B\"}}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(json(patched).get("fields").get("Name").get("value").asText()).isEqualTo("B");
        assertThat(rest.send("DELETE", RECORDS + "/" + id, null).statusCode()).isEqualTo(204);
        assertThat(rest.get(RECORDS + "/" + id).statusCode()).isEqualTo(404);
        assertThat(rest.get(RECORDS + "/" + id + "?fields=Account.Nope").statusCode()).isEqualTo(404);
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponseWithoutANewChange() {
        String key = UUID.randomUUID().toString();
        String body = "{\"apiName\":\"Account\",\"fields\":{\"Name\":\"Once\"}}";

        HttpResponse<String> first = rest.send("POST", RECORDS, body, "Idempotency-Key", key);
        HttpResponse<String> second = rest.send("POST", RECORDS, body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(changeLog.entries()).hasSize(1);

        HttpResponse<String> other = rest.send("POST", RECORDS, body, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(json(other).get("id").asText()).isNotEqualTo(json(first).get("id").asText());
        assertThat(changeLog.entries()).hasSize(2);
    }

    @Test
    void idempotentDeleteAndUpdateReplay() {
        String id = json(rest.send("POST", RECORDS, "{\"apiName\":\"Account\",\"fields\":{\"Name\":\"A\"}}"))
                .get("id").asText();
        String key = UUID.randomUUID().toString();

        assertThat(rest.send("PATCH", RECORDS + "/" + id, "{\"fields\":{\"Name\":\"B\"}}", "Idempotency-Key", key)
                .statusCode()).isEqualTo(200);
        assertThat(rest.send("PATCH", RECORDS + "/" + id, "{\"fields\":{\"Name\":\"B\"}}", "Idempotency-Key", key)
                .statusCode()).isEqualTo(200);
        String deleteKey = UUID.randomUUID().toString();
        assertThat(rest.send("DELETE", RECORDS + "/" + id, null, "Idempotency-Key", deleteKey).statusCode())
                .isEqualTo(204);
        assertThat(rest.send("DELETE", RECORDS + "/" + id, null, "Idempotency-Key", deleteKey).statusCode())
                .isEqualTo(204);

        assertThat(changeLog.entries()).extracting(ChangeLogEntry::changeType)
                .containsExactly(ChangeType.CREATE, ChangeType.UPDATE, ChangeType.DELETE);
    }

    @Test
    void reusingAKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        rest.send("POST", RECORDS, "{\"apiName\":\"Account\",\"fields\":{\"Name\":\"One\"}}", "Idempotency-Key", key);

        HttpResponse<String> reused = rest.send("POST", RECORDS,
                "{\"apiName\":\"Account\",\"fields\":{\"Name\":\"Two\"}}", "Idempotency-Key", key);

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(json(reused).get(0).get("errorCode").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(json(reused).get(0).get("message").asText()).contains(key);
        assertThat(changeLog.entries()).hasSize(1);
    }

    @Test
    void refusedWritesAreReplayedToo() {
        String key = UUID.randomUUID().toString();
        String body = "{\"apiName\":\"Account\",\"fields\":{\"Industry\":\"Banking\"}}";

        HttpResponse<String> first = rest.send("POST", RECORDS, body, "Idempotency-Key", key);
        HttpResponse<String> second = rest.send("POST", RECORDS, body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(json(first).get(0).get("errorCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(rest.send("POST", RECORDS, "{\"apiName\":\"Nope__c\",\"fields\":{}}").statusCode()).isEqualTo(400);
    }
}
