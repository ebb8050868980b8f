package dev.forcelink.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.forcelink.core.exception.ConnectionException;
import dev.forcelink.core.exception.RequestTimeoutException;
import dev.forcelink.core.http.Idempotency;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.retry.RetryPolicy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A slow-loris server: it sends its headers at once and then dribbles or stalls the body.
 * The attempt timeout covers the whole response, the call deadline holds, a write that may have
 * arrived is not resent, and thousands of abandoned responses leave no thread or socket behind.
 */
class SlowResponseTest {
  private static final String PATH = "/services/data/v65.0/query";
  private static final String BODY = "{\"totalSize\":0,\"done\":true,\"records\":[]," + "\"pad\":\""
      + "x".repeat(2_000) + "\"}";
  private static final SalesforceRequest GET = SalesforceRequest.builder().get().path(PATH).build();

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().containerThreads(200))
      .build();

  private WireMockRuntimeInfo wm;

  @BeforeEach
  void reset() {
    wm = server.getRuntimeInfo();
    server.resetAll();
  }

  /**
   * The body arrives in {@code chunks} pieces spread over {@code total}; the server sends the headers
   * with the first piece, after {@code total / chunks}.
   */
  private void dribble(int chunks, Duration total) {
    server.stubFor(any(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(BODY)
        .withChunkedDribbleDelay(chunks, (int) total.toMillis())));
  }

  private SalesforceConnection connection(RetryPolicy policy) {
    return Fixtures.connection(wm, Fixtures.tokens(wm).caching()).retryPolicy(policy).build();
  }

  private static RetryPolicy policy(int attempts, Duration attemptTimeout, Duration callTimeout) {
    return Fixtures.fastPolicy().toBuilder().maxAttempts(attempts).attemptTimeout(attemptTimeout)
        .callTimeout(callTimeout).build();
  }

  @Test
  void aDribbledBodyEndsTheAttemptAtTheAttemptTimeoutNotWhenTheBodyEnds() {
    dribble(20, Duration.ofSeconds(6));
    try (SalesforceConnection c = connection(policy(1, Duration.ofMillis(400), Duration.ofSeconds(20)))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> c.sendForString(GET))
          .isInstanceOfSatisfying(RequestTimeoutException.class, e -> assertThat(e.getMessage())
              .contains("per-attempt timeout of PT0.4S").contains(e.correlationId().orElseThrow()));
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      // Never before the limit; far from the 6 s the body would take.
      assertThat(elapsedMs).isBetween(400L, 3_000L);
    }
  }

  @Test
  void theAsyncPathIsBoundedTheSameWay() {
    dribble(20, Duration.ofSeconds(6));
    try (SalesforceConnection c = connection(policy(1, Duration.ofMillis(400), Duration.ofSeconds(20)))) {
      long start = System.nanoTime();
      CompletableFuture<?> call = c.sendAsync(GET, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(RequestTimeoutException.class);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(400L, 3_000L);
    }
  }

  @Test
  void aBodyThatStallsBetweenItsPiecesIsCutOff() {
    // Headers and the first piece after 2 s, then 2 s of silence before each further piece.
    dribble(5, Duration.ofSeconds(10));
    try (SalesforceConnection c = connection(policy(1, Duration.ofSeconds(3), Duration.ofSeconds(20)))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> c.sendForBytes(GET)).isInstanceOf(RequestTimeoutException.class);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(3_000L, 6_000L);
    }
  }

  @Test
  void aSafeRequestIsRetriedWithEachAttemptBounded() {
    dribble(20, Duration.ofSeconds(6));
    try (SalesforceConnection c = connection(policy(3, Duration.ofMillis(500), Duration.ofSeconds(20)))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> c.sendForString(GET)).isInstanceOf(RequestTimeoutException.class);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(1_500L, 5_000L);
      assertThat(server.findAll(anyRequestedFor(urlPathEqualTo(PATH)))).hasSize(3);
    }
  }

  @Test
  void aWriteWhoseResponseTrickledIsNotSentAgain() {
    SalesforceRequest post = SalesforceRequest.builder().post().path("/services/data/v65.0/sobjects/Account")
        .body("{\"Name\":\"Acme\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json").build();
    server.stubFor(any(urlPathEqualTo("/services/data/v65.0/sobjects/Account")).willReturn(aResponse()
        .withStatus(201).withBody(BODY).withChunkedDribbleDelay(20, 6_000)));
    try (SalesforceConnection c = connection(policy(3, Duration.ofMillis(500), Duration.ofSeconds(20)))) {
      assertThat(post.idempotency()).isEqualTo(Idempotency.NON_IDEMPOTENT);
      assertThatThrownBy(() -> c.sendForString(post)).isInstanceOf(RequestTimeoutException.class);
      assertThat(server.findAll(anyRequestedFor(urlPathEqualTo("/services/data/v65.0/sobjects/Account"))))
          .hasSize(1);
    }
  }

  @Test
  void theWholeCallDeadlineHoldsAcrossSlowAttempts() {
    dribble(20, Duration.ofSeconds(6));
    try (SalesforceConnection c = connection(policy(10, Duration.ofSeconds(2), Duration.ofMillis(700)))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> c.sendForString(GET))
          .isInstanceOfSatisfying(RequestTimeoutException.class, e -> assertThat(e.getMessage())
              .contains("whole-call timeout of PT0.7S"));
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(700L, 3_000L);
    }
  }

  /** Leaks show only over many calls: 10,000 faulted ones, 64 at a time with a 30 ms limit, take 10-20 s on 2 cores. */
  @Test
  void tenThousandAbandonedResponsesLeaveNoThreadOrSocketBehind() throws Exception {
    // Headers after 10 ms, then a piece every 10 ms for half a second.
    dribble(50, Duration.ofMillis(500));
    ExecutorService httpThreads = Executors.newFixedThreadPool(4);
    HttpClient http = HttpClient.newBuilder().executor(httpThreads).version(HttpClient.Version.HTTP_1_1).build();
    RetryPolicy policy = policy(1, Duration.ofMillis(30), Duration.ofSeconds(20));
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).retryPolicy(policy)
        .httpClient(http).build()) {
      runFaulted(c, 200);
      int threadsBefore = clientThreads();
      long socketsBefore = awaitSockets(Long.MAX_VALUE);

      Outcomes outcomes = runFaulted(c, 10_000);

      // Every call ends at its deadline. The JDK now and then reports the abort of a connection it was
      // reading as a plain I/O error rather than letting the timeout through (a few in 10,000 here).
      assertThat(outcomes.succeeded).hasValue(0);
      assertThat(outcomes.timedOut.get() + outcomes.connectionErrors.get()).isEqualTo(10_000);
      assertThat(outcomes.timedOut.get()).isGreaterThanOrEqualTo(9_900);
      long socketsAfter = awaitSockets(socketsBefore);
      assertThat(socketsAfter).isLessThanOrEqualTo(socketsBefore);
      assertThat(clientThreads()).isLessThanOrEqualTo(threadsBefore);
    } finally {
      httpThreads.shutdownNow();
    }
  }

  /** How the calls of {@link #runFaulted} ended. */
  private static final class Outcomes {
    final AtomicInteger timedOut = new AtomicInteger();
    final AtomicInteger connectionErrors = new AtomicInteger();
    final AtomicInteger succeeded = new AtomicInteger();
  }

  /** Runs {@code calls} calls, 64 at a time, and counts how they ended. */
  private static Outcomes runFaulted(SalesforceConnection c, int calls) throws InterruptedException {
    Semaphore inFlight = new Semaphore(64);
    Outcomes outcomes = new Outcomes();
    for (int i = 0; i < calls; i++) {
      inFlight.acquire();
      c.sendAsync(GET, java.net.http.HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
        if (e == null) {
          outcomes.succeeded.incrementAndGet();
        } else if (e instanceof RequestTimeoutException) {
          outcomes.timedOut.incrementAndGet();
        } else if (e instanceof ConnectionException) {
          outcomes.connectionErrors.incrementAndGet();
        }
        inFlight.release();
      });
    }
    inFlight.acquire(64);
    return outcomes;
  }

  /** Counts live threads other than the in-process server's (Jetty's pool grows with the load). */
  private static int clientThreads() {
    int count = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && !t.getName().startsWith("qtp")) {
        count++;
      }
    }
    return count;
  }

  /**
   * Counts this process's open sockets, waiting up to 10 s for the count to fall to {@code target}
   * (the server side notices an aborted connection at its next write).
   */
  private static long awaitSockets(long target) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long count = openSockets();
    while (count > target && System.nanoTime() < deadline) {
      Thread.sleep(100);
      count = openSockets();
    }
    return count;
  }

  private static long openSockets() throws IOException {
    long sockets = 0;
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
            sockets++;
          }
        } catch (IOException gone) {
          // Closed while listing.
        }
      }
    }
    return sockets;
  }
}
