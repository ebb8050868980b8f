package dev.forcelink.rest.internal.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class BoundedRunnerTest {
  @Test
  void neverHasMoreThanTheLimitInFlightAndKeepsTaskOrder() {
    List<CompletableFuture<Integer>> started = new ArrayList<>();
    CompletableFuture<List<Integer>> run = BoundedRunner.run(5, 2, i -> {
      CompletableFuture<Integer> f = new CompletableFuture<>();
      started.add(f);
      return f;
    }, r -> false, i -> -1);

    assertThat(started).hasSize(2);
    started.get(1).complete(11);
    assertThat(started).hasSize(3);
    started.get(2).complete(12);
    started.get(0).complete(10);
    assertThat(started).hasSize(5);
    started.get(4).complete(14);
    assertThat(run).isNotDone();
    started.get(3).complete(13);

    assertThat(run.join()).containsExactly(10, 11, 12, 13, 14);
  }

  @Test
  void stopsStartingTasksAfterAStopResultAndReportsTheRestAsSkipped() {
    List<Integer> startedIndexes = new ArrayList<>();
    List<Integer> results = BoundedRunner.run(4, 1, i -> {
      startedIndexes.add(i);
      return CompletableFuture.completedFuture(i);
    }, r -> r == 1, i -> -1).join();

    assertThat(startedIndexes).containsExactly(0, 1);
    assertThat(results).containsExactly(0, 1, -1, -1);
  }

  @Test
  void manyTasksCompletingAtOnceDoNotDeepenTheStack() {
    List<Integer> results = BoundedRunner.run(100_000, 1, CompletableFuture::completedFuture, r -> false, i -> -1).join();
    assertThat(results).hasSize(100_000).endsWith(99_999);
  }

  @Test
  void aFailedTaskFailsTheRun() {
    CompletableFuture<List<Integer>> run = BoundedRunner.run(3, 1, i -> i == 1
        ? CompletableFuture.failedFuture(new IllegalStateException("boom"))
        : CompletableFuture.completedFuture(i), r -> false, i -> -1);
    assertThatThrownBy(run::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("boom");
  }
}
