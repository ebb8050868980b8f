package dev.forcelink.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slow-body faults through {@link Faults}, on an emulator with only two request threads. */
class SlowBodyFaultsTest {

    private static final String VERSIONS = "/services/data/";
    /** Matchers see the decoded path without a trailing slash. */
    private static final RequestMatcher VERSIONS_ONLY = RequestMatcher.pathMatches("/services/data");

    private static SalesforceEmulator emulator;
    private static Http http;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().httpThreads(2).start();
        http = new Http(emulator);
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
    void dribbledBodyIsTheRealBodyAfterTheScriptedTimeAndIsJournaled() {
        String undribbled = http.get(VERSIONS, null).body();
        emulator.faults().next(1, VERSIONS_ONLY).dribbleBody(4, Duration.ofMillis(400));

        long sent = System.nanoTime();
        HttpResponse<String> response = http.get(VERSIONS, null);

        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(undribbled);
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(emulator.faults().pending()).isZero();
        RecordedRequest recorded = emulator.requests().list().get(1);
        assertThat(recorded.fault()).hasValue("dribble body in 4 chunks over PT0.4S");
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.injectedDelay()).isZero();
    }

    @Test
    void delayRespondAndStallCombine() {
        emulator.faults().next(1, RequestMatcher.any()).stallBody(Duration.ofMillis(300));
        emulator.faults().next(1, RequestMatcher.any()).delay(Duration.ofMillis(100));
        emulator.faults().next(1, RequestMatcher.any())
                .respondError(503, "SERVER_UNAVAILABLE", "Server Unavailable");

        long sent = System.nanoTime();
        HttpResponse<String> response = http.get(VERSIONS, null);

        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body())
                .isEqualTo("[{\"message\":\"Server Unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]");
        RecordedRequest recorded = emulator.requests().list().get(0);
        assertThat(recorded.fault()).hasValue("delay PT0.1S, respond 503, stall body PT0.3S");
        assertThat(recorded.injectedDelay()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void dropWinsAndLeavesTheBodyFaultForTheNextRequest() {
        emulator.faults().next(1, RequestMatcher.any()).dribbleBody(2, Duration.ofMillis(100));
        emulator.faults().next(1, RequestMatcher.any()).dropConnection();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        // A POST, because the JDK client sends an idempotent request again when the connection closes unanswered.
        HttpRequest post = HttpRequest.newBuilder(URI.create(http.url(VERSIONS)))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThatThrownBy(() -> client.send(post, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(emulator.faults().pending()).isEqualTo(1);
        assertThat(http.get(VERSIONS, null).statusCode()).isEqualTo(200);

        assertThat(emulator.requests().list()).extracting(request -> request.fault().orElse(""))
                .containsExactly("drop connection", "dribble body in 2 chunks over PT0.1S");
        assertThat(emulator.faults().pending()).isZero();
    }

    @Test
    void stallThenDropIsAnIoErrorAfterTheStall() {
        emulator.faults().next(1, RequestMatcher.any()).stallBodyThenDrop(Duration.ofMillis(200));

        long sent = System.nanoTime();
        assertThatThrownBy(() -> http.get(VERSIONS, null)).hasCauseInstanceOf(IOException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        RecordedRequest recorded = emulator.requests().list().get(0);
        assertThat(recorded.fault()).hasValue("stall body PT0.2S then drop connection");
        assertThat(recorded.status()).isEqualTo(200);
    }

    @Test
    void clientsThatGiveUpOnStalledBodiesLeaveTheEmulatorAnswering() throws Exception {
        int stalled = 10;
        emulator.faults().next(stalled, RequestMatcher.pathStartsWith("/services/data/v60.0"))
                .stallBody(Duration.ofSeconds(20));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < stalled; i++) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create(http.url("/services/data/v60.0/"))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        assertThatThrownBy(() -> CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        // Ten stalled bodies and two request threads: the emulator still answers.
        assertThat(http.get(VERSIONS, null).statusCode()).isEqualTo(200);
        calls.forEach(call -> call.cancel(true));

        assertThat(calls).allMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(http.get(VERSIONS, null).statusCode()).isEqualTo(200);
        assertThat(emulator.faults().pending()).isZero();
    }

    @Test
    void aClientThatGivesUpOnAStalledQueryCancelsIt() {
        String token = emulator.issueAccessToken();
        emulator.faults().next(1, RequestMatcher.pathStartsWith("/services/data/v65.0/query"))
                .stallBody(Duration.ofSeconds(30));
        HttpRequest query = HttpRequest.newBuilder(URI.create(http.url(
                "/services/data/v65.0/query?q=SELECT+Id+FROM+Account"))).header("Authorization", "Bearer " + token)
                .build();

        CompletableFuture<HttpResponse<String>> call = http.client().sendAsync(query,
                HttpResponse.BodyHandlers.ofString());
        assertThatThrownBy(() -> call.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        call.cancel(true);

        assertThat(call).isCompletedExceptionally();
        assertThat(http.get("/services/data/v65.0/query?q=SELECT+Id+FROM+Account", token).statusCode())
                .isEqualTo(200);
        assertThat(emulator.requests().list().get(0).fault()).hasValue("stall body PT30S");
    }

    @Test
    void theJdkRequestTimeoutStopsAtTheHeadersSoAStalledBodyOutlivesIt() {
        // Why docs/testkit.md warns that a per-attempt deadline must cover reading the body as well.
        emulator.faults().next(1, RequestMatcher.any()).stallBody(Duration.ofMillis(800));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(http.url(VERSIONS)))
                .timeout(Duration.ofMillis(200)).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"version\"");
    }

    @Test
    void rejectsNonsense() {
        Faults.Injection injection = emulator.faults().next(1, RequestMatcher.any());

        assertThatThrownBy(() -> injection.dribbleBody(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> injection.dribbleBody(3, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> injection.stallBody(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> injection.stallBodyThenDrop(null)).isInstanceOf(NullPointerException.class);
        assertThat(emulator.faults().pending()).isZero();
    }
}
