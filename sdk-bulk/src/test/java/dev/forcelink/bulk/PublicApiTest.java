package dev.forcelink.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.testing.PublicApiChecker;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicApiTest {

  @Test
  void publicSignaturesNameNoThirdPartyOrInternalType() {
    assertThat(PublicApiChecker.violations(BulkClient.class, Set.of())).isEmpty();
  }
}
