package dev.forcelink.testkit.internal.rest.composite;

import static dev.forcelink.testkit.internal.rest.RestCalls.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.RecordMatcher;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.rest.RestCalls;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RowLockFaultsTest {

    private static final String URL = "/services/data/v60.0/composite/sobjects";

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
    void aShareOfACollectionsCallFailsWithLockErrorsAndTheRestIsSaved() {
        emulator.faults().lockRecords(RecordMatcher.object("Account").share(0.10, 42L), Integer.MAX_VALUE);

        JsonNode results = json(rest.send("POST", URL, accounts(200)));

        List<Integer> locked = lockedIndexes(results);
        assertThat(locked.size()).isBetween(5, 40);
        for (int i : locked) {
            JsonNode error = results.get(i).get("errors").get(0);
            assertThat(results.get(i).has("id")).isFalse();
            assertThat(error.get("message").asText()).startsWith("unable to obtain exclusive access to this record");
            assertThat(error.get("fields")).isEmpty();
        }
        int saved = json(rest.get("/services/data/v60.0/query?q=SELECT+COUNT()+FROM+Account")).get("totalSize").asInt();
        assertThat(saved).isEqualTo(200 - locked.size());
    }

    @Test
    void theSameSeedPicksTheSameRecords() {
        emulator.faults().lockRecords(RecordMatcher.any().share(0.10, 7L), 1_000);
        List<Integer> first = lockedIndexes(json(rest.send("POST", URL, accounts(100))));
        emulator.faults().clear();
        emulator.faults().lockRecords(RecordMatcher.any().share(0.10, 7L), 1_000);
        List<Integer> second = lockedIndexes(json(rest.send("POST", URL, accounts(100))));

        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void chosenRecordsFailUntilTheCountIsSpent() {
        String a = rest.create("60.0", "Account", "{\"Name\":\"A\"}");
        String b = rest.create("60.0", "Account", "{\"Name\":\"B\"}");
        emulator.faults().lockRecords(RecordMatcher.ids(a), 1);
        String update = """
                {"records": [{"attributes": {"type": "Account"}, "Id": "%s", "Industry": "Banking"},
                             {"attributes": {"type": "Account"}, "Id": "%s", "Industry": "Banking"}]}"""
                .formatted(a, b);

        JsonNode first = json(rest.send("PATCH", URL, update));
        JsonNode second = json(rest.send("PATCH", URL, update));

        assertThat(first.get(0).get("id").asText()).isEqualTo(a);
        assertThat(first.get(0).get("errors").get(0).get("statusCode").asText()).isEqualTo("UNABLE_TO_LOCK_ROW");
        assertThat(first.get(0).get("errors").get(0).get("message").asText())
                .isEqualTo("unable to obtain exclusive access to this record or 1 records: " + a);
        assertThat(first.get(1).get("success").asBoolean()).isTrue();
        assertThat(second).allSatisfy(r -> assertThat(r.get("success").asBoolean()).isTrue());
        assertThat(emulator.faults().pendingRecordLocks()).isZero();
    }

    @Test
    void locksHitTreeAndCompositeWritesToo() {
        emulator.faults().lockRecords(RecordMatcher.object("Contact").fieldEquals("LastName", "Busy"), 2);

        JsonNode tree = json(rest.send("POST", "/services/data/v60.0/composite/tree/Account", """
                {"records": [{"attributes": {"type": "Account", "referenceId": "a"}, "Name": "Parent",
                  "Contacts": {"records": [{"attributes": {"type": "Contact", "referenceId": "c"}, "LastName": "Busy"}]}}]}
                """));
        JsonNode composite = json(rest.send("POST", "/services/data/v60.0/composite", """
                {"compositeRequest": [{"method": "POST", "url": "/services/data/v60.0/sobjects/Contact",
                  "referenceId": "c", "body": {"LastName": "Busy"}}]}""")).get("compositeResponse").get(0);

        assertThat(tree.get("hasErrors").asBoolean()).isTrue();
        assertThat(tree.get("results").get(0).get("referenceId").asText()).isEqualTo("c");
        assertThat(tree.get("results").get(0).get("errors").get(0).get("statusCode").asText())
                .isEqualTo("UNABLE_TO_LOCK_ROW");
        assertThat(composite.get("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(composite.get("body").get(0).get("errorCode").asText()).isEqualTo("UNABLE_TO_LOCK_ROW");
        assertThat(rest.create("60.0", "Contact", "{\"LastName\":\"Busy\"}")).startsWith("003");
    }

    @Test
    void clearRemovesPendingLocksAndBadArgumentsAreRefused() {
        emulator.faults().lockRecords(RecordMatcher.any(), 5);
        assertThat(emulator.faults().pendingRecordLocks()).isEqualTo(5);
        emulator.faults().clear();

        JsonNode results = json(rest.send("POST", URL, accounts(3)));

        assertThat(lockedIndexes(results)).isEmpty();
        assertThatThrownBy(() -> emulator.faults().lockRecords(RecordMatcher.any(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordMatcher.any().share(1.5, 1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordMatcher.ids("short")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String accounts(int count) {
        StringBuilder body = new StringBuilder("{\"allOrNone\":false,\"records\":[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Account\"},\"Name\":\"L")
                    .append(i).append("\"}");
        }
        return body.append("]}").toString();
    }

    private static List<Integer> lockedIndexes(JsonNode results) {
        List<Integer> locked = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode errors = results.get(i).get("errors");
            if (!errors.isEmpty() && errors.get(0).get("statusCode").asText().equals("UNABLE_TO_LOCK_ROW")) {
                locked.add(i);
            }
        }
        return locked;
    }
}
