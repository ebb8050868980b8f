package dev.forcelink.testkit.internal.rest.query;

import static dev.forcelink.testkit.internal.rest.RestCalls.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.testkit.MutableClock;
import dev.forcelink.testkit.RecordedRequest;
import dev.forcelink.testkit.SalesforceEmulator;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.org.WriteContext;
import dev.forcelink.testkit.internal.rest.CapturedRuntimes;
import dev.forcelink.testkit.internal.rest.RestCalls;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Child subquery results longer than one child batch: nested as their first batch with {@code done: false}, the
 * rest served by {@code nextRecordsUrl} continuations on the same cursors as top-level results.
 */
class ChildResultPagingTest {

    private static final String V = "/services/data/v60.0";
    private static final String BIG = "SELECT Id, Name, (SELECT Id, LastName FROM Contacts ORDER BY LastName) "
            + "FROM Account WHERE Name = 'Big'";

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private static SalesforceEmulator emulator;
    private static RestCalls rest;
    private static List<String> bigContacts;

    @BeforeAll
    static void seed() {
        emulator = SalesforceEmulator.builder().clock(CLOCK).tokenLifetime(Duration.ofDays(1)).start();
        rest = new RestCalls(emulator);
        RecordStore store = CapturedRuntimes.of(emulator).store();
        bigContacts = store.transaction(WriteContext.of(emulator.userId()), tx -> {
            String big = tx.insert("Account", Map.of("Name", "Big")).id();
            String small = tx.insert("Account", Map.of("Name", "Small")).id();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 450; i++) {
                ids.add(tx.insert("Contact", Map.of("LastName", String.format("C%03d", i), "AccountId", big)).id());
            }
            for (int i = 0; i < 3; i++) {
                tx.insert("Contact", Map.of("LastName", "S" + i, "AccountId", small));
            }
            return ids;
        });
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aChildResultBeyondOneBatchIsNestedAsItsFirstBatchWithTheFullTotal() {
        JsonNode contacts = json(query(BIG)).get("records").get(0).get("Contacts");

        assertThat(contacts.get("totalSize").asInt()).isEqualTo(450);
        assertThat(contacts.get("done").asBoolean()).isFalse();
        assertThat(contacts.get("nextRecordsUrl").asText()).matches(V + "/query/01g\\w+-200");
        assertThat(contacts.get("records")).hasSize(200);
        List<String> names = new ArrayList<>();
        contacts.get("records").forEach(c -> names.add(c.get("LastName").asText()));
        assertThat(names).containsExactlyElementsOf(lastNames(0, 200));
        assertThat(contacts.get("records").get(0).get("attributes").get("type").asText()).isEqualTo("Contact");
    }

    @Test
    void continuationsServeTheRemainingChildrenBatchByBatchEachOnce() {
        JsonNode contacts = json(query(BIG)).get("records").get(0).get("Contacts");
        List<String> ids = ids(contacts);
        List<Integer> batches = new ArrayList<>(List.of(contacts.get("records").size()));
        String next = contacts.get("nextRecordsUrl").asText();
        while (next != null) {
            HttpResponse<String> response = rest.get(next);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = json(response);
            assertThat(page.get("totalSize").asInt()).isEqualTo(450);
            ids.addAll(ids(page));
            batches.add(page.get("records").size());
            next = page.get("done").asBoolean() ? null : page.get("nextRecordsUrl").asText();
            assertThat(page.has("nextRecordsUrl")).isEqualTo(next != null);
        }

        assertThat(batches).containsExactly(200, 200, 50);
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(bigContacts);
        List<RecordedRequest> continuations = emulator.requests().list().stream()
                .filter(r -> r.path().startsWith(V + "/query/")).toList();
        assertThat(continuations).extracting(RecordedRequest::path).last().asString().endsWith("-400");
    }

    @Test
    void aChildResultWithinOneBatchStaysComplete() {
        JsonNode contacts = json(query("SELECT Id, (SELECT Id FROM Contacts) FROM Account WHERE Name = 'Small'"))
                .get("records").get(0).get("Contacts");

        assertThat(contacts.get("totalSize").asInt()).isEqualTo(3);
        assertThat(contacts.get("done").asBoolean()).isTrue();
        assertThat(contacts.has("nextRecordsUrl")).isFalse();
        assertThat(contacts.get("records")).hasSize(3);
    }

    @Test
    void aChildContinuationAlsoAnswersUnderQueryAll() {
        String next = json(query(BIG)).get("records").get(0).get("Contacts").get("nextRecordsUrl").asText();

        JsonNode page = json(rest.get(next.replace("/query/", "/queryAll/")));

        assertThat(page.get("records")).hasSize(200);
    }

    @Test
    void aChildCursorExpiresLikeAnyQueryLocator() {
        // Opened at v55.0, whose cursors expire after 15 idle minutes (the two-day lifetime of v56.0 and later
        // is covered by QueryCursorsTest; moving this shared clock two days would expire the session too).
        HttpResponse<String> legacy = rest.get("/services/data/v55.0/query?q="
                + URLEncoder.encode(BIG, StandardCharsets.UTF_8));
        assertThat(legacy.statusCode()).as(legacy.body()).isEqualTo(200);
        String next = json(legacy).get("records").get(0).get("Contacts").get("nextRecordsUrl").asText();
        assertThat(next).startsWith("/services/data/v55.0/query/");
        CLOCK.advance(Duration.ofMinutes(16));

        HttpResponse<String> response = rest.get(next);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get(0).get("errorCode").asText()).isEqualTo("INVALID_QUERY_LOCATOR");
    }

    @Test
    void theParentResultsNextBatchClosesTheChildCursorsOfTheBatchBefore() {
        try (SalesforceEmulator small = SalesforceEmulator.builder().queryChildBatchSize(2).start()) {
            RestCalls calls = new RestCalls(small);
            CapturedRuntimes.of(small).store().transaction(WriteContext.of(small.userId()), tx -> {
                for (int i = 0; i < 250; i++) {
                    String account = tx.insert("Account", Map.of("Name", String.format("P%03d", i))).id();
                    for (int c = 0; c < 3; c++) {
                        tx.insert("Contact", Map.of("LastName", "K" + c, "AccountId", account));
                    }
                }
                return null;
            });
            JsonNode first = json(calls.get(V + "/query?q=" + URLEncoder.encode(
                    "SELECT Id, (SELECT Id FROM Contacts) FROM Account ORDER BY Name", StandardCharsets.UTF_8),
                    "Sforce-Query-Options", "batchSize=200"));
            JsonNode firstChildren = first.get("records").get(0).get("Contacts");
            assertThat(firstChildren.get("records")).as("nested batch of the configured size").hasSize(2);
            String earlyChild = firstChildren.get("nextRecordsUrl").asText();
            String lateChild = first.get("records").get(199).get("Contacts").get("nextRecordsUrl").asText();
            assertThat(calls.get(earlyChild).statusCode()).as("read before the parent moves on").isEqualTo(200);

            JsonNode second = json(calls.get(first.get("nextRecordsUrl").asText()));

            HttpResponse<String> closed = calls.get(lateChild);
            assertThat(closed.statusCode()).isEqualTo(400);
            assertThat(json(closed).get(0).get("errorCode").asText()).isEqualTo("INVALID_QUERY_LOCATOR");
            assertThat(second.get("records")).hasSize(50);
            JsonNode current = json(calls.get(second.get("records").get(0).get("Contacts").get("nextRecordsUrl")
                    .asText()));
            assertThat(current.get("records")).hasSize(1);
            assertThat(current.get("done").asBoolean()).isTrue();
        }
    }

    @Test
    void theChildBatchSizeIsCheckedWhenTheEmulatorIsBuilt() {
        assertThatThrownBy(() -> SalesforceEmulator.builder().queryChildBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 2000");
        assertThatThrownBy(() -> SalesforceEmulator.builder().queryChildBatchSize(2001))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("records").forEach(r -> ids.add(r.get("Id").asText()));
        return ids;
    }

    private static List<String> lastNames(int from, int to) {
        List<String> names = new ArrayList<>();
        for (int i = from; i < to; i++) {
            names.add(String.format("C%03d", i));
        }
        return names;
    }

    private static HttpResponse<String> query(String soql) {
        HttpResponse<String> response = rest.get(V + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
