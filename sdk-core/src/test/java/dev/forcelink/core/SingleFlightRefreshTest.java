package dev.forcelink.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@WireMockTest
class SingleFlightRefreshTest {
  private static final String INVALID_SESSION =
      "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";

  @Test
  void hundredConcurrentCallsRejectedAtOnceCauseExactlyOneExtraTokenFetch(WireMockRuntimeInfo wm) throws Exception {
    Fixtures.CountingTokenSource source = Fixtures.tokens(wm);
    wm.getWireMock().register(get(urlEqualTo("/services/data/v65.0/limits"))
        .withHeader("Authorization", equalTo("Bearer " + Fixtures.TOKEN_PREFIX + "1"))
        // The delay keeps the first rejections in flight while the other threads send theirs.
        .willReturn(aResponse().withStatus(401).withFixedDelay(100)
            .withHeader("Content-Type", "application/json").withBody(INVALID_SESSION)));
    wm.getWireMock().register(get(urlEqualTo("/services/data/v65.0/limits"))
        .withHeader("Authorization", equalTo("Bearer " + Fixtures.TOKEN_PREFIX + "2"))
        .willReturn(okJson("{}")));
    int threads = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (SalesforceConnection connection = Fixtures.connection(wm, source.caching()).build()) {
      connection.authProvider().token(); // the first token, shared by everyone
      CountDownLatch go = new CountDownLatch(1);
      List<Future<SalesforceResponse<String>>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return connection.sendForString(SalesforceRequest.builder().path("/services/data/v65.0/limits").build());
        }));
      }
      go.countDown();
      for (Future<SalesforceResponse<String>> f : results) {
        SalesforceResponse<String> r = f.get(30, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        // A thread that reads the token after the refresh sends the new one straight away.
        assertThat(r.attempts()).isBetween(1, 2);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(source.fetches.get()).as("initial token plus exactly one refresh").isEqualTo(2);
    assertThat(wm.getWireMock().find(getRequestedFor(urlEqualTo("/services/data/v65.0/limits"))
        .withHeader("Authorization", equalTo("Bearer " + Fixtures.TOKEN_PREFIX + "1"))))
        .as("many threads were rejected concurrently").hasSizeGreaterThan(1);
    wm.getWireMock().verifyThat(threads, getRequestedFor(urlEqualTo("/services/data/v65.0/limits"))
        .withHeader("Authorization", equalTo("Bearer " + Fixtures.TOKEN_PREFIX + "2")));
  }
}
