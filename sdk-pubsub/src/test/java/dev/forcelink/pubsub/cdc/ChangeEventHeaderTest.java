package dev.forcelink.pubsub.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeEventHeaderTest {

  @Test
  void copiesListsInAndHandsThemOutUnmodifiable() {
    List<String> changed = new ArrayList<>(List.of("Phone"));
    ChangeEventHeader header = minimal().changedFields(changed).build();
    changed.add("Name");

    assertThat(header.changedFields()).containsExactly("Phone");
    assertThatThrownBy(() -> header.changedFields().add("Name")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void defaultsAreEmptyAndToBuilderRoundTrips() {
    ChangeEventHeader header = minimal().build();

    assertThat(header.recordIds()).isEmpty();
    assertThat(header.changeOrigin()).isEmpty();
    assertThat(header.rawNulledFields()).isEmpty();
    assertThat(header.toBuilder().build()).isEqualTo(header).hasSameHashCodeAs(header);
    assertThat(header.toBuilder().sequenceNumber(2).build()).isNotEqualTo(header);
  }

  @Test
  void requiresEntityChangeTypeAndCommitTime() {
    assertThatThrownBy(() -> ChangeEventHeader.builder().changeType(ChangeType.CREATE)
            .commitTimestamp(Instant.EPOCH).build())
        .isInstanceOf(NullPointerException.class).hasMessage("entityName");
    assertThatThrownBy(() -> ChangeEventHeader.builder().entityName("Account")
            .commitTimestamp(Instant.EPOCH).build())
        .isInstanceOf(NullPointerException.class).hasMessage("changeType");
    assertThatThrownBy(() -> ChangeEventHeader.builder().entityName("Account")
            .changeType(ChangeType.CREATE).build())
        .isInstanceOf(NullPointerException.class).hasMessage("commitTimestamp");
  }

  private static ChangeEventHeader.Builder minimal() {
    return ChangeEventHeader.builder().entityName("Account").changeType(ChangeType.UPDATE)
        .commitTimestamp(Instant.ofEpochMilli(1_725_346_778_000L));
  }
}
