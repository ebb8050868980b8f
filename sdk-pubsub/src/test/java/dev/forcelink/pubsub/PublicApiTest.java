package dev.forcelink.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.testing.PublicApiChecker;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicApiTest {

  @Test
  void publicSignaturesNameNoThirdPartyOrInternalType() {
    // The one allowed exception: PubSubEvent.asGenericRecord(), for callers who ask for Avro.
    assertThat(PublicApiChecker.violations(PubSubClient.class, Set.of("org.apache.avro.generic.GenericRecord")))
        .isEmpty();
  }

  @Test
  void onlyTheAvroRecordAccessorNamesAnAvroType() {
    assertThat(PublicApiChecker.violations(PubSubClient.class, Set.of()))
        .singleElement().asString().contains("PubSubEvent.asGenericRecord");
  }
}
