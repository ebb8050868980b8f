package dev.forcelink.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.ids.SalesforceId;
import dev.forcelink.core.testing.LogCapture;
import dev.forcelink.core.testing.SecretAssertions;
import dev.forcelink.pubsub.internal.grpc.CallMetadata;
import io.grpc.Metadata;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MetadataTest {
  private static final String HONEYPOT = "00D5e000000AbCd!token-one";
  private static final Metadata.Key<String> TRACE = Metadata.Key.of("x-client-trace-id", Metadata.ASCII_STRING_MARSHALLER);

  @RegisterExtension
  final LogCapture logs = new LogCapture();

  @Test
  void everyCallCarriesAuthMetadataAndItsOwnTraceId() {
    try (FakePubSub fake = Orders.fakeWith(5); PubSubClient client = fake.client(Orders.auth())) {
      client.getTopic(Orders.TOPIC);
      client.getSchema(Orders.SCHEMA_ID);
      client.publish(Orders.TOPIC, List.of(Orders.order(9)));

      assertThat(fake.headers).hasSize(3).allSatisfy(md -> {
        assertThat(md.get(CallMetadata.ACCESS_TOKEN)).isEqualTo(HONEYPOT);
        assertThat(md.get(CallMetadata.INSTANCE_URL)).isEqualTo("https://acme.my.salesforce.com");
        assertThat(md.get(CallMetadata.TENANT_ID)).isEqualTo(SalesforceId.parse(TestAuth.ORG_15).to18()).hasSize(18);
        assertThat(md.get(TRACE)).matches("[0-9a-f-]{36}");
      });
      assertThat(fake.headers.stream().map(md -> md.get(TRACE)).distinct()).hasSize(3);
    }
  }

  @Test
  void theTokenNeverReachesALogLineOrAnException() {
    TestAuth auth = Orders.auth();
    try (FakePubSub fake = Orders.fakeWith(30); PubSubClient client = fake.client(auth)) {
      fake.validTokens.add("00D5e000000AbCd!token-two");
      fake.expireTokenAfter = 10;
      fake.resetEvery = 7;
      List<String> seen = new CopyOnWriteArrayList<>();
      Subscription s = client.subscribe(Orders.TOPIC, SubscribeOptions.builder().replayFrom(ReplayFrom.earliest())
          .resumePolicy(dev.forcelink.core.retry.RetryPolicy.builder().maxAttempts(10)
              .baseDelay(java.time.Duration.ofMillis(1)).build()).build(), e -> seen.add(Orders.number(e)));
      // Resets redeliver events after the last stored id, so count distinct events, not deliveries.
      Orders.await("30 distinct events", () -> new java.util.HashSet<>(seen).size() == 30);
      s.close();
      Throwable thrown = null;
      try {
        client.getTopic("/event/Missing__e");
      } catch (PubSubException e) {
        thrown = e;
      }

      assertThat(logs.linesContaining("accesstoken=<redacted>")).isNotEmpty();
      assertThat(logs.linesContaining("Refreshed the access token")).isNotEmpty();
      SecretAssertions secrets = SecretAssertions.planted(HONEYPOT, "00D5e000000AbCd!token-two");
      secrets.assertNotIn(logs);
      secrets.assertNotIn(thrown);
      secrets.assertNotInToString(client, s, auth.token());
    }
  }

  @Test
  void aTokenWithoutOrgIdNeedsAnExplicitTenant() {
    try (FakePubSub fake = Orders.fakeWith(0)) {
      fake.validTokens.add("plain-token-without-org");
      try (PubSubClient client = fake.client(TestAuth.withoutOrgId("plain-token-without-org"))) {
        assertThatThrownBy(() -> client.getTopic(Orders.TOPIC)).hasMessageContaining("tenantId");
      }
      try (PubSubClient client = fake.client(TestAuth.withoutOrgId("plain-token-without-org"),
          b -> b.tenantId(TestAuth.ORG_15))) {
        assertThat(client.getTopic(Orders.TOPIC).schemaId()).isEqualTo(Orders.SCHEMA_ID);
        assertThat(fake.headers.get(fake.headers.size() - 1).get(CallMetadata.TENANT_ID))
            .isEqualTo(SalesforceId.parse(TestAuth.ORG_15).to18());
      }
    }
  }
}
