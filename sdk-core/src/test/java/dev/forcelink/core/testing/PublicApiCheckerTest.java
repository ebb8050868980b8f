package dev.forcelink.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.testing.fixture.LeakyApi;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicApiCheckerTest {

  @Test
  void reportsAThirdPartyTypeInAPublicGenericSignature() {
    assertThat(PublicApiChecker.violations(LeakyApi.class, Set.of()))
        .anySatisfy(v -> assertThat(v).contains("LeakyApi.mappers returns names com.fasterxml.jackson.databind.ObjectMapper"))
        .noneSatisfy(v -> assertThat(v).contains("LeakyApi.hidden"));
  }

  @Test
  void allowListSilencesAPrefix() {
    assertThat(PublicApiChecker.violations(LeakyApi.class, Set.of("com.fasterxml.")))
        .noneSatisfy(v -> assertThat(v).contains("LeakyApi"));
  }
}
