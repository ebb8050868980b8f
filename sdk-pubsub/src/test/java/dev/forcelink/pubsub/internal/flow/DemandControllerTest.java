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
  void waitsForRealRoomInsteadOfAskingForOneEventAtATime() {
    DemandController c = new DemandController(100, 50);
    assertThat(c.nextRequest(200)).isEqualTo(100);
    c.onResponse(51, 49);
    // The consumer is behind: 150 queued, 50 free. One more event of room is not worth a request.
    assertThat(c.nextRequest(50)).isZero();
    assertThat(c.nextRequest(60)).isZero();
    // Once the outstanding events fill at most half the room, the request is worth its round trip.
    assertThat(c.nextRequest(98)).isEqualTo(49);
    assertThat(c.outstanding()).isEqualTo(98);
  }

  @Test
  void withNothingOutstandingAsksForWhateverFits() {
    DemandController c = new DemandController(100, 50);
    assertThat(c.nextRequest(3)).isEqualTo(3);
    c.onResponse(3, 0);
    assertThat(c.nextRequest(1)).isEqualTo(1);
  }

  @Test
  void aSmallConsumerStillPipelines() {
    // A Flow subscriber that requests 10 at a time: 5 outstanding, room for 15, 10 more is half of it.
    DemandController c = new DemandController(100, 50);
    assertThat(c.nextRequest(10)).isEqualTo(10);
    c.onResponse(5, 5);
    assertThat(c.nextRequest(15)).isEqualTo(10);
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
