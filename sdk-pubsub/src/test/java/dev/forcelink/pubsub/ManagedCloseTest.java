package dev.forcelink.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Closing a managed subscription: the stream is cancelled only once the server has answered the
 * newest commit, so that the next subscription resumes after every processed event; the wait is
 * bounded, reported when it fails, and never made from a handler.
 */
class ManagedCloseTest {
  private static final ManagedSubscriptionRef REF = ManagedSubscriptionRef.developerName("Order_Sync");

  private final List<CommitFailure> failures = new CopyOnWriteArrayList<>();
  private final SubscriptionListener listener = new SubscriptionListener() {
    @Override
    public void onCommitFailure(CommitFailure failure) {
      failures.add(failure);
    }
  };

  /** One commit, when every received event is processed: events arrive in one response of 10. */
  private SubscribeOptions.Builder options() {
    return SubscribeOptions.builder().checkpointEvery(100).listener(listener);
  }

  @Test
  void closeCancelsTheStreamOnlyAfterTheFinalCommitIsAnswered() throws InterruptedException {
    try (FakePubSub fake = Orders.fakeWith(10); PubSubClient client = fake.client(Orders.auth())) {
      fake.holdCommitAnswers = true;
      Subscription s = client.managedSubscribe(REF, options().build(), e -> {});
      Orders.await("the commit of the tenth event", () -> fake.managedLog.contains("commit 10"));

      Thread closer = startClosing(s);
      awaitBlockedOrDone(closer);
      assertThat(closer.getState()).as("close() waits for the answer").isEqualTo(Thread.State.TIMED_WAITING);
      assertThat(fake.managedLog).doesNotContain("cancel");
      fake.releaseCommitAnswers();
      closer.join(TimeUnit.SECONDS.toMillis(10));

      assertThat(closer.isAlive()).isFalse();
      Orders.await("the server to see the stream cancelled", () -> fake.managedLog.contains("cancel"));
      assertThat(fake.managedLog).containsSubsequence("commit 10", "answer 10", "cancel");
      assertThat(failures).isEmpty();
      assertThat(s.termination()).isCompleted();
    }
  }

  @Test
  void anUnansweredFinalCommitEndsTheWaitAtTheCloseTimeoutAndIsReported() {
    try (FakePubSub fake = Orders.fakeWith(10); PubSubClient client = fake.client(Orders.auth())) {
      fake.holdCommitAnswers = true;
      Subscription s = client.managedSubscribe(REF, options().closeTimeout(Duration.ofMillis(200)).build(), e -> {});
      Orders.await("the commit of the tenth event", () -> fake.managedLog.contains("commit 10"));

      // The bound is 200 ms; waiting for the server (or the 5 s default) would overrun this.
      assertTimeoutPreemptively(Duration.ofSeconds(3), s::close);

      FakePubSub.SeenCommit sent = fake.commits.get(fake.commits.size() - 1);
      assertThat(failures).singleElement().satisfies(f -> {
        assertThat(f.commitRequestId()).isEqualTo(sent.commitId());
        assertThat(FakePubSub.replayNumber(com.google.protobuf.ByteString.copyFrom(f.replayId().toBytes())))
            .isEqualTo(10);
        assertThat(f.message()).contains("did not answer").contains("closeTimeout 200 ms");
        assertThat(f.subscription()).isEqualTo(s.name());
      });
      Orders.await("the server to see the stream cancelled", () -> fake.managedLog.contains("cancel"));
      assertThat(fake.managedLog).noneMatch(entry -> entry.startsWith("answer"));
      assertThat(s.termination()).isCompleted();
    }
  }

  @Test
  void aRefusedFinalCommitIsReportedOnceAndCloseCompletes() throws InterruptedException {
    try (FakePubSub fake = Orders.fakeWith(10); PubSubClient client = fake.client(Orders.auth())) {
      fake.holdCommitAnswers = true;
      fake.commitFails = id -> true;
      Subscription s = client.managedSubscribe(REF, options().build(), e -> {});
      Orders.await("the commit of the tenth event", () -> fake.managedLog.contains("commit 10"));

      Thread closer = startClosing(s);
      awaitBlockedOrDone(closer);
      assertThat(closer.getState()).as("close() waits for the answer").isEqualTo(Thread.State.TIMED_WAITING);
      fake.releaseCommitAnswers();
      closer.join(TimeUnit.SECONDS.toMillis(10));

      assertThat(closer.isAlive()).isFalse();
      assertThat(failures).singleElement().satisfies(f -> {
        assertThat(f.commitRequestId()).isEqualTo(fake.commits.get(0).commitId());
        assertThat(f.message()).isEqualTo("commit refused by the fake");
      });
      Orders.await("the server to see the stream cancelled", () -> fake.managedLog.contains("cancel"));
      assertThat(fake.managedLog).containsSubsequence("answer 10", "cancel");
    }
  }

  @Test
  void closeFromAHandlerReturnsAtOnceAndTheStreamEndsOnceTheCommitIsAnswered() throws InterruptedException {
    try (FakePubSub fake = Orders.fakeWith(10); PubSubClient client = fake.client(Orders.auth())) {
      fake.holdCommitAnswers = true;
      AtomicReference<Subscription> subscription = new AtomicReference<>();
      CountDownLatch subscribed = new CountDownLatch(1);
      CountDownLatch closedFromHandler = new CountDownLatch(1);
      List<CommitFailure> failuresWhenCloseReturned = new CopyOnWriteArrayList<>();
      Subscription s = client.managedSubscribe(REF, options().build(), e -> {
        subscribed.await(10, TimeUnit.SECONDS);
        if (Orders.number(e).equals("ORD-10")) {
          subscription.get().close();
          failuresWhenCloseReturned.addAll(failures);
          closedFromHandler.countDown();
        }
      });
      subscription.set(s);
      subscribed.countDown();

      assertThat(closedFromHandler.await(10, TimeUnit.SECONDS)).isTrue();
      // Waiting from the handler for an answer the server holds back would end only by timing out,
      // which reports a failure before close() returns.
      assertThat(failuresWhenCloseReturned).isEmpty();
      assertThat(s.isActive()).isFalse();

      // A later close() from outside waits for the commit the handler's close() left settling.
      Thread closer = startClosing(s);
      awaitBlockedOrDone(closer);
      assertThat(closer.getState()).as("the second close() waits").isEqualTo(Thread.State.TIMED_WAITING);
      assertThat(fake.managedLog).doesNotContain("cancel");
      fake.releaseCommitAnswers();
      closer.join(TimeUnit.SECONDS.toMillis(10));

      assertThat(closer.isAlive()).isFalse();
      Orders.await("the server to see the stream cancelled", () -> fake.managedLog.contains("cancel"));
      // The tenth event was still in its handler: only the ninth is committed, and nothing after close().
      assertThat(fake.commits).extracting(FakePubSub.SeenCommit::replay).containsExactly(9L);
      assertThat(fake.managedLog).containsSubsequence("commit 9", "answer 9", "cancel");
      assertThat(failures).isEmpty();
    }
  }

  @Test
  void flowCancelReturnsAtOnceAndTheStreamEndsOnceTheCommitIsAnswered() throws InterruptedException {
    try (FakePubSub fake = Orders.fakeWith(10); PubSubClient client = fake.client(Orders.auth())) {
      fake.holdCommitAnswers = true;
      CountDownLatch cancelled = new CountDownLatch(1);
      List<CommitFailure> failuresWhenCancelReturned = new CopyOnWriteArrayList<>();
      client.managedPublisher(REF, options().build()).subscribe(new java.util.concurrent.Flow.Subscriber<>() {
        private java.util.concurrent.Flow.Subscription subscription;

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
          subscription = s;
          s.request(10);
        }

        @Override
        public void onNext(PubSubEvent event) {
          if (Orders.number(event).equals("ORD-10")) {
            // Reactive Streams rule 3.5: cancel() must return promptly, so it cannot wait for the server.
            subscription.cancel();
            failuresWhenCancelReturned.addAll(failures);
            cancelled.countDown();
          } else {
            event.ack();
          }
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onComplete() {}
      });

      assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(failuresWhenCancelReturned).isEmpty();
      Orders.await("the commit of the ninth event", () -> fake.managedLog.contains("commit 9"));
      fake.releaseCommitAnswers();

      Orders.await("the server to see the stream cancelled", () -> fake.managedLog.contains("cancel"));
      assertThat(fake.managedLog).containsExactly("commit 9", "answer 9", "cancel");
      assertThat(failures).isEmpty();
    }
  }

  @Test
  void closingTheClientWaitsForItsManagedSubscriptionsFinalCommitsTogetherNotInTurn() {
    try (FakePubSub fake = Orders.fakeWith(10); PubSubClient client = fake.client(Orders.auth())) {
      fake.holdCommitAnswers = true;
      SubscribeOptions twoSeconds = options().closeTimeout(Duration.ofSeconds(2)).build();
      client.managedSubscribe(REF, twoSeconds, e -> {});
      client.managedSubscribe(ManagedSubscriptionRef.developerName("Invoice_Sync"), twoSeconds, e -> {});
      Orders.await("both subscriptions' commits of the tenth event",
          () -> fake.managedLog.stream().filter("commit 10"::equals).count() == 2);

      long start = System.nanoTime();
      client.close();
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      // Each waits its 2 s for an answer that never comes; one after the other would take 4 s.
      assertThat(elapsedMs).isBetween(1_900L, 3_500L);
      assertThat(failures).hasSize(2).allSatisfy(f -> assertThat(f.message()).contains("did not answer"));
      Orders.await("the server to see both streams cancelled",
          () -> fake.managedLog.stream().filter("cancel"::equals).count() == 2);
    }
  }

  @Test
  void closeWithNothingProcessedCommitsNothingAndDoesNotWait() {
    try (FakePubSub fake = Orders.fakeWith(0); PubSubClient client = fake.client(Orders.auth())) {
      fake.holdCommitAnswers = true;
      Subscription s = client.managedSubscribe(REF, options().build(), e -> {});
      Orders.await("the first request", () -> !fake.firstFetches().isEmpty());

      assertTimeoutPreemptively(Duration.ofSeconds(3), s::close);

      Orders.await("the server to see the stream cancelled", () -> fake.managedLog.contains("cancel"));
      assertThat(fake.commits).isEmpty();
      assertThat(failures).isEmpty();
    }
  }

  /** Waits until the closing thread parks with a timeout (waiting for the answer) or has returned. */
  private static void awaitBlockedOrDone(Thread closer) {
    Orders.await("close() to wait or return", () -> closer.getState() == Thread.State.TIMED_WAITING
        || closer.getState() == Thread.State.TERMINATED);
  }

  private static Thread startClosing(Subscription s) {
    Thread closer = new Thread(s::close, "closing " + s.name());
    closer.setDaemon(true);
    closer.start();
    return closer;
  }
}
