package dev.forcelink.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.forcelink.core.exception.NotFoundException;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import dev.forcelink.core.retry.RetryPolicy;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@WireMockTest
class AsyncSendTest {
  private static final String PATH = "/services/data/v65.0/limits";
  private static final SalesforceRequest GET = SalesforceRequest.builder().get().path(PATH).build();

  @Test
  void asyncRetriesAreScheduledWithoutBlockingTheCaller(WireMockRuntimeInfo wm) throws Exception {
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("401"));
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs("401")
        .willReturn(aResponse().withStatus(401)).willSetStateTo("ok"));
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"ok\":true}")));
    // A long backoff: if sendAsync slept on the caller's thread, the call below would take 300 ms.
    RetryPolicy policy = Fixtures.fastPolicy().toBuilder().baseDelay(Duration.ofMillis(300))
        .maxBackoff(Duration.ofMillis(300)).build();
    Fixtures.CountingTokenSource tokens = Fixtures.tokens(wm);
    try (SalesforceConnection c = Fixtures.connection(wm, tokens.caching()).retryPolicy(policy).build()) {
      c.authProvider().token();
      Thread caller = Thread.currentThread();
      long before = System.nanoTime();
      CompletableFuture<SalesforceResponse<String>> future = c.sendAsync(GET, BodyHandlers.ofString());
      long returnedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
      assertThat(returnedAfterMillis).as("sendAsync returns before the scheduled retry").isLessThan(250);
      SalesforceResponse<String> r = future.get(10, TimeUnit.SECONDS);
      assertThat(r.body()).isEqualTo("{\"ok\":true}");
      assertThat(r.attempts()).isEqualTo(3);
      assertThat(caller.isAlive()).isTrue();
    }
    assertThat(tokens.fetches.get()).isEqualTo(2);
    wm.getWireMock().verifyThat(3, anyRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void asyncFailuresCompleteTheFutureWithTheTypedException(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)
        .withBody("[{\"message\":\"gone\",\"errorCode\":\"NOT_FOUND\"}]")));
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching()).build()) {
      CompletableFuture<SalesforceResponse<String>> f = c.sendAsync(GET, BodyHandlers.ofString());
      assertThat(f).failsWithin(Duration.ofSeconds(10))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(NotFoundException.class);
      assertThat(f.handle((r, e) -> e).join()).as("no wrapper for direct dependents")
          .isInstanceOf(NotFoundException.class);
      assertThat(f.thenApply(r -> r).handle((r, e) -> e).join()).isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void asyncUsesTheSuppliedExecutorForTokenWork(WireMockRuntimeInfo wm) throws Exception {
    wm.getWireMock().register(any(urlPathEqualTo(PATH)).willReturn(okJson("{}")));
    java.util.concurrent.atomic.AtomicInteger tasks = new java.util.concurrent.atomic.AtomicInteger();
    var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (SalesforceConnection c = Fixtures.connection(wm, Fixtures.tokens(wm).caching())
        .executor(r -> {
          tasks.incrementAndGet();
          pool.execute(r);
        }).build()) {
      assertThat(c.sendAsync(GET, BodyHandlers.ofString()).get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
    assertThat(tasks.get()).isPositive();
  }
}
