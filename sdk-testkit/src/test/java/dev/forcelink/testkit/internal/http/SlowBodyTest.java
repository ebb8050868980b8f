package dev.forcelink.testkit.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.testkit.internal.fault.BodyPacing;
import dev.forcelink.testkit.internal.fault.FaultRegistry;
import dev.forcelink.testkit.internal.fault.FaultRule;
import dev.forcelink.testkit.internal.fault.Journal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slow bodies on the wire, against the front alone with a two-thread request pool: that pool is what many slow
 * bodies must not starve. Each test waits for scripted pauses of at most about a second.
 */
class SlowBodyTest {

    private static final byte[] BODY = body(10_000);
    private static final int TRUNCATED_AT = 5_000;

    private final FaultRegistry faults = new FaultRegistry();
    private HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String scheme = "http";
    private HttpFront front;

    @BeforeEach
    void start() {
        front = startFront(null);
    }

    private HttpFront startFront(SSLContext tls) {
        Router router = new Router();
        router.add("GET", "/body", exchange -> exchange.sendBytes(200, "text/plain", BODY));
        router.add("GET", "/stream", exchange -> exchange.sendStream(200, "text/csv", out -> {
            for (int from = 0; from < BODY.length; from += 1_000) {
                out.write(BODY, from, Math.min(1_000, BODY.length - from));
            }
        }));
        router.add("GET", "/truncated", exchange -> exchange.sendTruncated(200, "text/csv", BODY.length,
                out -> out.write(BODY, 0, TRUNCATED_AT)));
        router.add("GET", "/ping", exchange -> exchange.sendBytes(200, "text/plain",
                "pong".getBytes(StandardCharsets.UTF_8)));
        router.add("GET", "/empty", exchange -> exchange.sendEmpty(204));
        HttpFront started = new HttpFront(new InetSocketAddress("127.0.0.1", 0), tls, 2, router, faults,
                new Journal(100), Clock.systemUTC());
        started.start();
        return started;
    }

    @AfterEach
    void stop() {
        front.close();
    }

    @Test
    void dribbledBodyArrivesCompleteChunkedAndSpreadOverTheScriptedTime() throws Exception {
        byte[] undribbled = get("/body", false).body();
        script(BodyPacing.dribble(5, Duration.ofMillis(500)));

        long sent = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request("/body", false),
                HttpResponse.BodyHandlers.ofInputStream());
        TimedBody body = TimedBody.read(response.body());

        assertThat(body.bytes).isEqualTo(undribbled).isEqualTo(BODY);
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(Duration.ofNanos(body.endNanos - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        // The last of five pieces leaves 400 ms after the first: the body trickles rather than arriving at the end.
        assertThat(Duration.ofNanos(body.endNanos - body.firstNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        awaitOpenExchanges(0);
    }

    @Test
    void stalledBodySendsAFewBytesThenWaitsThenTheRest() throws Exception {
        script(BodyPacing.stall(Duration.ofMillis(600), false));

        long sent = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request("/body", false),
                HttpResponse.BodyHandlers.ofInputStream());
        TimedBody body = TimedBody.read(response.body());

        assertThat(body.bytes).isEqualTo(BODY);
        assertThat(body.firstRead).isBetween(1, 8);
        assertThat(Duration.ofNanos(body.endNanos - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(Duration.ofNanos(body.endNanos - body.firstNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void stallThenDropAnnouncesTheWholeBodyAndClosesTheConnectionAfterTheStall() throws Exception {
        script(BodyPacing.stall(Duration.ofMillis(300), true));

        long sent = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request("/body", false),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(BODY.length);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        assertThatThrownBy(() -> response.body().transferTo(received)).isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(received.toByteArray()).hasSizeBetween(1, 8);
        awaitOpenExchanges(0);
    }

    @Test
    void dribbledGzipBodyIsTheSameValidGzipStream() throws Exception {
        for (String path : List.of("/body", "/stream")) {
            HttpResponse<byte[]> plain = get(path, true);
            script(BodyPacing.dribble(7, Duration.ofMillis(140)));
            HttpResponse<byte[]> dribbled = get(path, true);

            assertThat(dribbled.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(dribbled.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
            assertThat(dribbled.body()).isEqualTo(plain.body());
            try (InputStream gunzipped = new GZIPInputStream(new ByteArrayInputStream(dribbled.body()))) {
                assertThat(gunzipped.readAllBytes()).as(path).isEqualTo(BODY);
            }
        }
    }

    @Test
    void dribbledStreamedBodyIsComplete() throws Exception {
        script(BodyPacing.dribble(3, Duration.ofMillis(90)));

        HttpResponse<byte[]> response = get("/stream", false);

        assertThat(response.body()).isEqualTo(BODY);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv");
    }

    @Test
    void dribbledTruncatedBodyStillEndsInADroppedConnection() throws Exception {
        script(BodyPacing.dribble(2, Duration.ofMillis(100)));

        HttpResponse<InputStream> response = client.send(request("/truncated", false),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(BODY.length);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        assertThatThrownBy(() -> response.body().transferTo(received)).isInstanceOf(IOException.class);
        assertThat(received.size()).isEqualTo(TRUNCATED_AT);
        awaitOpenExchanges(0);
    }

    @Test
    void responseWithoutBodyIsSentAsUsual() throws Exception {
        script(BodyPacing.stall(Duration.ofSeconds(30), false));

        HttpResponse<byte[]> response = client.send(request("/empty", false), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(204);
        awaitOpenExchanges(0);
    }

    @Test
    void abandonedDribblesReleaseTheirExchangesAndNeverStarveOtherRequests() throws Exception {
        int dribbles = 50;
        // A piece every 500 ms for 30 s: only a writer that notices the closed connection lets go within the test.
        faults.add(FaultRule.paceBody((method, path) -> path.equals("/body"), "/body", dribbles,
                BodyPacing.dribble(60, Duration.ofSeconds(30))));
        List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
        for (int i = 0; i < dribbles; i++) {
            calls.add(client.sendAsync(request("/body", false), HttpResponse.BodyHandlers.ofByteArray()));
        }
        awaitOpenExchanges(dribbles);

        // Two request threads, fifty bodies under way: the emulator still answers at once.
        assertThat(get("/ping", false).body()).asString(StandardCharsets.UTF_8).isEqualTo("pong");
        assertThatThrownBy(() -> CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        calls.forEach(call -> call.cancel(true));

        awaitOpenExchanges(0);
        assertThat(calls).allMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(get("/ping", false).statusCode()).isEqualTo(200);
        assertThat(faults.pending()).isZero();
    }

    @Test
    void overTlsADribbledBodyIsCompleteAndAnAbandonedOneIsReleased() throws Exception {
        TlsMaterial tls = TlsMaterial.generate();
        front.close();
        front = startFront(tls.serverContext());
        scheme = "https";
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls.clientContext()).build();
        script(BodyPacing.dribble(3, Duration.ofMillis(150)));

        assertThat(get("/body", false).body()).isEqualTo(BODY);

        script(BodyPacing.dribble(60, Duration.ofSeconds(30)));
        CompletableFuture<HttpResponse<byte[]>> abandoned = client.sendAsync(request("/body", false),
                HttpResponse.BodyHandlers.ofByteArray());
        awaitOpenExchanges(1);
        abandoned.cancel(true);
        awaitOpenExchanges(0);
    }

    @Test
    void closingTheFrontCutsSlowBodiesOff() throws Exception {
        script(BodyPacing.stall(Duration.ofSeconds(30), false));
        HttpResponse<InputStream> response = client.send(request("/body", false),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.body().read()).isNotNegative();

        front.close();

        assertThatThrownBy(() -> response.body().readAllBytes()).isInstanceOf(IOException.class);
    }

    private void script(BodyPacing pacing) {
        faults.add(FaultRule.paceBody((method, path) -> true, "any", 1, pacing));
    }

    private HttpRequest request(String path, boolean gzip) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + front.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return request.GET().build();
    }

    private HttpResponse<byte[]> get(String path, boolean gzip) throws IOException, InterruptedException {
        return client.send(request(path, gzip), HttpResponse.BodyHandlers.ofByteArray());
    }

    // Polls: the front releases an exchange just after its client has the answer, or at the next failed write.
    private void awaitOpenExchanges(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (front.openExchanges() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(front.openExchanges()).as("open exchanges").isEqualTo(expected);
    }

    private static byte[] body(int length) {
        Random random = new Random(42);
        String words = "Account Contact Opportunity Order Lead Case Name Amount StageName CloseDate ";
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(words, random.nextInt(words.length() - 10), words.length()).append(random.nextInt(1000));
        }
        return text.substring(0, length).getBytes(StandardCharsets.UTF_8);
    }

    /** A body read to its end, with when its first bytes and its end arrived. */
    private static final class TimedBody {
        byte[] bytes;
        int firstRead;
        long firstNanos;
        long endNanos;

        static TimedBody read(InputStream in) throws IOException {
            TimedBody timed = new TimedBody();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (n > 0 && timed.firstRead == 0) {
                        timed.firstRead = n;
                        timed.firstNanos = System.nanoTime();
                    }
                    all.write(buffer, 0, n);
                }
            }
            timed.endNanos = System.nanoTime();
            timed.bytes = all.toByteArray();
            return timed;
        }
    }
}
