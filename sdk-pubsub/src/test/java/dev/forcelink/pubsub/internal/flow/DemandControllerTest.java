package dev.forcelink.pubsub.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemandControllerTest {

  @Test
  void fillsToTheBatchThenTopsUpAtTheWatermark() {
    DemandController c = new DemandController(100, 50);
    assertThat(c.nextRequest(1_000)).isEqualTo(100);
    c.onResponse(40, 60);
    assertThat(c.nextRequest(1_000)).isZero();
    c.onResponse(10, 50);
    assertThat(c.nextRequest(1_000)).isEqualTo(50);
    assertThat(c.outstanding()).isEqualTo(100);
  }

  @Test
  void neverAsksForMoreThanTheConsumerCanTake() {
    DemandController c = new DemandController(100, 50);
    assertThat(c.nextRequest(30)).isEqualTo(30);
    assertThat(c.nextRequest(30)).isZero();
    c.onResponse(30, 0);
    assertThat(c.nextRequest(0)).isZero();
    assertThat(c.nextRequest(7)).isEqualTo(7);
  }

  @Test
  void anEmptyKeepaliveReconcilesLostCredit() {
    DemandController c = new DemandController(10, 5);
    c.nextRequest(100);
    c.onResponse(2, 8);
    c.onResponse(0, 3);
    assertThat(c.outstanding()).isEqualTo(3);
    assertThat(c.nextRequest(100)).isEqualTo(7);
  }

  @Test
  void aResponseRightAfterARequestDoesNotReconcile() {
    DemandController c = new DemandController(10, 5);
    c.nextRequest(100);
    c.onResponse(0, 0);
    assertThat(c.outstanding()).isEqualTo(10);
  }

  @Test
  void rejectsImpossibleSettings() {
    assertThatThrownBy(() -> new DemandController(101, 50)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DemandController(10, 10)).isInstanceOf(IllegalArgumentException.class);
  }
}
