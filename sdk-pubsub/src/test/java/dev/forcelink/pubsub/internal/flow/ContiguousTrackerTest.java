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

  @Test
  void removingTheNewestLeavesTheOthersAndNeverReusesASequenceNumber() {
    ContiguousTracker<String> t = new ContiguousTracker<>();
    long a = t.register("a");
    long b = t.register("b");
    long c = t.register("c");
    t.remove(c);
    t.remove(b);
    assertThat(t.isEmpty()).isFalse();
    long d = t.register("d");
    assertThat(d).isGreaterThan(c);
    assertThat(t.complete(a).position()).isEqualTo("a");
    assertThat(t.isEmpty()).isFalse();
    assertThat(t.complete(d).position()).isEqualTo("d");
    assertThat(t.isEmpty()).isTrue();
  }

  @Test
  void removingEverythingOpenEmptiesIt() {
    ContiguousTracker<String> t = new ContiguousTracker<>();
    long a = t.register("a");
    long b = t.register("b");
    t.remove(b);
    t.remove(a);
    assertThat(t.isEmpty()).isTrue();
    assertThat(t.complete(a)).isNull();
    long c = t.register("c");
    assertThat(t.complete(c)).isEqualTo(new ContiguousTracker.Advance<>(c, "c"));
  }

  @Test
  void agreesWithASortedMapModelOverRandomOperationsAcrossGrowth() {
    java.util.Random random = new java.util.Random(42);
    for (int trial = 0; trial < 200; trial++) {
      ContiguousTracker<Long> t = new ContiguousTracker<>();
      java.util.TreeMap<Long, Boolean> model = new java.util.TreeMap<>();
      java.util.List<Long> open = new java.util.ArrayList<>();
      java.util.Map<Long, Long> positions = new java.util.HashMap<>();
      for (int step = 0; step < 2_000; step++) {
        int op = random.nextInt(10);
        if (op < 5 || open.isEmpty()) {
          long seq = t.register(Long.valueOf(step));
          model.put(seq, Boolean.FALSE);
          positions.put(seq, (long) step);
          open.add(seq);
        } else if (op < 9) {
          long seq = open.remove(random.nextInt(open.size()));
          model.put(seq, Boolean.TRUE);
          ContiguousTracker.Advance<Long> expected = null;
          while (!model.isEmpty() && model.firstEntry().getValue()) {
            long done = model.pollFirstEntry().getKey();
            expected = new ContiguousTracker.Advance<>(done, positions.get(done));
          }
          ContiguousTracker.Advance<Long> actual = t.complete(seq);
          if (expected == null) {
            assertThat(actual).isNull();
          } else {
            assertThat(actual).isEqualTo(expected);
          }
        } else {
          // Only the newest open event may be removed.
          long newest = open.stream().mapToLong(Long::longValue).max().getAsLong();
          if (model.lastKey() == newest) {
            open.remove(Long.valueOf(newest));
            model.remove(newest);
            t.remove(newest);
          }
        }
        assertThat(t.isEmpty()).isEqualTo(model.isEmpty());
      }
    }
  }
}
