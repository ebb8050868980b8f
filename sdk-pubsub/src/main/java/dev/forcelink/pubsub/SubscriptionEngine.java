package dev.forcelink.pubsub;

import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.event.ForcelinkListener;
import dev.forcelink.core.event.RetryScheduled;
import dev.forcelink.core.event.TokenRefreshed;
import dev.forcelink.core.exception.ResponseDecodeException;
import dev.forcelink.pubsub.internal.flow.ContiguousTracker;
import dev.forcelink.pubsub.internal.flow.DemandController;
import dev.forcelink.pubsub.internal.grpc.GrpcFailure;
import dev.forcelink.pubsub.internal.proto.CommitReplayResponse;
import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription: opens streams, keeps their demand topped up, hands events to a {@link
 * Dispatcher}, advances the position past contiguously processed events (saving it to the {@link
 * ReplayStore}, or committing it for a managed subscription), and resumes from that position after
 * recoverable stream errors, token expiry, replay gaps (per policy) and stalls.
 *
 * <p>Thread-safe: state is guarded by one lock, held only for bookkeeping and non-blocking sends;
 * store writes, token refreshes and listener calls happen outside it.
 */
final class SubscriptionEngine implements Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionEngine.class);
  /**
   * The longest close() waits for the answer to a managed subscription's final commit. The answer
   * normally takes one round trip; a server silent this long is not going to answer.
   */
  static final Duration FINAL_COMMIT_WAIT = Duration.ofSeconds(5);

  private final StreamProtocol protocol;
  private final Dispatcher dispatcher;
  private final SubscribeOptions options;
  private final ReplayStore store;
  private final String key;
  private final ClientContext ctx;
  private final CompletableFuture<Void> termination = new CompletableFuture<>();

  private final Object lock = new Object();
  private final DemandController demand;
  private final ContiguousTracker<ReplayId> tracker = new ContiguousTracker<>();
  private final Map<String, ReplayId> pendingCommits = new LinkedHashMap<>();
  private ReplayFrom position;
  private StreamProtocol.Stream stream;
  private String traceId;
  private int generation;
  private boolean waitingToRestart;
  private boolean started;
  private boolean closed;
  private int failures;
  private long lastResponseNanos;
  private AccessToken token;
  private ReplayId lastProcessed;
  private ContiguousTracker.Advance<ReplayId> lastAdvance;
  /** The newest replay id the server confirmed committing. */
  private ReplayId acknowledged;
  /** The commit a closing managed subscription keeps its stream open for. */
  private FinalCommit finalCommit;
  private ScheduledFuture<?> watchdog;

  private final PubSubEvent.Acknowledger acknowledger = this::onProcessed;
  private final Object checkpointLock = new Object();
  private long checkpointedSeq = -1;

  SubscriptionEngine(StreamProtocol protocol, Dispatcher dispatcher, SubscribeOptions options, ClientContext ctx) {
    this.protocol = protocol;
    this.dispatcher = dispatcher;
    this.options = options;
    this.ctx = ctx;
    this.store = protocol.managed() ? null : options.replayStore().orElseGet(InMemoryReplayStore::new);
    this.key = options.subscriptionKey().orElse(protocol.name());
    this.demand = new DemandController(options.batchSize(), options.lowWatermark());
  }

  /**
   * Loads the position and the token, starts the watchdog and opens the first stream as soon as the
   * consumer has capacity.
   *
   * @throws ReplayStoreException if the store cannot be read
   * @throws dev.forcelink.core.exception.AuthenticationException if no token can be had
   */
  void start() {
    ReplayFrom from = options.replayFrom();
    ReplayId stored = store == null ? null : store.load(key).orElse(null);
    if (stored != null) {
      from = ReplayFrom.after(stored);
    }
    AccessToken first = ctx.auth().token();
    synchronized (lock) {
      position = from;
      lastProcessed = stored;
      token = first;
      started = true;
    }
    LOG.info("Subscribing to {} from {} (key {}, batch {}, watermark {})", protocol.name(),
        protocol.managed() ? "the server's committed position" : from, key, options.batchSize(), options.lowWatermark());
    long period = Math.max(TimeUnit.MILLISECONDS.toNanos(5), options.stallTimeout().toNanos() / 4);
    watchdog = ctx.scheduler().scheduleWithFixedDelay(this::checkStall, period, period, TimeUnit.NANOSECONDS);
    pump();
  }

  /** Opens a stream or tops up demand, whichever the consumer's capacity allows. */
  void pump() {
    synchronized (lock) {
      // A Flow subscriber requests from onSubscribe, before start() has loaded the position and token.
      if (closed || waitingToRestart || !started) {
        return;
      }
      if (stream == null) {
        int capacity = dispatcher.capacity();
        if (capacity > 0) {
          openStream(capacity);
        }
        return;
      }
      if (!demand.wantsMore()) {
        // Above the watermark nothing is requested, so the consumer's capacity need not be asked.
        return;
      }
      int n = demand.nextRequest(dispatcher.capacity());
      if (n > 0) {
        try {
          stream.request(n);
        } catch (RuntimeException e) {
          // The call has already ended; its observer reports why.
          LOG.debug("Could not request {} more events on {}: {}", n, protocol.name(), e.toString());
        }
      }
    }
  }

  private void openStream(int capacity) {
    generation++;
    int gen = generation;
    demand.reset();
    int n = demand.nextRequest(capacity);
    lastResponseNanos = ctx.nanoTime().getAsLong();
    traceId = UUID.randomUUID().toString();
    LOG.debug("Opening {} stream on {} from {}, requesting {} (x-client-trace-id {})", protocol.method(),
        protocol.name(), position, n, traceId);
    try {
      stream = protocol.open(token, traceId, position, n, new Sink(gen));
    } catch (RuntimeException e) {
      stream = null;
      ctx.scheduler().execute(() -> onStreamEnd(gen, e));
      return;
    }
    if (protocol.managed() && lastAdvance != null) {
      recommit(lastAdvance.position());
    }
  }

  /**
   * Commits, on a new managed stream, the position reached before it opened. Events processed after
   * the previous stream ended could not be committed on it, and the server resumes from its last
   * commit: without this, a stream that keeps ending before its commits arrive would redeliver the
   * same events forever. The first request never carries it (the Pub/Sub API's ManagedSubscribe
   * rules); this is the second one.
   */
  private void recommit(ReplayId processed) {
    String commitId = UUID.randomUUID().toString();
    pendingCommits.put(commitId, processed);
    try {
      stream.commit(commitId, processed);
    } catch (RuntimeException e) {
      LOG.debug("Could not commit {} on the new stream of {}: {}", processed, protocol.name(), e.toString());
    }
  }

  private final class Sink implements StreamProtocol.Sink {
    private final int gen;

    Sink(int gen) {
      this.gen = gen;
    }

    @Override
    public void onBatch(StreamProtocol.Batch batch) {
      onResponse(gen, batch);
    }

    @Override
    public void onError(Throwable t) {
      onStreamEnd(gen, t);
    }

    @Override
    public void onCompleted() {
      onStreamEnd(gen, Status.UNAVAILABLE.withDescription("the server ended the stream").asRuntimeException());
    }
  }

  private void onResponse(int gen, StreamProtocol.Batch batch) {
    ContiguousTracker.Advance<ReplayId> keepaliveAdvance = null;
    List<CommitFailure> commitFailures = new ArrayList<>();
    FinalCommit settled = null;
    synchronized (lock) {
      if (gen != generation) {
        return;
      }
      if (closed) {
        // A managed subscription that is closing takes no more events, but still needs the answers
        // to its commits: close() keeps the stream open until the final one is answered.
        if (batch.commitResponse() != null) {
          settled = settleCommit(batch.commitResponse(), commitFailures);
        }
      } else {
        lastResponseNanos = ctx.nanoTime().getAsLong();
        demand.onResponse(batch.events().size(), batch.pendingNumRequested());
        // Any response, keepalives included, shows a healthy stream: the next outage starts counting afresh.
        failures = 0;
        List<PubSubEvent> events = new ArrayList<>(batch.events().size());
        for (ConsumerEvent ce : batch.events()) {
          if (ce.getReplayId().isEmpty()) {
            ctx.scheduler().execute(() -> fail(new ResponseDecodeException("The server sent an event without a "
                + "replay id on " + protocol.name() + " (rpcId " + batch.rpcId() + ")", null, traceId)));
            return;
          }
          ReplayId replayId = ReplayId.of(ce.getReplayId().toByteArray());
          long seq = tracker.register(replayId);
          events.add(new PubSubEvent(protocol.name(), replayId, ce.getEvent().getId(), ce.getEvent().getSchemaId(),
              ce.getEvent().getPayload().toByteArray(), ctx.decoder(), acknowledger, seq));
        }
        dispatcher.enqueue(events);
        if (batch.events().isEmpty() && tracker.isEmpty() && !batch.latestReplayId().isEmpty()) {
          // Every event received is processed, so the stream's tip is a safe position: resuming there loses
          // nothing and avoids replaying a long quiet history.
          ReplayId tip = ReplayId.of(batch.latestReplayId().toByteArray());
          if (!tip.equals(lastProcessed)) {
            keepaliveAdvance = tracker.complete(tracker.register(tip));
            advanceTo(keepaliveAdvance);
          }
        }
        if (batch.commitResponse() != null) {
          settleCommit(batch.commitResponse(), commitFailures);
        }
      }
    }
    if (settled != null) {
      CommitReplayResponse answer = batch.commitResponse();
      settled.answered(answer.hasError() ? answer.getError().getMsg() : null);
    }
    if (keepaliveAdvance != null) {
      checkpoint(keepaliveAdvance, true);
    }
    for (CommitFailure failure : commitFailures) {
      LOG.warn("Commit {} of replay id {} on {} was refused: {}", failure.commitRequestId(), failure.replayId(),
          failure.subscription(), failure.message());
      notifyListener(l -> l.onCommitFailure(failure));
    }
    pump();
  }

  /**
   * Forgets the commits a response answers and collects a refusal. Called with the lock held.
   *
   * @return the final commit of a closing subscription if this response answers it (close() then
   *     reports its outcome, so it is not collected here), else null
   */
  private FinalCommit settleCommit(CommitReplayResponse response, List<CommitFailure> failuresOut) {
    String id = response.getCommitRequestId();
    ReplayId committed = response.getReplayId().isEmpty() ? null : ReplayId.of(response.getReplayId().toByteArray());
    ReplayId sent = pendingCommits.get(id);
    if (sent != null) {
      // Responses may merge several commits: this one settles every commit sent before it too.
      Iterator<Map.Entry<String, ReplayId>> it = pendingCommits.entrySet().iterator();
      while (it.hasNext()) {
        boolean last = it.next().getKey().equals(id);
        it.remove();
        if (last) {
          break;
        }
      }
    } else {
      LOG.debug("Commit response {} on {} matches no pending commit", id, protocol.name());
    }
    if (!response.hasError() && sent != null) {
      acknowledged = committed != null ? committed : sent;
    }
    FinalCommit answered = null;
    if (sent != null && finalCommit != null && !pendingCommits.containsKey(finalCommit.commitRequestId())) {
      answered = finalCommit;
      finalCommit = null;
    }
    if (response.hasError() && answered == null) {
      ReplayId replay = committed != null ? committed : sent;
      failuresOut.add(new CommitFailure(protocol.name(), id, replay != null ? replay : ReplayId.of(new byte[] {0}),
          response.getError().getMsg()));
    }
    return answered;
  }

  private void onProcessed(long seq) {
    ContiguousTracker.Advance<ReplayId> advance;
    boolean drained;
    synchronized (lock) {
      advance = tracker.complete(seq);
      if (advance != null) {
        advanceTo(advance);
      }
      drained = tracker.isEmpty();
    }
    if (advance != null) {
      checkpoint(advance, drained);
    }
    pump();
  }

  private void advanceTo(ContiguousTracker.Advance<ReplayId> advance) {
    position = ReplayFrom.after(advance.position());
    lastProcessed = advance.position();
    lastAdvance = advance;
  }

  /** Saves or commits the position, at most every {@code checkpointEvery} events unless forced. */
  private void checkpoint(ContiguousTracker.Advance<ReplayId> advance, boolean force) {
    synchronized (checkpointLock) {
      if (advance.seq() <= checkpointedSeq) {
        return;
      }
      if (!force && advance.seq() - checkpointedSeq < options.checkpointEvery()) {
        return;
      }
      if (protocol.managed()) {
        synchronized (lock) {
          if (stream == null) {
            return;
          }
          String commitId = UUID.randomUUID().toString();
          pendingCommits.put(commitId, advance.position());
          try {
            stream.commit(commitId, advance.position());
          } catch (RuntimeException e) {
            LOG.debug("Could not commit on {}: {}", protocol.name(), e.toString());
            return;
          }
        }
      } else {
        try {
          store.save(key, advance.position());
        } catch (RuntimeException e) {
          LOG.warn("Could not save replay id {} of {} to {}; the next checkpoint tries again: {}",
              advance.position(), key, store, e.toString());
          return;
        }
      }
      checkpointedSeq = advance.seq();
    }
  }

  private void onStreamEnd(int gen, Throwable t) {
    GrpcFailure failure = GrpcFailure.of(t);
    StreamProtocol.Stream old;
    ReplayFrom rejected;
    FinalCommit unanswered;
    boolean closing;
    synchronized (lock) {
      if (gen != generation) {
        return;
      }
      closing = closed;
      if (closing) {
        // Only a closing managed subscription keeps its stream: nothing more can be committed on it,
        // and the commit close() waits for will not be answered.
        unanswered = finalCommit;
        finalCommit = null;
        stream = null;
        old = null;
        rejected = null;
      } else {
        unanswered = null;
        generation++;
        old = stream;
        stream = null;
        waitingToRestart = true;
        rejected = position;
        // Events not yet handed to the consumer come again on the new stream.
        for (long seq : dispatcher.dropPending()) {
          tracker.remove(seq);
        }
      }
    }
    if (closing) {
      if (unanswered != null) {
        unanswered.unanswered("the stream ended before the server answered (" + failure.describe() + ")");
      }
      return;
    }
    if (old != null) {
      try {
        old.cancel("restarting the subscription");
      } catch (RuntimeException ignored) {
        // Already closed.
      }
    }
    GrpcFailure.Action action = failure.action();
    if (action == GrpcFailure.Action.REPLAY_GAP && !protocol.managed()) {
      onReplayGap(failure, rejected);
    } else if (action == GrpcFailure.Action.REFRESH_AUTH) {
      if (countFailure(failure)) {
        ctx.scheduler().execute(() -> refreshThenRestart(failure));
      }
    } else if (action == GrpcFailure.Action.RETRY) {
      if (countFailure(failure)) {
        scheduleRestart(failure);
      }
    } else {
      fail(failure.toException(describeCall(rejected), traceIdOrNull()));
    }
  }

  /** Counts a consecutive failure; fails the subscription and returns false past the limit. */
  private boolean countFailure(GrpcFailure failure) {
    int count;
    synchronized (lock) {
      count = ++failures;
    }
    if (count > options.resumePolicy().maxAttempts()) {
      fail(failure.toException(describeCall(currentPosition()), traceIdOrNull(), "gave up after " + (count - 1)
          + " consecutive resubscriptions"));
      return false;
    }
    return true;
  }

  private void scheduleRestart(GrpcFailure failure) {
    int attempt;
    ReplayFrom from;
    synchronized (lock) {
      attempt = failures;
      from = position;
    }
    Duration delay = ctx.jitter().apply(options.resumePolicy().backoffCeiling(attempt, false));
    LOG.info("Stream on {} ended ({}); resubscribing from {} in {} ms (attempt {})", protocol.name(),
        failure.describe(), protocol.managed() ? "the committed position" : from, delay.toMillis(), attempt);
    Resubscribed event = new Resubscribed(protocol.name(), attempt, delay, from, failure.describe());
    notifyListener(l -> l.onResubscribe(event));
    String correlation = traceIdOrNull() == null ? "" : traceIdOrNull();
    for (ForcelinkListener l : ctx.listeners()) {
      try {
        l.onRetry(new RetryScheduled("GRPC", protocol.method(), attempt, delay, failure.describe(), correlation));
      } catch (RuntimeException e) {
        LOG.warn("A listener failed on a retry event; ignored", e);
      }
    }
    ctx.scheduler().schedule(this::restart, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void refreshThenRestart(GrpcFailure failure) {
    AccessToken rejected;
    synchronized (lock) {
      if (closed) {
        return;
      }
      rejected = token;
    }
    AccessToken fresh;
    try {
      fresh = ctx.auth().refresh(rejected);
    } catch (RuntimeException e) {
      fail(e);
      return;
    }
    synchronized (lock) {
      token = fresh;
    }
    LOG.info("Refreshed the access token after {} on {}; resubscribing from {}", failure.describe(), protocol.name(),
        protocol.managed() ? "the committed position" : currentPosition());
    TokenRefreshed event = new TokenRefreshed(fresh.instanceUrl(), "Pub/Sub " + failure.describe(),
        traceIdOrNull() == null ? "" : traceIdOrNull(), Instant.now());
    for (ForcelinkListener l : ctx.listeners()) {
      try {
        l.onTokenRefresh(event);
      } catch (RuntimeException e) {
        LOG.warn("A listener failed on a token refresh event; ignored", e);
      }
    }
    restart();
  }

  private void onReplayGap(GrpcFailure failure, ReplayFrom rejected) {
    ReplayGapPolicy policy = options.gapPolicy();
    ReplayGap gap = new ReplayGap(key, protocol.name(), rejected.replayId(), policy,
        failure.errorCode() == null ? "" : failure.errorCode(), Optional.ofNullable(failure.rpcId()));
    LOG.info("Replay gap on {}: the server rejected {} ({}); policy {}", protocol.name(), rejected,
        failure.describe(), policy);
    notifyListener(l -> l.onReplayGap(gap));
    if (policy == ReplayGapPolicy.FAIL) {
      fail(failure.toException(describeCall(rejected), traceIdOrNull(), "the replay id is corrupted or expired and "
          + "the gap policy is FAIL: choose ReplayGapPolicy.EARLIEST or LATEST, or reset the replay store entry '"
          + key + "'"));
      return;
    }
    if (!countFailure(failure)) {
      return;
    }
    synchronized (lock) {
      position = policy == ReplayGapPolicy.EARLIEST ? ReplayFrom.earliest() : ReplayFrom.latest();
    }
    ctx.scheduler().execute(this::restart);
  }

  private void restart() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      waitingToRestart = false;
    }
    pump();
  }

  private void checkStall() {
    int gen;
    long silentNanos;
    synchronized (lock) {
      if (closed || stream == null || demand.outstanding() == 0) {
        return;
      }
      silentNanos = ctx.nanoTime().getAsLong() - lastResponseNanos;
      if (silentNanos < options.stallTimeout().toNanos()) {
        return;
      }
      gen = generation;
    }
    LOG.info("Stream on {} stalled: no response for {} ms with events requested; restarting it", protocol.name(),
        TimeUnit.NANOSECONDS.toMillis(silentNanos));
    onStreamEnd(gen, Status.UNAVAILABLE.withDescription("stream stalled: no response for "
        + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms").asRuntimeException());
  }

  /** Stops the subscription with a failure; the first terminal signal wins. */
  void fail(Throwable cause) {
    if (!terminate(cause, false)) {
      return;
    }
    LOG.warn("Subscription {} stopped: {}", protocol.name(), cause.toString());
  }

  /**
   * Closes the subscription (see {@link Subscription#close()}). Called from a handler, it does not
   * wait for the answer to a managed subscription's final commit: the stream stays open in the
   * background until the answer comes or the wait runs out.
   */
  @Override
  public void close() {
    boolean mayWait = !dispatcher.isConsumerThread();
    if (terminate(null, mayWait)) {
      LOG.info("Subscription {} closed", protocol.name());
      return;
    }
    FinalCommit settling;
    synchronized (lock) {
      settling = finalCommit;
    }
    if (mayWait && settling != null) {
      // Closed from a handler before, and still settling in the background: a later close() from
      // outside returns only once the stream is ended, as the first one would have.
      // Waits for the end of the stream and the report of a failure, so that a listener has heard of
      // it before close() returns.
      settling.awaitFinished(FINAL_COMMIT_WAIT, "the server did not answer within " + FINAL_COMMIT_WAIT.toSeconds()
          + " s of close()");
    }
  }

  /**
   * Closes the subscription without blocking on the server: a managed subscription's final commit is
   * settled in the background, as from a handler. For {@code Flow.Subscription.cancel()}, which must
   * return promptly (Reactive Streams rule 3.5).
   */
  void closeWithoutWaiting() {
    if (terminate(null, false)) {
      LOG.info("Subscription {} closed", protocol.name());
    }
  }

  private boolean terminate(Throwable cause, boolean mayWait) {
    StreamProtocol.Stream detached = null;
    boolean settleCommit;
    synchronized (lock) {
      if (closed) {
        return false;
      }
      closed = true;
      // A managed subscription closed normally keeps its stream until its last commit is answered.
      settleCommit = cause == null && protocol.managed();
      if (!settleCommit) {
        generation++;
        detached = stream;
        stream = null;
      }
    }
    long deadline = System.nanoTime() + options.closeTimeout().toNanos();
    if (watchdog != null) {
      watchdog.cancel(false);
    }
    if (cause == null) {
      // Stop handing out events, let the handlers already running finish and checkpoint, then save
      // the final position, so that nothing is saved after close() returns.
      dispatcher.terminate(null);
      if (!dispatcher.awaitIdle(options.closeTimeout())) {
        LOG.info("Subscription {} closed while handlers were still running; their events will be redelivered",
            protocol.name());
      }
      ContiguousTracker.Advance<ReplayId> flush;
      synchronized (lock) {
        flush = lastAdvance;
      }
      if (flush != null) {
        checkpoint(flush, true);
      }
    }
    if (settleCommit) {
      endManagedStream(mayWait, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    } else {
      cancelQuietly(detached, cause == null ? "subscription closed" : "subscription failed");
    }
    if (cause != null) {
      dispatcher.terminate(cause);
    }
    if (cause == null) {
      termination.complete(null);
    } else {
      termination.completeExceptionally(cause);
    }
    return true;
  }

  /**
   * Ends a closing managed subscription's stream once the server has answered its newest commit, so
   * that the next stream resumes after everything processed. Cancels at once when nothing awaits an
   * answer. Waits at most {@link #FINAL_COMMIT_WAIT} and never past the close timeout; when it may
   * not wait, the stream is ended in the background instead. The stream is cancelled, not
   * half-closed: nothing says the server ends the call when the client stops sending, and one that
   * keeps delivering the events still owed would hold the stream until its idle close.
   */
  private void endManagedStream(boolean mayWait, Duration left) {
    StreamProtocol.Stream open;
    FinalCommit last = null;
    Map.Entry<String, ReplayId> newest = null;
    ReplayId processed;
    ReplayId confirmed;
    synchronized (lock) {
      open = stream;
      // No commit is sent after this, even by handlers still running.
      stream = null;
      for (Map.Entry<String, ReplayId> entry : pendingCommits.entrySet()) {
        newest = entry;
      }
      if (open != null && newest != null) {
        last = new FinalCommit(newest.getKey(), newest.getValue());
        finalCommit = last;
      } else {
        generation++;
      }
      processed = lastProcessed;
      confirmed = acknowledged;
    }
    if (last == null) {
      cancelQuietly(open, "subscription closed");
      if (open == null && newest != null) {
        reportUnconfirmed(newest.getKey(), newest.getValue(), "the stream ended before the server answered");
      } else if (open == null && processed != null && !processed.equals(confirmed)) {
        LOG.warn("Subscription {} closed while it had no open stream: replay id {} was processed but not "
            + "committed, so the events after {} may be delivered again", protocol.name(), processed,
            confirmed == null ? "the server's committed position" : confirmed);
      }
      return;
    }
    Duration wait = left.compareTo(FINAL_COMMIT_WAIT) < 0 ? left : FINAL_COMMIT_WAIT;
    String noAnswer = "the server did not answer within the " + wait.toMillis() + " ms close() could wait (at most "
        + FINAL_COMMIT_WAIT.toSeconds() + " s, within closeTimeout " + options.closeTimeout().toMillis() + " ms)";
    FinalCommit settling = last;
    if (mayWait) {
      finishManagedStream(open, settling, settling.await(wait, noAnswer));
      return;
    }
    settling.whenSettled(outcome -> finishManagedStream(open, settling, outcome));
    try {
      ctx.scheduler().schedule(() -> settling.unanswered(noAnswer), wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      settling.unanswered("the client is closing");
    }
  }

  private void finishManagedStream(StreamProtocol.Stream open, FinalCommit settled, Optional<String> failure) {
    synchronized (lock) {
      if (finalCommit == settled) {
        finalCommit = null;
      }
      generation++;
    }
    try {
      cancelQuietly(open, "subscription closed");
      failure.ifPresent(why -> reportUnconfirmed(settled.commitRequestId(), settled.replayId(), why));
    } finally {
      settled.finished();
    }
  }

  private void reportUnconfirmed(String commitRequestId, ReplayId replayId, String why) {
    LOG.warn("The final commit {} of replay id {} on {} is not confirmed: {}; the events after the server's "
        + "committed position may be delivered again", commitRequestId, replayId, protocol.name(), why);
    CommitFailure failure = new CommitFailure(protocol.name(), commitRequestId, replayId, why);
    notifyListener(l -> l.onCommitFailure(failure));
  }

  private static void cancelQuietly(StreamProtocol.Stream stream, String reason) {
    if (stream == null) {
      return;
    }
    try {
      stream.cancel(reason);
    } catch (RuntimeException ignored) {
      // Already closed.
    }
  }

  private void notifyListener(Consumer<SubscriptionListener> call) {
    try {
      call.accept(options.listener());
    } catch (RuntimeException e) {
      LOG.warn("A subscription listener failed; ignored", e);
    }
  }

  private ReplayFrom currentPosition() {
    synchronized (lock) {
      return position;
    }
  }

  private String traceIdOrNull() {
    synchronized (lock) {
      return traceId;
    }
  }

  private String describeCall(ReplayFrom from) {
    return protocol.managed() ? "ManagedSubscribe to " + protocol.name()
        : "Subscribe to " + protocol.name() + " from " + from;
  }

  @Override
  public String name() {
    return protocol.name();
  }

  @Override
  public boolean isActive() {
    synchronized (lock) {
      return !closed;
    }
  }

  @Override
  public CompletableFuture<Void> termination() {
    // Not copy(): a dependent future would wrap the failure in a CompletionException.
    CompletableFuture<Void> view = new CompletableFuture<>();
    termination.whenComplete((ok, failure) -> {
      if (failure == null) {
        view.complete(null);
      } else {
        view.completeExceptionally(failure);
      }
    });
    return view;
  }

  @Override
  public Optional<ReplayId> lastProcessed() {
    synchronized (lock) {
      return Optional.ofNullable(lastProcessed);
    }
  }

  int outstandingForTest() {
    synchronized (lock) {
      return demand.outstanding();
    }
  }

  @Override
  public String toString() {
    return "Subscription{" + protocol.name() + ", key=" + key + ", active=" + isActive() + "}";
  }
}
