package dev.forcelink.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SalesforceRequestTest {

  @Test
  void idempotencyDefaultsFollowTheMethod() {
    assertThat(SalesforceRequest.builder().get().path("/a").build().idempotency()).isEqualTo(Idempotency.IDEMPOTENT);
    assertThat(SalesforceRequest.builder().patch().path("/a").build().idempotency()).isEqualTo(Idempotency.IDEMPOTENT);
    assertThat(SalesforceRequest.builder().put().path("/a").build().idempotency()).isEqualTo(Idempotency.IDEMPOTENT);
    assertThat(SalesforceRequest.builder().delete().path("/a").build().idempotency()).isEqualTo(Idempotency.IDEMPOTENT);
    assertThat(SalesforceRequest.builder().method("head").path("/a").build().idempotency()).isEqualTo(Idempotency.IDEMPOTENT);
    assertThat(SalesforceRequest.builder().post().path("/a").build().idempotency()).isEqualTo(Idempotency.NON_IDEMPOTENT);
    assertThat(SalesforceRequest.builder().post().path("/a").idempotency(Idempotency.PROTECTED).build().idempotency())
        .isEqualTo(Idempotency.PROTECTED);
  }

  @Test
  void bodiesAreCopiedAndStreamedOnesAreSuppliedPerAttempt() {
    byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
    SalesforceRequest r = SalesforceRequest.builder().post().path("/a").body(bytes, "application/json").build();
    bytes[0] = 'X';
    assertThat(r.bodyBytes()).hasValueSatisfying(b -> assertThat(b.get(0)).isEqualTo((byte) '{'));
    assertThat(r.bodyBytes().orElseThrow().isReadOnly()).isTrue();
    AtomicInteger supplied = new AtomicInteger();
    SalesforceRequest streamed = SalesforceRequest.builder().put().path("/a")
        .body(() -> {
          supplied.incrementAndGet();
          return HttpRequest.BodyPublishers.ofString("a,b");
        }, "text/csv").build();
    assertThat(streamed.bodyBytes()).isEmpty();
    streamed.newBodyPublisher();
    streamed.newBodyPublisher();
    assertThat(supplied.get()).isEqualTo(2);
    assertThat(streamed.contentType()).hasValue("text/csv");
  }

  @Test
  void validatesTargetsHeadersAndIds() {
    assertThatThrownBy(() -> SalesforceRequest.builder().path("services/data")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SalesforceRequest.builder().path("/a b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SalesforceRequest.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SalesforceRequest.builder().header("Host", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SalesforceRequest.builder().header("X-A", "a\r\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SalesforceRequest.builder().header("Bad Name", "a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SalesforceRequest.builder().correlationId("has space")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SalesforceRequest.builder().timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SalesforceRequest.builder().method("GE T")).isInstanceOf(IllegalArgumentException.class);
    SalesforceRequest relative = SalesforceRequest.builder().uri(URI.create("/services/data/v65.0/query/01g-2000?x=1")).build();
    assertThat(relative.path()).hasValue("/services/data/v65.0/query/01g-2000?x=1");
    assertThat(relative.logPath()).isEqualTo("/services/data/v65.0/query/01g-2000");
  }

  @Test
  void toStringHidesSecretQueryValuesAndNonAllowListedHeaders() {
    SalesforceRequest r = SalesforceRequest.builder().post().path("/services/oauth2/token?password=hunter2")
        .queryParam("client_secret", "topsecret").queryParam("grant_type", "password")
        .header("X-Api-Key", "key-123").header("Sforce-Query-Options", "batchSize=200")
        .body("password=hunter2".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded")
        .build();
    assertThat(r.toString()).doesNotContain("hunter2", "topsecret", "key-123")
        .contains("grant_type=password", "batchSize=200", "16 bytes");
    assertThat(r.description()).doesNotContain("hunter2", "topsecret");
    assertThat(r.encodedQuery()).isEqualTo("password=hunter2&client_secret=topsecret&grant_type=password");
  }

  @Test
  void toBuilderKeepsACallerDescriptionButRederivesADefaultOne() {
    SalesforceRequest r = SalesforceRequest.builder().get().path("/a").build();
    assertThat(r.toBuilder().path("/b").build().description()).isEqualTo("GET /b");
    SalesforceRequest named = r.toBuilder().description("read a").build();
    assertThat(named.toBuilder().path("/c").build().description()).isEqualTo("read a");
  }
}
