package dev.forcelink.pubsub.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChangeTypeTest {

  @Test
  void gapTypesAreTheGapPrefixedOnes() {
    assertThat(Arrays.stream(ChangeType.values()).filter(ChangeType::isGap))
        .containsExactly(ChangeType.GAP_CREATE, ChangeType.GAP_UPDATE, ChangeType.GAP_DELETE,
            ChangeType.GAP_UNDELETE, ChangeType.GAP_OVERFLOW);
    assertThat(ChangeType.UPDATE.isGap()).isFalse();
    assertThat(ChangeType.SNAPSHOT.isGap()).isFalse();
  }
}
