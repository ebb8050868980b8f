package dev.forcelink.core;

import dev.forcelink.core.auth.AuthProvider;
import dev.forcelink.core.event.ForcelinkListener;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import dev.forcelink.core.internal.http.ForcelinkVersion;
import dev.forcelink.core.internal.http.InstanceUrls;
import dev.forcelink.core.internal.http.PipelineConfig;
import dev.forcelink.core.internal.http.RequestPipeline;
import dev.forcelink.core.internal.retry.Jitter;
import dev.forcelink.core.limits.ApiBudget;
import dev.forcelink.core.limits.ApiUsage;
import dev.forcelink.core.retry.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The one connection configuration every Forcelink client ({@code RestClient}, {@code BulkClient},
 * {@code PubSubClient}) takes: who authenticates, which instance and API version, the HTTP client,
 * retry, timeouts, listeners and limits. Clients built on one connection share its
 * {@link HttpClient} (one connection pool), its token cache (the {@link AuthProvider}), its retry
 * budget and its latest {@link ApiUsage}.
 *
 * <pre>{@code
 * try (SalesforceConnection connection = SalesforceConnection.builder()
 *     .authProvider(CachingAuthProvider.of(tokenSource))
 *     .build()) {
 *   SalesforceResponse<String> r = connection.sendForString(SalesforceRequest.builder()
 *       .path(connection.apiVersion().dataPath() + "/limits").build());
 * }
 * }</pre>
 *
 * <p><b>Ownership.</b> When no {@link Builder#httpClient(HttpClient) HttpClient} or
 * {@link Builder#executor(Executor) executor} is supplied, the connection creates its own (daemon
 * threads) and shuts them down on {@link #close()}; supplied ones are never shut down by the
 * connection. A connection from {@link #withApiVersion(ApiVersion)} shares everything with its
 * origin and owns nothing: closing it does not affect the origin, and it stops working once the
 * origin is closed.
 *
 * <p>Immutable and thread-safe.
 */
public final class SalesforceConnection implements AutoCloseable {
  private static final Pattern USER_AGENT_SUFFIX = Pattern.compile("[\\x21-\\x7e]+(?: [\\x21-\\x7e]+)*");

  private final Settings settings;
  private final ApiVersion apiVersion;
  private final Resources resources;
  private final boolean owner;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SalesforceConnection(Settings settings, ApiVersion apiVersion, Resources resources, boolean owner) {
    this.settings = settings;
    this.apiVersion = apiVersion;
    this.resources = resources;
    this.owner = owner;
  }

  /**
   * Starts a builder.
   *
   * @return a builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this connection's settings. The HTTP client and executor are copied
   * only if they were supplied by the caller; ones the connection created are not, so the new
   * connection creates and owns its own.
   *
   * @return a builder; not thread-safe
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.authProvider = settings.authProvider;
    b.instanceUrl = settings.instanceUrl;
    b.apiVersion = apiVersion;
    b.httpClient = settings.suppliedHttpClient;
    b.connectTimeout = settings.connectTimeout;
    b.retryPolicy = settings.retryPolicy;
    b.listeners.addAll(settings.listeners);
    b.userAgentSuffix = settings.userAgentSuffix;
    b.executor = settings.suppliedExecutor;
    b.apiBudget = settings.apiBudget;
    b.allowInsecureHttp = settings.allowInsecureHttp;
    b.compressRequests = settings.compressRequests;
    b.jitter = settings.jitter;
    b.clock = settings.clock;
    return b;
  }

  /**
   * Returns a connection that uses another API version and shares everything else with this one
   * (HTTP client, token cache, retry budget, API usage). The new connection owns nothing: closing
   * it leaves this one open; closing this one ends the shared resources for both.
   *
   * @param version the API version
   * @return the derived connection, or this one if the version is the same
   * @throws IllegalStateException if this connection is closed
   */
  public SalesforceConnection withApiVersion(ApiVersion version) {
    Objects.requireNonNull(version, "version");
    ensureOpen();
    if (version.equals(apiVersion)) {
      return this;
    }
    return new SalesforceConnection(settings, version, resources, false);
  }

  /**
   * Returns the provider of access tokens.
   *
   * @return the auth provider
   */
  public AuthProvider authProvider() {
    return settings.authProvider;
  }

  /**
   * Returns the resolved instance URL: the configured one, or the current token's (which may ask
   * the auth provider for a token).
   *
   * @return the instance URL
   * @throws dev.forcelink.core.exception.AuthenticationException if no token can be obtained
   * @throws IllegalArgumentException if the token names a plain-http non-loopback instance without
   *     the opt-in
   */
  public URI instanceUrl() {
    return resources.pipeline.instanceUrl();
  }

  /**
   * Returns the instance URL set on the builder.
   *
   * @return the configured URL, or empty when the token's is followed
   */
  public Optional<URI> configuredInstanceUrl() {
    return Optional.ofNullable(settings.instanceUrl);
  }

  /**
   * Returns the API version clients use to build paths.
   *
   * @return the version
   */
  public ApiVersion apiVersion() {
    return apiVersion;
  }

  /**
   * Returns the HTTP client (the supplied one or the one this connection created).
   *
   * @return the client
   */
  public HttpClient httpClient() {
    return resources.httpClient;
  }

  /**
   * Returns the connect timeout used when the connection creates its HTTP client.
   *
   * @return the connect timeout
   */
  public Duration connectTimeout() {
    return settings.connectTimeout;
  }

  /**
   * Returns the retry policy.
   *
   * @return the policy
   */
  public RetryPolicy retryPolicy() {
    return settings.retryPolicy;
  }

  /**
   * Returns the listeners, in registration order.
   *
   * @return an unmodifiable list
   */
  public List<ForcelinkListener> listeners() {
    return settings.listeners;
  }

  /**
   * Returns the full {@code User-Agent} value, {@code forcelink-java/<version> [suffix]}.
   *
   * @return the user agent
   */
  public String userAgent() {
    return settings.userAgent;
  }

  /**
   * Returns the caller's user-agent suffix.
   *
   * @return the suffix, if set
   */
  public Optional<String> userAgentSuffix() {
    return Optional.ofNullable(settings.userAgentSuffix);
  }

  /**
   * Returns the executor for asynchronous work (the supplied one or the connection's own pool).
   *
   * @return the executor
   */
  public Executor executor() {
    return resources.executor;
  }

  /**
   * Returns the API budget guard.
   *
   * @return the budget, if set
   */
  public Optional<ApiBudget> apiBudget() {
    return Optional.ofNullable(settings.apiBudget);
  }

  /**
   * Tells whether plain http to non-loopback hosts was allowed.
   *
   * @return the opt-in
   */
  public boolean allowInsecureHttp() {
    return settings.allowInsecureHttp;
  }

  /**
   * Tells whether in-memory request bodies above 1 KiB are gzip-compressed.
   *
   * @return the setting
   */
  public boolean compressRequests() {
    return settings.compressRequests;
  }

  /**
   * Returns the latest API usage any response on this connection (or one sharing its resources)
   * reported in {@code Sforce-Limit-Info}.
   *
   * @return the latest usage, if any response carried one
   */
  public Optional<ApiUsage> apiUsage() {
    return resources.pipeline.latestUsage();
  }

  /**
   * Sends a request and waits for the response. 2xx and 304 bodies go to {@code handler}
   * (streamed; decompressed when gzip); any other status becomes a typed exception. Retries,
   * token refresh and timeouts follow the connection's settings.
   *
   * @param request the request
   * @param handler reads a successful body
   * @param <T> the body type
   * @return the response
   * @throws dev.forcelink.core.exception.SalesforceServiceException (or a subclass) for an error
   *     status, after any retries
   * @throws dev.forcelink.core.exception.ConnectionException on an I/O failure
   * @throws dev.forcelink.core.exception.RequestTimeoutException when a timeout fires
   * @throws dev.forcelink.core.exception.ApiBudgetExceededException when the budget guard refuses
   * @throws IllegalArgumentException if the target breaks the HTTPS-only or same-host rule
   * @throws IllegalStateException if the connection is closed
   */
  public <T> SalesforceResponse<T> send(SalesforceRequest request, BodyHandler<T> handler) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(handler, "handler");
    ensureOpen();
    return resources.pipeline.send(request, handler);
  }

  /**
   * Sends a request without blocking: the exchange uses {@code HttpClient.sendAsync}, token work
   * runs on {@link #executor()} and retries are scheduled on a timer, never slept on a thread.
   *
   * @param request the request
   * @param handler reads a successful body
   * @param <T> the body type
   * @return a future that completes with the response, or exceptionally with the exceptions
   *     {@link #send} throws
   * @throws IllegalStateException if the connection is closed
   */
  public <T> CompletableFuture<SalesforceResponse<T>> sendAsync(SalesforceRequest request, BodyHandler<T> handler) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(handler, "handler");
    ensureOpen();
    return resources.pipeline.sendAsync(request, handler);
  }

  /**
   * Sends a request and reads the whole successful body into memory.
   *
   * @param request the request
   * @return the response with the body bytes
   * @throws dev.forcelink.core.exception.ForcelinkException as {@link #send} does
   */
  public SalesforceResponse<byte[]> sendForBytes(SalesforceRequest request) {
    return send(request, BodyHandlers.ofByteArray());
  }

  /**
   * Sends a request and reads the successful body as text (charset from {@code Content-Type},
   * UTF-8 by default).
   *
   * @param request the request
   * @return the response with the body text
   * @throws dev.forcelink.core.exception.ForcelinkException as {@link #send} does
   */
  public SalesforceResponse<String> sendForString(SalesforceRequest request) {
    return send(request, BodyHandlers.ofString());
  }

  /**
   * Tells whether {@link #close()} was called on this connection.
   *
   * @return true once closed
   */
  public boolean isClosed() {
    return closed.get() || resources.closed.get();
  }

  /**
   * Closes the connection. If it created its HTTP client's executor, async executor and retry
   * timer, they are shut down (calls still running may fail); supplied ones are left alone. A
   * connection from {@link #withApiVersion(ApiVersion)} only marks itself closed. Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && owner) {
      resources.close();
    }
  }

  /** Returns the settings; never a token or secret. */
  @Override
  public String toString() {
    return "SalesforceConnection{instanceUrl=" + (settings.instanceUrl != null ? settings.instanceUrl : "<from token>")
        + ", apiVersion=" + apiVersion
        + ", authProvider=" + settings.authProvider
        + ", retryPolicy=" + settings.retryPolicy
        + ", userAgent=" + settings.userAgent
        + (settings.apiBudget != null ? ", apiBudget=" + settings.apiBudget : "")
        + ", closed=" + isClosed() + "}";
  }

  private void ensureOpen() {
    if (isClosed()) {
      throw new IllegalStateException("This SalesforceConnection is closed; build a new one");
    }
  }

  /** The resolved settings, shared between a connection and those derived from it. */
  private static final class Settings {
    final AuthProvider authProvider;
    final URI instanceUrl;
    final HttpClient suppliedHttpClient;
    final Duration connectTimeout;
    final RetryPolicy retryPolicy;
    final List<ForcelinkListener> listeners;
    final String userAgentSuffix;
    final String userAgent;
    final Executor suppliedExecutor;
    final ApiBudget apiBudget;
    final boolean allowInsecureHttp;
    final boolean compressRequests;
    final Jitter jitter;
    final Clock clock;

    Settings(Builder b) {
      this.authProvider = b.authProvider;
      this.instanceUrl = b.instanceUrl;
      this.suppliedHttpClient = b.httpClient;
      this.connectTimeout = b.connectTimeout;
      this.retryPolicy = b.retryPolicy;
      this.listeners = List.copyOf(b.listeners);
      this.userAgentSuffix = b.userAgentSuffix;
      this.userAgent = "forcelink-java/" + ForcelinkVersion.get()
          + (b.userAgentSuffix == null ? "" : " " + b.userAgentSuffix);
      this.suppliedExecutor = b.executor;
      this.apiBudget = b.apiBudget;
      this.allowInsecureHttp = b.allowInsecureHttp;
      this.compressRequests = b.compressRequests;
      this.jitter = b.jitter;
      this.clock = b.clock;
    }
  }

  /** The HTTP client, executors and pipeline; created by the root connection. */
  private static final class Resources {
    final HttpClient httpClient;
    final Executor executor;
    final RequestPipeline pipeline;
    final ExecutorService ownedHttpExecutor;
    final ExecutorService ownedExecutor;
    final ScheduledThreadPoolExecutor scheduler;
    final AtomicBoolean closed = new AtomicBoolean();

    Resources(Settings s) {
      this.scheduler = new ScheduledThreadPoolExecutor(1, daemon("forcelink-retry-timer"));
      this.scheduler.setRemoveOnCancelPolicy(true);
      if (s.suppliedExecutor != null) {
        this.executor = s.suppliedExecutor;
        this.ownedExecutor = null;
      } else {
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.ownedExecutor = Executors.newFixedThreadPool(threads, daemon("forcelink-async"));
        this.executor = ownedExecutor;
      }
      if (s.suppliedHttpClient != null) {
        this.httpClient = s.suppliedHttpClient;
        this.ownedHttpExecutor = null;
      } else {
        // A separate cached pool (like the JDK default) so the client's own work never queues
        // behind blocking token fetches on the async executor.
        this.ownedHttpExecutor = Executors.newCachedThreadPool(daemon("forcelink-http"));
        this.httpClient = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .connectTimeout(s.connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(ownedHttpExecutor)
            .build();
      }
      this.pipeline = new RequestPipeline(new PipelineConfig(s.authProvider, s.instanceUrl, s.allowInsecureHttp,
          httpClient, s.retryPolicy, s.listeners, s.userAgent, s.apiBudget, executor, scheduler,
          s.compressRequests, s.jitter, s.clock));
    }

    void close() {
      if (closed.compareAndSet(false, true)) {
        scheduler.shutdownNow();
        if (ownedExecutor != null) {
          ownedExecutor.shutdown();
        }
        if (ownedHttpExecutor != null) {
          ownedHttpExecutor.shutdown();
        }
      }
    }

    private static ThreadFactory daemon(String prefix) {
      AtomicInteger n = new AtomicInteger();
      return r -> {
        Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
    }
  }

  /** Builds a {@link SalesforceConnection}. Not thread-safe. */
  public static final class Builder {
    private AuthProvider authProvider;
    private URI instanceUrl;
    private ApiVersion apiVersion = ApiVersion.DEFAULT;
    private HttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private final List<ForcelinkListener> listeners = new ArrayList<>();
    private String userAgentSuffix;
    private Executor executor;
    private ApiBudget apiBudget;
    private boolean allowInsecureHttp;
    private boolean compressRequests;
    private Jitter jitter = Jitter.FULL;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the provider of access tokens (required). Wrap a token source in
     * {@link dev.forcelink.core.auth.CachingAuthProvider} for caching and single-flight refresh.
     *
     * @param authProvider the provider
     * @return this builder
     */
    public Builder authProvider(AuthProvider authProvider) {
      this.authProvider = Objects.requireNonNull(authProvider, "authProvider");
      return this;
    }

    /**
     * Fixes the instance URL. By default the current token's instance URL is used, and followed
     * when a refreshed token names another.
     *
     * @param instanceUrl an https URL such as {@code https://acme.my.salesforce.com}, or null for
     *     the token's
     * @return this builder
     */
    public Builder instanceUrl(URI instanceUrl) {
      this.instanceUrl = instanceUrl;
      return this;
    }

    /**
     * Sets the API version; default {@link ApiVersion#DEFAULT}.
     *
     * @param apiVersion the version
     * @return this builder
     */
    public Builder apiVersion(ApiVersion apiVersion) {
      this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
      return this;
    }

    /**
     * Supplies the HTTP client, which the connection then never closes. Without one the
     * connection creates its own: HTTP/2 preferred, {@link #connectTimeout(Duration)}, redirects
     * never followed, on executors the connection owns.
     *
     * @param httpClient the client, or null to let the connection create one
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * Sets the connect timeout of the HTTP client the connection creates; default 10 s. Ignored
     * when a client is supplied.
     *
     * @param connectTimeout positive
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder connectTimeout(Duration connectTimeout) {
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      if (connectTimeout.isZero() || connectTimeout.isNegative()) {
        throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
      }
      this.connectTimeout = connectTimeout;
      return this;
    }

    /**
     * Sets the retry policy; default {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(ForcelinkListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Replaces the listeners.
     *
     * @param listeners the listeners, in call order
     * @return this builder
     */
    public Builder listeners(List<? extends ForcelinkListener> listeners) {
      this.listeners.clear();
      listeners.forEach(this::listener);
      return this;
    }

    /**
     * Sets a suffix for the {@code User-Agent} header, which becomes
     * {@code forcelink-java/<version> <suffix>}; name your integration here.
     *
     * @param suffix printable ASCII words separated by single spaces, at most 200 characters, or
     *     null for none
     * @return this builder
     * @throws IllegalArgumentException if the suffix is not printable ASCII
     */
    public Builder userAgent(String suffix) {
      if (suffix != null && (suffix.length() > 200 || !USER_AGENT_SUFFIX.matcher(suffix).matches())) {
        throw new IllegalArgumentException(
            "userAgent suffix must be printable ASCII words separated by single spaces, at most 200 characters");
      }
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * Supplies the executor for asynchronous work (token fetches of async calls), which the
     * connection then never shuts down. Without one the connection owns a small daemon pool; it
     * never uses {@code ForkJoinPool.commonPool()}.
     *
     * @param executor the executor, or null to let the connection create one
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /**
     * Sets the API budget guard, which refuses calls once the org's daily usage passes a share.
     *
     * @param apiBudget the budget, or null for none
     * @return this builder
     */
    public Builder apiBudget(ApiBudget apiBudget) {
      this.apiBudget = apiBudget;
      return this;
    }

    /**
     * Allows plain http to non-loopback hosts (tokens then travel unencrypted: only for test
     * servers you control). Loopback hosts are always allowed. Default false.
     *
     * @param allowInsecureHttp the opt-in
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /**
     * Gzip-compresses in-memory request bodies above 1 KiB ({@code Content-Encoding: gzip}).
     * Default false.
     *
     * @param compressRequests whether to compress
     * @return this builder
     */
    public Builder compressRequests(boolean compressRequests) {
      this.compressRequests = compressRequests;
      return this;
    }

    /** Replaces the backoff jitter; for tests that observe backoff ceilings. */
    Builder jitter(Jitter jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /** Replaces the clock used for event and usage timestamps; for tests. */
    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the connection, creating the HTTP client and executors it owns.
     *
     * @return the connection
     * @throws IllegalStateException if no auth provider was set
     * @throws IllegalArgumentException if the instance URL is not https (or loopback http) and
     *     insecure http was not allowed
     */
    public SalesforceConnection build() {
      if (authProvider == null) {
        throw new IllegalStateException("SalesforceConnection needs an authProvider(...)");
      }
      if (instanceUrl != null) {
        InstanceUrls.check(instanceUrl, allowInsecureHttp);
      }
      Settings settings = new Settings(this);
      return new SalesforceConnection(settings, apiVersion, new Resources(settings), true);
    }
  }
}
