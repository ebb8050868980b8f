package dev.forcelink.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.testing.PublicApiChecker;
import dev.forcelink.pubsub.cdc.ChangeEventHeader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicApiTest {

  @Test
  void publicSignaturesNameNoThirdPartyOrInternalType() {
    assertThat(PublicApiChecker.violations(ChangeEventHeader.class, Set.of())).isEmpty();
  }
}
