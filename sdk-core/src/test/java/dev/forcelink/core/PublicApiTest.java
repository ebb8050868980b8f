package dev.forcelink.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.testing.PublicApiChecker;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicApiTest {

  @Test
  void publicSignaturesNameNoThirdPartyOrInternalType() {
    assertThat(PublicApiChecker.violations(ApiVersion.class, Set.of())).isEmpty();
  }
}
