package dev.forcelink.core.internal.http;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.util.Locale;

/**
 * Chooses the body subscriber by status: 2xx and 304 go to the caller's handler (streamed, never
 * buffered by the pipeline), any other status to a {@link BoundedBytesSubscriber} of at most
 * {@value #MAX_ERROR_BODY} bytes. A {@code Content-Encoding: gzip} body is decompressed on the way
 * in either case, and the caller's handler sees the headers without that encoding.
 *
 * @param <T> the caller's body type
 */
final class RoutingBodyHandler<T> implements BodyHandler<Outcome<T>> {
  /** The most bytes read from an error body. */
  static final int MAX_ERROR_BODY = 64 * 1024;

  private final BodyHandler<T> success;

  RoutingBodyHandler(BodyHandler<T> success) {
    this.success = success;
  }

  static boolean isSuccess(int status) {
    return status / 100 == 2 || status == 304;
  }

  @Override
  public BodySubscriber<Outcome<T>> apply(HttpResponse.ResponseInfo info) {
    boolean gzip = info.headers().allValues("Content-Encoding").stream()
        .anyMatch(v -> v.trim().toLowerCase(Locale.ROOT).equals("gzip"));
    if (isSuccess(info.statusCode())) {
      BodySubscriber<T> user = success.apply(gzip ? new DecodedInfo(info) : info);
      return BodySubscribers.mapping(gzip ? new GzipBodySubscriber<>(user) : user, Outcome::success);
    }
    BodySubscriber<BoundedBody> bounded = new BoundedBytesSubscriber(MAX_ERROR_BODY);
    return BodySubscribers.mapping(gzip ? new GzipBodySubscriber<>(bounded) : bounded, Outcome::error);
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
