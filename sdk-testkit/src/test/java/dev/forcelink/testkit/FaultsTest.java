package dev.forcelink.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private static SalesforceEmulator emulator;
    private static Http http;
    private static String token;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start();
        http = new Http(emulator);
        token = emulator.issueAccessToken();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.faults().clear();
        emulator.requests().reset();
    }

    @Test
    void serverUnavailableForTheNextTwoRequestsThenHealthy() {
        emulator.faults().next(2, RequestMatcher.pathStartsWith("/services/data/"))
                .respondError(503, "SERVER_UNAVAILABLE", "Server Unavailable");

        HttpResponse<String> first = http.get("/services/data/v60.0/limits", token);
        HttpResponse<String> second = http.get("/services/data/v60.0/limits", token);
        HttpResponse<String> third = http.get("/services/data/v60.0/limits", token);

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).isEqualTo("[{\"message\":\"Server Unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]");
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(first.headers().firstValue("x-sfdc-request-id")).isPresent();
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(emulator.faults().pending()).isZero();
        assertThat(emulator.requests().list()).extracting(RecordedRequest::status).containsExactly(503, 503, 200);
        assertThat(emulator.requests().list().get(0).fault()).hasValue("respond 503");
    }

    @Test
    void faultsOnlyHitMatchingRequests() {
        emulator.faults().next(1, RequestMatcher.pathStartsWith("/services/data/").method("POST"))
                .respondError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        emulator.faults().next(1, RequestMatcher.pathMatches("/services/data/v\\d+\\.0/limits"))
                .respondError(400, "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record");

        assertThat(http.get("/services/data/", null).statusCode()).isEqualTo(200);
        HttpResponse<String> locked = http.get("/services/data/v60.0/limits", token);
        assertThat(locked.statusCode()).isEqualTo(400);
        assertThat(locked.body()).contains("UNABLE_TO_LOCK_ROW");
        assertThat(emulator.faults().pending()).isEqualTo(1);
    }

    @Test
    void droppedConnectionIsAnIoExceptionForTheClient() {
        emulator.faults().next(1, RequestMatcher.pathStartsWith("/services/oauth2/token")).dropConnection();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.url("/services/oauth2/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(Map.of("grant_type", "client_credentials",
                        "client_id", emulator.clientId(), "client_secret", emulator.clientSecret())))).build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(emulator.requests().list()).singleElement().satisfies(recorded -> {
            assertThat(recorded.status()).isEqualTo(-1);
            assertThat(recorded.fault()).hasValue("drop connection");
        });
    }

    @Test
    void delayIsAppliedAndRecorded() {
        emulator.faults().next(1, RequestMatcher.any()).delay(Duration.ofMillis(150));
        emulator.faults().next(1, RequestMatcher.any()).delay(Duration.ofMillis(50));

        assertThat(http.get("/services/data/", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/services/data/", null).statusCode()).isEqualTo(200);

        List<RecordedRequest> requests = emulator.requests().list();
        assertThat(requests.get(0).injectedDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(requests.get(0).fault()).hasValue("delay PT0.2S");
        assertThat(requests.get(1).injectedDelay()).isEqualTo(Duration.ZERO);
        assertThat(requests.get(1).fault()).isEmpty();
    }

    @Test
    void revokeTokenMakesTheNextCallUnauthorized() {
        String own = emulator.issueAccessToken();
        assertThat(http.get("/services/data/v60.0/limits", own).statusCode()).isEqualTo(200);

        assertThat(emulator.faults().revokeToken(own)).isTrue();

        assertThat(http.get("/services/data/v60.0/limits", own).statusCode()).isEqualTo(401);
    }

    @Test
    void clearRemovesPendingFaults() {
        emulator.faults().next(5, RequestMatcher.any()).respond(500, "");
        emulator.faults().clear();
        assertThat(http.get("/services/data/", null).statusCode()).isEqualTo(200);
    }

    @Test
    void journalCountsAndRedactsSecrets() {
        http.get("/services/data/v60.0/limits", token);
        http.get("/services/oauth2/revoke?token=" + emulator.issueAccessToken(), null);
        http.postForm("/services/oauth2/token", Map.of("grant_type", "client_credentials",
                "client_id", emulator.clientId(), "client_secret", emulator.clientSecret()));

        RequestJournal journal = emulator.requests();
        assertThat(journal.count()).isEqualTo(3);
        assertThat(journal.countOf("POST", "/services/oauth2/token")).isEqualTo(1);
        assertThat(journal.countOf(null, "/services/")).isEqualTo(3);
        RecordedRequest limits = journal.list().get(0);
        assertThat(limits.header("authorization")).isEqualTo(RecordedRequest.REDACTED);
        assertThat(limits.path()).isEqualTo("/services/data/v60.0/limits");
        assertThat(journal.list().get(1).query()).isEqualTo("token=" + RecordedRequest.REDACTED);
        assertThat(journal.list().toString()).doesNotContain(token);

        journal.reset();
        assertThat(journal.count()).isZero();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> emulator.faults().next(0, RequestMatcher.any()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.faults().next(1, RequestMatcher.any()).delay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.faults().next(1, RequestMatcher.any()).respond(99, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
