package dev.forcelink.testkit.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.forcelink.testkit.internal.fault.FaultRegistry;
import dev.forcelink.testkit.internal.fault.FaultRule;
import dev.forcelink.testkit.internal.fault.Journal;
import dev.forcelink.testkit.internal.fault.JournalEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP(S) server in front of the emulator: gives every response its request id headers, applies scripted
 * faults, routes, turns unexpected failures into Salesforce's error envelope and records the journal.
 *
 * <p>Thread-safe. Requests run on a fixed pool of daemon threads; the JDK server's single dispatcher thread only
 * accepts connections. Slow bodies (dribbled or stalled) are written by one timer thread of their own, so that they
 * hold no request thread while they wait (see {@link PacedBody}).
 */
public final class HttpFront implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);

    static {
        // Without TCP_NODELAY, headers and body leave as two small segments and Nagle's algorithm meets the
        // client's delayed ACK: about 40 ms per response. The JDK server reads this once, when first used.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Router router;
    private final FaultRegistry faults;
    private final Journal journal;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor slowBodyTimer;
    private final AtomicInteger openExchanges = new AtomicInteger();

    /**
     * Binds the server (it does not accept requests until {@link #start()}).
     *
     * @param address host and port; port 0 picks a free port
     * @param sslContext the TLS context, or {@code null} for plain HTTP
     * @param threads size of the request thread pool
     * @param router the routes
     * @param faults scripted faults
     * @param journal where requests are recorded
     * @param clock time source for the journal
     * @throws UncheckedIOException if the port cannot be bound
     */
    public HttpFront(InetSocketAddress address, SSLContext sslContext, int threads, Router router,
                     FaultRegistry faults, Journal journal, Clock clock) {
        this.router = router;
        this.faults = faults;
        this.journal = journal;
        this.clock = clock;
        try {
            if (sslContext != null) {
                HttpsServer https = HttpsServer.create(address, 1024);
                https.setHttpsConfigurator(new HttpsConfigurator(sslContext));
                server = https;
            } else {
                server = HttpServer.create(address, 1024);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the emulator to " + address + ": " + e.getMessage()
                    + ". Choose another port or 0 for a free one.", e);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "forcelink-emulator-http-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        server.setExecutor(executor);
        slowBodyTimer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "forcelink-emulator-slow-body");
            thread.setDaemon(true);
            return thread;
        });
        slowBodyTimer.setRemoveOnCancelPolicy(true);
        server.createContext("/", this::dispatch);
    }

    /** Starts accepting requests. */
    public void start() {
        server.start();
    }

    /** @return the bound port */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * @return how many exchanges are being handled or still sending a slow body; back to its old value once the
     *     requests are answered and every slow body has ended or found its client gone
     */
    public int openExchanges() {
        return openExchanges.get();
    }

    /** Stops the server at once and ends its threads; slow bodies still under way are cut off. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        slowBodyTimer.shutdownNow();
    }

    private void dispatch(HttpExchange http) {
        openExchanges.incrementAndGet();
        String requestId = RequestIds.next();
        http.getResponseHeaders().set("x-sfdc-request-id", requestId);
        http.getResponseHeaders().set("x-request-id", requestId);
        String rawPath = http.getRequestURI().getRawPath();
        JournalWriter entry = new JournalWriter(http, requestId, clock.instant());
        Exchange exchange = null;
        try {
            List<String> segments = decodeSegments(rawPath);
            exchange = new Exchange(http, segments, requestId);
            entry.path = "/" + String.join("/", segments);
            exchange.onResponse(entry::record);
            FaultRegistry.Decision decision = faults.decide(exchange.method(), entry.path);
            if (decision != null) {
                entry.delay = decision.delay();
                entry.fault = describe(decision);
                if (!entry.delay.isZero()) {
                    Thread.sleep(entry.delay.toMillis(), entry.delay.toNanosPart() % 1_000_000);
                }
                if (decision.pacing() != null) {
                    exchange.paceBody(new PacedBody(decision.pacing(), slowBodyTimer, requestId,
                            openExchanges::decrementAndGet));
                }
                if (decision.outcome() != null) {
                    applyOutcome(exchange, decision.outcome());
                    return;
                }
            }
            route(exchange);
        } catch (IllegalArgumentException e) {
            respondQuietly(http, exchange, entry, 400, "MALFORMED_URL",
                    "The request could not be parsed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (exchange != null && !exchange.responded()) {
                exchange.dropConnection();
            }
        } catch (IOException e) {
            LOG.debug("Connection failed while handling {} {} (request {}): {}", http.getRequestMethod(), rawPath,
                    requestId, e.toString());
        } catch (RuntimeException e) {
            LOG.warn("Unexpected failure handling {} {} (request {})", http.getRequestMethod(), rawPath, requestId, e);
            respondQuietly(http, exchange, entry, 500, "UNKNOWN_EXCEPTION",
                    "An unexpected error occurred. Please include this ErrorId if you contact support: " + requestId);
        } finally {
            if (exchange != null && !exchange.responded()) {
                respondQuietly(http, exchange, entry, 500, "UNKNOWN_EXCEPTION",
                        "No response was produced for this request.");
            }
            entry.record(exchange != null && exchange.responded() ? exchange.status() : 500);
            if (exchange == null || !exchange.bodyHandedOff()) {
                http.close();
                openExchanges.decrementAndGet();
            }
            LOG.debug("{} {} -> {} (request {})", http.getRequestMethod(), rawPath, entry.status, requestId);
        }
    }

    /** Builds one journal entry while a request is handled and records it once, when the response starts. */
    private final class JournalWriter {
        private final HttpExchange http;
        private final String requestId;
        private final Instant receivedAt;
        private String path;
        private String fault;
        private Duration delay = Duration.ZERO;
        private int status;
        private boolean recorded;

        JournalWriter(HttpExchange http, String requestId, Instant receivedAt) {
            this.http = http;
            this.requestId = requestId;
            this.receivedAt = receivedAt;
            this.path = http.getRequestURI().getRawPath();
        }

        void record(int statusCode) {
            if (recorded) {
                return;
            }
            recorded = true;
            status = statusCode;
            journal.record(new JournalEntry(receivedAt, requestId, http.getRequestMethod(), path,
                    http.getRequestURI().getRawQuery(), http.getRequestHeaders(), statusCode, fault, delay));
        }
    }

    private void route(Exchange exchange) throws IOException {
        Router.Resolution resolution = router.resolve(exchange.method(), exchange.segments());
        if (resolution.handler() != null) {
            exchange.pathVariables(resolution.variables());
            resolution.handler().handle(exchange);
        } else if (!resolution.allowedMethods().isEmpty()) {
            String allowed = String.join(",", resolution.allowedMethods());
            exchange.responseHeader("Allow", allowed);
            exchange.sendError(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + exchange.method()
                    + "' not allowed. Allowed are " + allowed);
        } else {
            exchange.sendError(404, "NOT_FOUND", "The requested resource does not exist");
        }
    }

    private static void applyOutcome(Exchange exchange, FaultRule rule) throws IOException {
        if (rule.kind() == FaultRule.Kind.DROP) {
            exchange.dropConnection();
        } else {
            byte[] body = rule.body() == null ? new byte[0] : rule.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendBytes(rule.status(), body.length == 0 ? null : Exchange.JSON_TYPE, body);
        }
    }

    private static String describe(FaultRegistry.Decision decision) {
        List<String> parts = new ArrayList<>(3);
        if (!decision.delay().isZero()) {
            parts.add("delay " + decision.delay());
        }
        if (decision.outcome() != null) {
            parts.add(decision.outcome().kind() == FaultRule.Kind.DROP ? "drop connection"
                    : "respond " + decision.outcome().status());
        }
        if (decision.pacing() != null) {
            parts.add(decision.pacing().toString());
        }
        return String.join(", ", parts);
    }

    private static void respondQuietly(HttpExchange http, Exchange exchange, JournalWriter entry, int status,
                                       String code, String message) {
        try {
            if (exchange == null) {
                entry.record(status);
                byte[] body = ("[{\"message\":\"" + message.replace("\"", "'") + "\",\"errorCode\":\"" + code + "\"}]")
                        .getBytes(StandardCharsets.UTF_8);
                http.getResponseHeaders().set("Content-Type", Exchange.JSON_TYPE);
                http.sendResponseHeaders(status, body.length);
                http.getResponseBody().write(body);
            } else if (!exchange.responded()) {
                exchange.sendError(status, code, message);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not send the error response: {}", e.toString());
        }
    }

    /**
     * Splits a raw path into percent-decoded segments ({@code +} stays a plus, as in a path).
     *
     * @param rawPath the raw path
     * @return the decoded non-empty segments
     * @throws IllegalArgumentException if a percent escape is malformed
     */
    static List<String> decodeSegments(String rawPath) {
        List<String> raw = PathPattern.split(rawPath == null ? "/" : rawPath);
        List<String> decoded = new ArrayList<>(raw.size());
        for (String segment : raw) {
            decoded.add(segment.indexOf('%') < 0 ? segment : percentDecode(segment));
        }
        return decoded;
    }

    private static String percentDecode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    throw new IllegalArgumentException("incomplete percent escape in path segment");
                }
                int high = Character.digit(segment.charAt(i + 1), 16);
                int low = Character.digit(segment.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("bad percent escape in path segment");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
