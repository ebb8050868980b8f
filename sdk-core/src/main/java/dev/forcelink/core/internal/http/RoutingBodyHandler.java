package dev.forcelink.core.internal.http;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Chooses the body subscriber by status: 2xx and 304 go to the caller's handler (streamed, never
 * buffered by the pipeline), any other status to a {@link BoundedBytesSubscriber} of at most
 * {@value #MAX_ERROR_BODY} bytes. A {@code Content-Encoding: gzip} body is decompressed on the way
 * in either case, and the caller's handler sees the headers without that encoding. The body phase is
 * bounded by the attempt's deadline ({@link DeadlineSubscriber}).
 *
 * @param <T> the caller's body type
 */
final class RoutingBodyHandler<T> implements BodyHandler<Outcome<T>> {
  /** The most bytes read from an error body. */
  static final int MAX_ERROR_BODY = 64 * 1024;

  private final BodyHandler<T> success;
  private final long deadlineNanos;
  private final Duration budget;
  private final ScheduledExecutorService scheduler;

  /**
   * Creates a handler for one attempt.
   *
   * @param success the caller's handler for 2xx/304 bodies
   * @param deadlineNanos when the attempt's whole time limit ends ({@link System#nanoTime()} scale)
   * @param budget the attempt's time limit, for the timeout message
   * @param scheduler runs the body-phase timer
   */
  RoutingBodyHandler(BodyHandler<T> success, long deadlineNanos, Duration budget, ScheduledExecutorService scheduler) {
    this.success = success;
    this.deadlineNanos = deadlineNanos;
    this.budget = budget;
    this.scheduler = scheduler;
  }

  static boolean isSuccess(int status) {
    return status / 100 == 2 || status == 304;
  }

  @Override
  public BodySubscriber<Outcome<T>> apply(HttpResponse.ResponseInfo info) {
    boolean gzip = info.headers().allValues("Content-Encoding").stream()
        .anyMatch(v -> v.trim().toLowerCase(Locale.ROOT).equals("gzip"));
    BodySubscriber<Outcome<T>> routed;
    if (isSuccess(info.statusCode())) {
      BodySubscriber<T> user = success.apply(gzip ? new DecodedInfo(info) : info);
      routed = BodySubscribers.mapping(gzip ? new GzipBodySubscriber<>(user) : user, Outcome::success);
    } else {
      BodySubscriber<BoundedBody> bounded = new BoundedBytesSubscriber(MAX_ERROR_BODY);
      routed = BodySubscribers.mapping(gzip ? new GzipBodySubscriber<>(bounded) : bounded, Outcome::error);
    }
    return new DeadlineSubscriber<>(routed, deadlineNanos, budget, scheduler);
  }

  /** The response as the caller's handler sees it once the pipeline has removed the gzip layer. */
  private static final class DecodedInfo implements HttpResponse.ResponseInfo {
    private final HttpResponse.ResponseInfo raw;
    private final HttpHeaders headers;

    DecodedInfo(HttpResponse.ResponseInfo raw) {
      this.raw = raw;
      this.headers = HttpHeaders.of(raw.headers().map(),
          (name, value) -> !name.equalsIgnoreCase("Content-Encoding") && !name.equalsIgnoreCase("Content-Length"));
    }

    @Override
    public int statusCode() {
      return raw.statusCode();
    }

    @Override
    public HttpHeaders headers() {
      return headers;
    }

    @Override
    public HttpClient.Version version() {
      return raw.version();
    }
  }
}
