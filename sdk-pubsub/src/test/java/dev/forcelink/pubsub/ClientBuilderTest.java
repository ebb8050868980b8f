package dev.forcelink.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.SalesforceConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientBuilderTest {
  private static SalesforceConnection connection() {
    return SalesforceConnection.builder().authProvider(Orders.auth()).instanceUrl(TestAuth.INSTANCE).build();
  }

  @Test
  void plaintextIsForLoopbackUnlessExplicitlyAllowed() {
    try (SalesforceConnection c = connection()) {
      assertThatThrownBy(() -> PubSubClient.builder(c).endpoint("pubsub.example.com", 7011).plaintext(true).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowPlaintext");
      try (PubSubClient local = PubSubClient.builder(c).endpoint("localhost", 7011).plaintext(true).build();
           PubSubClient allowed = PubSubClient.builder(c).endpoint("pubsub.example.com", 7011).allowPlaintext(true).build();
           PubSubClient tls = PubSubClient.builder(c).build()) {
        assertThat(local.toString()).contains("localhost:7011");
        assertThat(allowed.toString()).contains("pubsub.example.com:7011");
        assertThat(tls.toString()).contains("api.pubsub.salesforce.com:7443");
      }
    }
  }

  @Test
  void keepaliveCannotProvokeTooManyPings() {
    try (SalesforceConnection c = connection()) {
      assertThatThrownBy(() -> PubSubClient.builder(c).keepAliveTime(Duration.ofSeconds(30)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too_many_pings");
    }
  }

  @Test
  void aClosedClientRefusesWork() {
    try (FakePubSub fake = Orders.fakeWith(0)) {
      PubSubClient client = fake.client(Orders.auth());
      client.close();
      client.close();
      assertThatThrownBy(() -> client.getTopic(Orders.TOPIC)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void optionsValidateTheirRanges() {
    assertThatThrownBy(() -> SubscribeOptions.builder().batchSize(101)).hasMessageContaining("1 to 100");
    assertThatThrownBy(() -> SubscribeOptions.builder().batchSize(10).lowWatermark(10).build())
        .hasMessageContaining("lowWatermark");
    assertThat(SubscribeOptions.defaults().lowWatermark()).isEqualTo(50);
    assertThat(SubscribeOptions.defaults().gapPolicy()).isEqualTo(ReplayGapPolicy.FAIL);
    assertThat(SubscribeOptions.defaults().stallTimeout()).isGreaterThan(Duration.ofSeconds(270));
    assertThat(SubscribeOptions.defaults().closeTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> SubscribeOptions.builder().closeTimeout(Duration.ofMillis(-1)))
        .hasMessageContaining("closeTimeout");
    assertThat(SubscribeOptions.builder().closeTimeout(Duration.ZERO).build().toBuilder().build().closeTimeout())
        .isZero();
  }
}
