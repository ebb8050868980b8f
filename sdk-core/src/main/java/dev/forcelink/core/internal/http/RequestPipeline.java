package dev.forcelink.core.internal.http;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.event.ForcelinkListener;
import dev.forcelink.core.event.RequestCompleted;
import dev.forcelink.core.event.RequestStarted;
import dev.forcelink.core.event.RetryScheduled;
import dev.forcelink.core.event.TokenRefreshed;
import dev.forcelink.core.exception.ApiBudgetExceededException;
import dev.forcelink.core.exception.ConnectionException;
import dev.forcelink.core.exception.ForcelinkClientException;
import dev.forcelink.core.exception.ForcelinkException;
import dev.forcelink.core.exception.RequestTimeoutException;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import dev.forcelink.core.internal.error.ErrorBody;
import dev.forcelink.core.internal.error.ErrorBodyParser;
import dev.forcelink.core.internal.log.Redaction;
import dev.forcelink.core.internal.retry.Classifier;
import dev.forcelink.core.internal.retry.FailsafePolicies;
import dev.forcelink.core.internal.retry.LiveRetryBudget;
import dev.forcelink.core.internal.retry.RetryAction;
import dev.forcelink.core.internal.retry.RetrySignal;
import dev.forcelink.core.internal.retry.TransportFailure;
import dev.forcelink.core.limits.ApiUsage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link SalesforceRequest}s: per attempt it adds the bearer token, the correlation id,
 * {@code Accept-Encoding: gzip}, {@code Accept} and {@code User-Agent}; it streams 2xx/304 bodies
 * to the caller's handler and turns every other status into a typed exception; it refreshes a
 * rejected token once, records {@code Sforce-Limit-Info}, and retries per the classifier, the
 * idempotency guard, the retry budget and the deadline, with Failsafe doing the looping.
 *
 * <p>Thread-safe; one per connection, shared by connections derived from it.
 */
public final class RequestPipeline {
  private static final Logger LOG = LoggerFactory.getLogger("dev.forcelink.core.http");
  private static final Logger WIRE = LoggerFactory.getLogger("dev.forcelink.core.http.wire");
  private static final int COMPRESS_THRESHOLD = 1024;

  private final PipelineConfig cfg;
  private final dev.failsafe.RetryPolicy<Object> loop;
  private final LiveRetryBudget retryBudget;
  private final AtomicReference<ApiUsage> latestUsage = new AtomicReference<>();

  /**
   * Creates the pipeline.
   *
   * @param cfg the resolved configuration
   */
  public RequestPipeline(PipelineConfig cfg) {
    this.cfg = cfg;
    this.loop = FailsafePolicies.loop(cfg.retryPolicy());
    this.retryBudget = new LiveRetryBudget(cfg.retryPolicy().budget());
  }

  /**
   * Returns the configuration.
   *
   * @return the configuration
   */
  public PipelineConfig config() {
    return cfg;
  }

  /**
   * Returns the latest API usage any response reported.
   *
   * @return the usage, if seen
   */
  public Optional<ApiUsage> latestUsage() {
    return Optional.ofNullable(latestUsage.get());
  }

  /**
   * Returns the live retry budget.
   *
   * @return the bucket
   */
  public LiveRetryBudget retryBudget() {
    return retryBudget;
  }

  /**
   * Resolves the instance URL: the fixed one, or the current token's.
   *
   * @return the instance URL
   * @throws IllegalArgumentException if it breaks the HTTPS-only rule
   */
  public URI instanceUrl() {
    return resolveBase(null);
  }

  // ---------------------------------------------------------------- sync

  /**
   * Sends a request and waits for the outcome.
   *
   * @param request the request
   * @param handler the body handler for 2xx/304 responses
   * @param <T> the body type
   * @return the response
   */
  public <T> SalesforceResponse<T> send(SalesforceRequest request, BodyHandler<T> handler) {
    Call call = start(request);
    try {
      SalesforceResponse<T> response = Failsafe.with(loop).get(ctx -> attemptSync(call, handler));
      return finish(call, response);
    } catch (FailsafeException e) {
      Throwable cause = e.getCause() instanceof InterruptedException ? e.getCause() : e;
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw fail(call, new ForcelinkClientException(
          call.request.description() + ": interrupted while waiting to retry", cause, call.correlationId, false));
    } catch (RuntimeException | Error e) {
      throw fail(call, e);
    }
  }

  private <T> SalesforceResponse<T> attemptSync(Call call, BodyHandler<T> handler) {
    int attempt = ++call.attempt;
    beforeAttempt(call);
    AccessToken token = call.request.authenticated() ? cfg.authProvider().token() : null;
    while (true) {
      HttpRequest http = buildRequest(call, token);
      HttpResponse<Outcome<T>> response;
      try {
        response = cfg.httpClient().send(http, routing(call, handler));
      } catch (IOException e) {
        throw transportFailure(call, attempt, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ForcelinkClientException(
            call.request.description() + ": interrupted while waiting for the response", e, call.correlationId, false);
      }
      Step<T> step = onResponse(call, attempt, response, token);
      if (step.refreshReason != null) {
        token = refreshToken(call, token, step.refreshReason);
        continue;
      }
      if (step.failure != null) {
        throw step.failure;
      }
      return step.response;
    }
  }

  // ---------------------------------------------------------------- async

  /**
   * Sends a request without blocking the caller: the exchange uses {@code HttpClient.sendAsync},
   * token work runs on the configured executor and retries are scheduled, never slept on a thread.
   *
   * @param request the request
   * @param handler the body handler for 2xx/304 responses
   * @param <T> the body type
   * @return a future of the response; completes exceptionally with a {@link ForcelinkException}
   */
  public <T> CompletableFuture<SalesforceResponse<T>> sendAsync(SalesforceRequest request, BodyHandler<T> handler) {
    CompletableFuture<SalesforceResponse<T>> result = new CompletableFuture<>();
    Call call;
    try {
      call = start(request);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return result;
    }
    CompletableFuture<SalesforceResponse<T>> looped;
    try {
      looped = Failsafe.with(loop).with(cfg.scheduler()).getStageAsync(ctx -> attemptAsync(call, handler));
    } catch (RuntimeException e) {
      result.completeExceptionally(fail(call, e));
      return result;
    }
    looped.whenComplete((response, failure) -> {
      if (failure == null) {
        try {
          result.complete(finish(call, response));
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      } else {
        result.completeExceptionally(fail(call, unwrap(failure)));
      }
    });
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        looped.cancel(true);
      }
    });
    return result;
  }

  private <T> CompletionStage<SalesforceResponse<T>> attemptAsync(Call call, BodyHandler<T> handler) {
    int attempt = ++call.attempt;
    try {
      beforeAttempt(call);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<AccessToken> token = call.request.authenticated()
        ? CompletableFuture.supplyAsync(() -> cfg.authProvider().token(), cfg.executor())
        : CompletableFuture.completedFuture(null);
    return token.thenCompose(t -> sendOnceAsync(call, attempt, handler, t));
  }

  private <T> CompletableFuture<SalesforceResponse<T>> sendOnceAsync(
      Call call, int attempt, BodyHandler<T> handler, AccessToken token) {
    HttpRequest http = buildRequest(call, token);
    return cfg.httpClient().sendAsync(http, routing(call, handler))
        .handle((response, err) -> {
          if (err != null) {
            return CompletableFuture.<SalesforceResponse<T>>failedFuture(
                transportFailure(call, attempt, unwrap(err)));
          }
          Step<T> step = onResponse(call, attempt, response, token);
          if (step.refreshReason != null) {
            return CompletableFuture
                .supplyAsync(() -> refreshToken(call, token, step.refreshReason), cfg.executor())
                .thenCompose(fresh -> sendOnceAsync(call, attempt, handler, fresh));
          }
          return step.failure != null
              ? CompletableFuture.<SalesforceResponse<T>>failedFuture(step.failure)
              : CompletableFuture.completedFuture(step.response);
        })
        .thenCompose(Function.identity());
  }

  // ---------------------------------------------------------------- shared steps

  /**
   * The body handler of one attempt: routes by status and bounds the body phase by the attempt's
   * deadline, which {@link #buildRequest} has just set ({@code HttpRequest.timeout} covers only the
   * wait for the headers).
   */
  private <T> RoutingBodyHandler<T> routing(Call call, BodyHandler<T> handler) {
    return new RoutingBodyHandler<>(handler, call.attemptDeadlineNanos, Duration.ofNanos(call.attemptBudgetNanos),
        cfg.scheduler());
  }

  private Call start(SalesforceRequest request) {
    String correlationId = request.correlationId()
        .orElseGet(() -> UUID.randomUUID().toString().replace("-", ""));
    long now = System.nanoTime();
    long callNanos = cfg.retryPolicy().callTimeout().toNanos();
    String query = request.encodedQuery();
    String logTarget = request.logPath() + (query.isEmpty() ? "" : "?" + Redaction.redactFormEncoded(query));
    Call call = new Call(request, correlationId, cfg.clock().instant(), now,
        now + Math.min(callNanos, Long.MAX_VALUE / 4), logTarget);
    RequestStarted event = new RequestStarted(request.method(), request.logPath(), request.description(),
        correlationId, call.startedAt);
    notifyListeners(l -> l.onRequestStart(event), "onRequestStart");
    return call;
  }

  private void beforeAttempt(Call call) {
    if (call.remainingNanos() <= 0) {
      throw deadlinePassed(call, null);
    }
    if (call.request.authenticated() && cfg.apiBudget() != null) {
      ApiUsage usage = latestUsage.get();
      if (usage != null) {
        Optional<String> refusal = cfg.apiBudget().refusal(usage);
        if (refusal.isPresent()) {
          throw new ApiBudgetExceededException(
              call.request.description() + ": " + refusal.get(), usage, call.correlationId);
        }
      }
    }
  }

  private HttpRequest buildRequest(Call call, AccessToken token) {
    SalesforceRequest req = call.request;
    URI base = resolveBase(token);
    URI target = targetOf(req, base);
    Duration perAttempt = req.timeout().orElse(cfg.retryPolicy().attemptTimeout());
    long remaining = call.remainingNanos();
    if (remaining <= 0) {
      throw deadlinePassed(call, null);
    }
    boolean clipped = remaining < perAttempt.toNanos();
    call.timeoutClipped = clipped;
    long budget = clipped ? remaining : perAttempt.toNanos();
    call.attemptBudgetNanos = budget;
    call.attemptDeadlineNanos = System.nanoTime() + budget;
    // The client's timeout bounds the wait for the headers, the body handler the rest of the budget.
    // The client's is set a little later so that a body cut off by the handler is never also closed
    // by the client's own timer at the same instant (reported as a plain I/O error).
    HttpRequest.Builder b = HttpRequest.newBuilder(target)
        .timeout(Duration.ofNanos(budget + Math.max(TimeUnit.MILLISECONDS.toNanos(10), budget / 50)));
    boolean callerAccept = false;
    for (Map.Entry<String, String> h : req.headers()) {
      String name = h.getKey();
      if (name.equalsIgnoreCase("X-SFDC-REQUEST-ID") || name.equalsIgnoreCase("User-Agent")
          || name.equalsIgnoreCase("Accept-Encoding") || name.equalsIgnoreCase("Content-Encoding")
          || (name.equalsIgnoreCase("Authorization") && req.authenticated())
          || (name.equalsIgnoreCase("Content-Type") && req.hasBody())) {
        continue;
      }
      callerAccept |= name.equalsIgnoreCase("Accept");
      b.header(name, h.getValue());
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token.value().reveal());
    }
    b.header("X-SFDC-REQUEST-ID", call.correlationId);
    b.header("Accept-Encoding", "gzip");
    if (!callerAccept) {
      b.header("Accept", "application/json");
    }
    b.header("User-Agent", cfg.userAgent());
    HttpRequest.BodyPublisher body;
    if (!req.hasBody()) {
      body = HttpRequest.BodyPublishers.noBody();
    } else {
      req.contentType().ifPresent(ct -> b.header("Content-Type", ct));
      Optional<ByteBuffer> bytes = req.bodyBytes();
      if (cfg.compressRequests() && bytes.isPresent() && bytes.get().remaining() > COMPRESS_THRESHOLD) {
        byte[] gz = call.gzippedBody;
        if (gz == null) {
          gz = gzip(bytes.get());
          call.gzippedBody = gz;
        }
        b.header("Content-Encoding", "gzip");
        body = HttpRequest.BodyPublishers.ofByteArray(gz);
      } else {
        body = req.newBodyPublisher();
      }
    }
    b.method(req.method(), body);
    HttpRequest http = b.build();
    call.sends++;
    if (WIRE.isTraceEnabled()) {
      WIRE.trace("> {} {} (attempt {}, send {}) headers: {} [correlationId={}]", req.method(), call.logTarget,
          call.attempt, call.sends, formatHeaders(http.headers()), call.correlationId);
    }
    return http;
  }

  private URI resolveBase(AccessToken token) {
    URI base = cfg.instanceUrl();
    if (base == null) {
      base = (token != null ? token : cfg.authProvider().token()).instanceUrl();
    }
    return InstanceUrls.check(base, cfg.allowInsecureHttp());
  }

  private static URI targetOf(SalesforceRequest req, URI base) {
    String query = req.encodedQuery();
    String suffix = query.isEmpty() ? "" : "?" + query;
    Optional<URI> absolute = req.absoluteUri();
    String text;
    if (absolute.isPresent()) {
      URI abs = absolute.get();
      if (!InstanceUrls.sameOrigin(abs, base)) {
        throw new IllegalArgumentException("Refusing to send " + req.method() + " " + abs.getScheme() + "://"
            + abs.getHost() + req.logPath() + ": absolute request URIs must be on the instance "
            + base.getScheme() + "://" + base.getHost() + " (the bearer token never leaves it)");
      }
      text = abs.getScheme() + "://" + abs.getRawAuthority() + abs.getRawPath() + suffix;
    } else {
      String root = base.toString();
      while (root.endsWith("/")) {
        root = root.substring(0, root.length() - 1);
      }
      text = root + req.logPath() + suffix;
    }
    try {
      return URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(req.description()
          + ": the request target is not a valid URI; percent-encode path segments", e);
    }
  }

  private <T> Step<T> onResponse(Call call, int attempt, HttpResponse<Outcome<T>> response, AccessToken token) {
    int status = response.statusCode();
    HttpHeaders headers = response.headers();
    String requestId = headers.firstValue("x-sfdc-request-id")
        .or(() -> headers.firstValue("x-request-id")).orElse(null);
    call.lastStatus = status;
    call.lastRequestId = requestId;
    ApiUsage usage = headers.firstValue("Sforce-Limit-Info")
        .flatMap(v -> ApiUsage.parse(v, cfg.clock().instant())).orElse(null);
    if (WIRE.isTraceEnabled()) {
      WIRE.trace("< {} {} -> {} headers: {} [correlationId={}, requestId={}]", call.request.method(),
          call.logTarget, status, formatHeaders(headers), call.correlationId, requestId);
    }
    if (usage != null) {
      latestUsage.set(usage);
      notifyListeners(l -> l.onApiUsage(usage), "onApiUsage");
    }
    Outcome<T> outcome = response.body();
    if (outcome.isSuccess()) {
      retryBudget.recordSuccess();
      return Step.success(SalesforceResponse.of(status, headers, outcome.body(), call.correlationId, requestId,
          usage, call.sends));
    }
    byte[] errorBytes = outcome.error().bytes();
    ErrorBody body = ErrorBodyParser.parse(errorBytes);
    RetryAction action = Classifier.classify(status, body);
    String reason = "HTTP " + status + body.errors().stream().findFirst().map(e -> " " + e.errorCode()).orElse("");
    String summary = call.request.description();
    if (action == RetryAction.REFRESH_ONCE) {
      if (token != null && !call.refreshed) {
        return Step.refresh(reason);
      }
      action = RetryAction.FAIL;
      summary = summary + (token == null
          ? " (unauthenticated request was refused)"
          : " (the token was rejected again after a refresh; check the user's API access and session settings)");
    }
    ForcelinkException failure =
        ExceptionFactory.fromResponse(status, body, errorBytes, action, summary, call.correlationId, requestId, usage);
    return Step.failure(decide(call, attempt, action, false, failure, reason));
  }

  private AccessToken refreshToken(Call call, AccessToken rejected, String reason) {
    call.refreshed = true;
    AccessToken fresh = cfg.authProvider().refresh(rejected);
    LOG.debug("Token rejected ({}); obtained a new one and resending {} [correlationId={}]",
        reason, call.request.description(), call.correlationId);
    TokenRefreshed event = new TokenRefreshed(fresh.instanceUrl(), reason, call.correlationId, cfg.clock().instant());
    notifyListeners(l -> l.onTokenRefresh(event), "onTokenRefresh");
    return fresh;
  }

  private RuntimeException transportFailure(Call call, int attempt, Throwable error) {
    TransportFailure tf = Classifier.classifyTransport(error);
    String what = call.request.description();
    if (tf.timeout()) {
      if (call.timeoutClipped && !(error instanceof HttpConnectTimeoutException)) {
        return deadlinePassed(call, error);
      }
      Duration limit = call.request.timeout().orElse(cfg.retryPolicy().attemptTimeout());
      RequestTimeoutException ex = new RequestTimeoutException(
          what + ": " + tf.reason() + " (no response within the per-attempt timeout of " + limit + ")",
          error, call.correlationId, true);
      return decide(call, attempt, tf.action(), tf.provablyUnsent(), ex, tf.reason());
    }
    ForcelinkClientException ex = tf.action() == RetryAction.FAIL
        ? new ForcelinkClientException(what + ": " + tf.reason(), error, call.correlationId, false)
        : new ConnectionException(what + ": " + tf.reason()
            + (tf.provablyUnsent() ? "" : "; the request may have reached the server"), error, call.correlationId);
    return decide(call, attempt, tf.action(), tf.provablyUnsent(), ex, tf.reason());
  }

  private RequestTimeoutException deadlinePassed(Call call, Throwable cause) {
    return new RequestTimeoutException(call.request.description() + ": the whole-call timeout of "
        + cfg.retryPolicy().callTimeout() + " passed after " + call.sends + " attempt(s)",
        cause, call.correlationId, false);
  }

  /** Decides whether to retry; returns the signal to retry, or the failure to end the call with. */
  private RuntimeException decide(Call call, int attempt, RetryAction action, boolean provablyUnsent,
      ForcelinkException failure, String reason) {
    if (!action.isRetry()) {
      return failure;
    }
    SalesforceRequest req = call.request;
    if (!req.idempotency().isSafeToResend() && !provablyUnsent) {
      LOG.debug("Not retrying {} after {}: it is not idempotent and may have reached the server"
          + " [correlationId={}]", req.description(), reason, call.correlationId);
      return failure;
    }
    if (action == RetryAction.RETRY_ONCE && (call.onceRetries > 0 || !req.idempotency().isSafeToResend())) {
      return failure;
    }
    if (attempt >= cfg.retryPolicy().maxAttempts()) {
      return failure;
    }
    Duration ceiling = cfg.retryPolicy().backoffCeiling(attempt, action == RetryAction.RETRY_THROTTLED);
    Duration delay = cfg.jitter().pick(ceiling);
    if (delay.toNanos() >= call.remainingNanos()) {
      LOG.debug("Not retrying {} after {}: the next attempt would start after the call deadline"
          + " [correlationId={}]", req.description(), reason, call.correlationId);
      return failure;
    }
    if (!retryBudget.tryAcquireRetry()) {
      LOG.info("Not retrying {} after {}: the connection's retry budget is exhausted"
          + " (too many recent failures) [correlationId={}]", req.description(), reason, call.correlationId);
      return failure;
    }
    if (action == RetryAction.RETRY_ONCE) {
      call.onceRetries++;
    }
    LOG.info("Retrying {} after attempt {} failed ({}); next attempt in {} ms [correlationId={}]",
        req.description(), attempt, reason, delay.toMillis(), call.correlationId);
    RetryScheduled event = new RetryScheduled(req.method(), req.logPath(), attempt, delay, reason, call.correlationId);
    notifyListeners(l -> l.onRetry(event), "onRetry");
    return new RetrySignal(failure, delay);
  }

  private <T> SalesforceResponse<T> finish(Call call, SalesforceResponse<T> response) {
    Duration took = Duration.ofNanos(System.nanoTime() - call.startNanos);
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} -> {} in {} ms, attempts={} [correlationId={}, requestId={}]", call.request.method(),
          call.logTarget, response.statusCode(), took.toMillis(), call.sends, call.correlationId,
          response.requestId().orElse(null));
    }
    RequestCompleted event = new RequestCompleted(call.request.method(), call.request.logPath(),
        response.statusCode(), null, took, call.sends, call.correlationId, response.requestId().orElse(null));
    notifyListeners(l -> l.onRequestEnd(event), "onRequestEnd");
    return response;
  }

  private RuntimeException fail(Call call, Throwable error) {
    Throwable t = error;
    RetrySignal signal = FailsafePolicies.signalIn(t);
    if (signal != null) {
      t = signal.failure();
    }
    RuntimeException failure = t instanceof RuntimeException
        ? (RuntimeException) t
        : new ForcelinkClientException(call.request.description() + ": " + t.getClass().getSimpleName(), t,
            call.correlationId, false);
    Duration took = Duration.ofNanos(System.nanoTime() - call.startNanos);
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} -> failed ({}) in {} ms, attempts={} [correlationId={}, requestId={}]",
          call.request.method(), call.logTarget, failure.getClass().getSimpleName(), took.toMillis(),
          call.sends, call.correlationId, call.lastRequestId);
    }
    RequestCompleted event = new RequestCompleted(call.request.method(), call.request.logPath(),
        call.lastStatus, failure, took, call.sends, call.correlationId, call.lastRequestId);
    notifyListeners(l -> l.onRequestEnd(event), "onRequestEnd");
    return failure;
  }

  private void notifyListeners(Consumer<ForcelinkListener> action, String what) {
    for (ForcelinkListener listener : cfg.listeners()) {
      try {
        action.accept(listener);
      } catch (RuntimeException e) {
        LOG.warn("Listener {} threw from {}; ignored", listener.getClass().getName(), what, e);
      }
    }
  }

  private static Throwable unwrap(Throwable t) {
    Throwable x = t;
    while ((x instanceof CompletionException || x instanceof ExecutionException) && x.getCause() != null) {
      x = x.getCause();
    }
    return x;
  }

  private static String formatHeaders(HttpHeaders headers) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, List<String>> e : headers.map().entrySet()) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(e.getKey()).append('=');
      List<String> values = e.getValue();
      for (int i = 0; i < values.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(Redaction.headerValueForLog(e.getKey(), values.get(i)));
      }
    }
    return sb.append('}').toString();
  }

  private static byte[] gzip(ByteBuffer bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.remaining() / 4));
    byte[] copy = new byte[bytes.remaining()];
    bytes.duplicate().get(copy);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(copy);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory gzip failed", e);
    }
    return out.toByteArray();
  }

  /** The result of one exchange: a response, a failure (or retry signal), or a request to refresh. */
  private static final class Step<T> {
    final SalesforceResponse<T> response;
    final RuntimeException failure;
    final String refreshReason;

    private Step(SalesforceResponse<T> response, RuntimeException failure, String refreshReason) {
      this.response = response;
      this.failure = failure;
      this.refreshReason = refreshReason;
    }

    static <T> Step<T> success(SalesforceResponse<T> response) {
      return new Step<>(response, null, null);
    }

    static <T> Step<T> failure(RuntimeException failure) {
      return new Step<>(null, failure, null);
    }

    static <T> Step<T> refresh(String reason) {
      return new Step<>(null, null, reason);
    }
  }
}
