package dev.forcelink.auth.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.forcelink.core.Secret;
import dev.forcelink.core.exception.ConnectionException;
import dev.forcelink.core.exception.ForcelinkClientException;
import dev.forcelink.core.exception.RequestTimeoutException;
import dev.forcelink.core.exception.ResponseDecodeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to Salesforce's OAuth endpoints over a {@link HttpClient}. A token request is safe
 * to repeat, so connection failures, per-attempt timeouts and HTTP 5xx answers are retried at most
 * twice with a short jittered backoff; every 4xx answer (such as {@code invalid_grant}) is final.
 *
 * <p>Logs one DEBUG line per attempt with the operation, the endpoint host, the status and the
 * duration, and one INFO line per retry; never a header, a body or a URL query. Thread-safe.
 */
public final class OAuthTransport {
  /** Retries after the first attempt. */
  public static final int MAX_RETRIES = 2;
  /** Default per-attempt timeout. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(100);
  static final int MAX_BODY_BYTES = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(OAuthTransport.class);

  private final HttpClient client;
  private final Duration requestTimeout;
  private final Duration baseDelay;

  private OAuthTransport(HttpClient client, Duration requestTimeout, Duration baseDelay) {
    this.client = client;
    this.requestTimeout = requestTimeout;
    this.baseDelay = baseDelay;
  }

  /**
   * Creates a transport.
   *
   * @param client the application's HTTP client, or null to create one (HTTP/1.1 and 2, no
   *     redirects, 10 s connect timeout)
   * @param requestTimeout the per-attempt timeout, or null for 30 seconds
   * @return the transport
   * @throws IllegalArgumentException if the timeout is zero or negative
   */
  public static OAuthTransport create(HttpClient client, Duration requestTimeout) {
    return create(client, requestTimeout, DEFAULT_BASE_DELAY);
  }

  static OAuthTransport create(HttpClient client, Duration requestTimeout, Duration baseDelay) {
    Duration timeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : checkTimeout(requestTimeout);
    HttpClient http = client != null ? client
        : HttpClient.newBuilder()
            .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new OAuthTransport(http, timeout, baseDelay);
  }

  /**
   * Checks a caller's request timeout.
   *
   * @param timeout the timeout
   * @return the timeout
   * @throws IllegalArgumentException if zero or negative
   */
  public static Duration checkTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "requestTimeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("requestTimeout must be positive; got " + timeout);
    }
    return timeout;
  }

  /**
   * Returns the per-attempt timeout.
   *
   * @return the timeout
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * POSTs a form to an OAuth endpoint.
   *
   * @param operation what is being done, for logs and messages
   * @param url the endpoint
   * @param form the form fields
   * @param authorization the value of the {@code Authorization} header, or null for none
   * @return the final response (2xx, 4xx, or a 5xx once the retries are spent)
   * @throws ConnectionException if the connection failed on every attempt
   * @throws RequestTimeoutException if every attempt timed out
   * @throws ResponseDecodeException if the body is larger than 1 MiB
   * @throws ForcelinkClientException if the thread was interrupted
   */
  public OAuthResponse postForm(OAuthOperation operation, URI url, FormBody form, Secret authorization) {
    return execute(operation, url, () -> {
      HttpRequest.Builder b = HttpRequest.newBuilder(url)
          .timeout(backstop())
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(form.encode(), StandardCharsets.UTF_8));
      if (authorization != null) {
        b.header("Authorization", authorization.reveal());
      }
      return b.build();
    });
  }

  /**
   * GETs a resource with a bearer token.
   *
   * @param operation what is being done, for logs and messages
   * @param url the resource
   * @param accessToken the bearer token
   * @return the final response
   * @throws ConnectionException if the connection failed on every attempt
   * @throws RequestTimeoutException if every attempt timed out
   * @throws ResponseDecodeException if the body is larger than 1 MiB
   * @throws ForcelinkClientException if the thread was interrupted
   */
  public OAuthResponse getWithBearer(OAuthOperation operation, URI url, Secret accessToken) {
    return execute(operation, url, () -> HttpRequest.newBuilder(url)
        .timeout(backstop())
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + accessToken.reveal())
        .GET()
        .build());
  }

  private interface RequestFactory {
    HttpRequest create();
  }

  private OAuthResponse execute(OAuthOperation operation, URI url, RequestFactory requests) {
    RetryPolicy<OAuthResponse> policy = RetryPolicy.<OAuthResponse>builder()
        .handleIf((response, failure) -> failure == null
            ? response != null && response.status() >= 500
            : failure instanceof ConnectionException || failure instanceof RequestTimeoutException)
        .withMaxRetries(MAX_RETRIES)
        .withBackoff(baseDelay, baseDelay.multipliedBy(8))
        .withJitter(0.5)
        .onRetry(event -> LOG.info("Retrying {} to {} (retry {} of {}) after {}",
            operation.description(), url.getHost(), event.getAttemptCount(), MAX_RETRIES,
            event.getLastException() != null
                ? event.getLastException().getClass().getSimpleName()
                : "HTTP " + event.getLastResult().status()))
        .build();
    try {
      return Failsafe.with(policy).get(() -> attempt(operation, url, requests.create()));
    } catch (FailsafeException e) {
      // Only an interrupt during a backoff delay arrives here: attempts throw unchecked exceptions.
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new ForcelinkClientException(operation.description() + " to " + url.getHost()
          + " was interrupted", e.getCause(), null, false);
    }
  }

  private OAuthResponse attempt(OAuthOperation operation, URI url, HttpRequest request) {
    long start = System.nanoTime();
    HttpResponse<byte[]> response;
    // The timeout bounds the whole answer: HttpRequest.timeout alone stops at the headers, and a token
    // endpoint that trickles its body would otherwise hold every thread waiting for the shared token.
    CompletableFuture<HttpResponse<byte[]>> exchange =
        client.sendAsync(request, LimitedBody.handler(MAX_BODY_BYTES));
    try {
      response = exchange.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw timedOut(operation, url, start, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof LimitedBody.TooLarge) {
        throw new ResponseDecodeException("The answer to the " + operation.description() + " from "
            + url.getHost() + " is larger than " + MAX_BODY_BYTES + " bytes: not an OAuth response",
            null, null);
      }
      if (cause instanceof HttpTimeoutException) {
        throw timedOut(operation, url, start, cause);
      }
      if (cause instanceof IOException) {
        LOG.debug("{} to {} failed after {} ms: {}", operation.description(), url.getHost(),
            millisSince(start), cause.getClass().getSimpleName());
        throw new ConnectionException(operation.description() + " to " + url.getHost()
            + " failed: the connection could not be made or was closed early ("
            + cause.getClass().getSimpleName() + ")", cause, null);
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new ConnectionException(operation.description() + " to " + url.getHost() + " failed ("
          + cause.getClass().getSimpleName() + ")", cause, null);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new ForcelinkClientException(operation.description() + " to " + url.getHost()
          + " was interrupted", e, null, false);
    }
    String body = new String(response.body(), StandardCharsets.UTF_8);
    LOG.debug("{} to {} answered HTTP {} in {} ms", operation.description(), url.getHost(),
        response.statusCode(), millisSince(start));
    String requestId = response.headers().firstValue("x-sfdc-request-id")
        .or(() -> response.headers().firstValue("x-request-id"))
        .orElse(null);
    return new OAuthResponse(operation, url, response.statusCode(), body, requestId);
  }

  /**
   * The HTTP client's own timeout, a little after {@link #requestTimeout}: {@link #attempt} enforces
   * the limit over the whole answer and should be the one that reports it.
   */
  private Duration backstop() {
    return requestTimeout.plus(Duration.ofMillis(Math.max(250, requestTimeout.toMillis() / 10)));
  }

  private RequestTimeoutException timedOut(OAuthOperation operation, URI url, long start, Throwable cause) {
    LOG.debug("{} to {} timed out after {} ms", operation.description(), url.getHost(), millisSince(start));
    return new RequestTimeoutException(operation.description() + " to " + url.getHost()
        + " timed out: no complete answer within the per-attempt timeout of " + requestTimeout, cause, null, true);
  }

  private static long millisSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }

  /** Describes the transport without any credential. */
  @Override
  public String toString() {
    return "OAuthTransport{requestTimeout=" + requestTimeout + "}";
  }
}
