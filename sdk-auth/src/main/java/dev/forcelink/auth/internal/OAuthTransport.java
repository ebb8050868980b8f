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
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
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
          .timeout(requestTimeout)
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
        .timeout(requestTimeout)
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
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      LOG.debug("{} to {} timed out after {} ms", operation.description(), url.getHost(), millisSince(start));
      throw new RequestTimeoutException(operation.description() + " to " + url.getHost()
          + " timed out (per-attempt timeout " + requestTimeout + ")", e, null, true);
    } catch (IOException e) {
      LOG.debug("{} to {} failed after {} ms: {}", operation.description(), url.getHost(),
          millisSince(start), e.getClass().getSimpleName());
      throw new ConnectionException(operation.description() + " to " + url.getHost()
          + " failed: the connection could not be made or was closed early ("
          + e.getClass().getSimpleName() + ")", e, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ForcelinkClientException(operation.description() + " to " + url.getHost()
          + " was interrupted", e, null, false);
    }
    String body = readBody(operation, url, response.body());
    LOG.debug("{} to {} answered HTTP {} in {} ms", operation.description(), url.getHost(),
        response.statusCode(), millisSince(start));
    String requestId = response.headers().firstValue("x-sfdc-request-id")
        .or(() -> response.headers().firstValue("x-request-id"))
        .orElse(null);
    return new OAuthResponse(operation, url, response.statusCode(), body, requestId);
  }

  private static String readBody(OAuthOperation operation, URI url, InputStream in) {
    try (in) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new ResponseDecodeException("The answer to the " + operation.description() + " from "
            + url.getHost() + " is larger than " + MAX_BODY_BYTES + " bytes: not an OAuth response",
            null, null);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConnectionException("The answer to the " + operation.description() + " from "
          + url.getHost() + " was cut off (" + e.getClass().getSimpleName() + ")", e, null);
    }
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
