package dev.forcelink.pubsub.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContiguousTrackerTest {

  @Test
  void advancesOnlyPastAContiguousProcessedPrefix() {
    ContiguousTracker<String> t = new ContiguousTracker<>();
    long a = t.register("a");
    long b = t.register("b");
    long c = t.register("c");

    assertThat(t.complete(b)).isNull();
    assertThat(t.complete(c)).isNull();
    assertThat(t.complete(a)).extracting(ContiguousTracker.Advance::position).isEqualTo("c");
    assertThat(t.isEmpty()).isTrue();
  }

  @Test
  void repeatedOrRemovedCompletionsAreIgnored() {
    ContiguousTracker<String> t = new ContiguousTracker<>();
    long a = t.register("a");
    long b = t.register("b");
    t.remove(b);
    assertThat(t.complete(b)).isNull();
    assertThat(t.complete(a).position()).isEqualTo("a");
    assertThat(t.complete(a)).isNull();
  }
}
