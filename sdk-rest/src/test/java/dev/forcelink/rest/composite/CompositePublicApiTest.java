package dev.forcelink.rest.composite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.testing.PublicApiChecker;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompositePublicApiTest {
  @Test
  void compositeAndCollectionsSignaturesNameNoThirdPartyOrInternalType() {
    assertThat(PublicApiChecker.violations(CompositeClient.class, Set.of()))
        .filteredOn(v -> v.startsWith("dev.forcelink.rest.composite.") || v.startsWith("dev.forcelink.rest.collections."))
        .isEmpty();
  }
}
