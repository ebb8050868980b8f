package dev.forcelink.pubsub.internal.grpc;

import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.ids.SalesforceId;
import dev.forcelink.core.internal.log.Redaction;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds Salesforce's Pub/Sub metadata to every call: {@code accesstoken}, {@code instanceurl}, {@code
 * tenantid} (the 18-character org id) and a fresh {@code x-client-trace-id}. The token comes from the
 * call's {@link #TOKEN} option when the caller pinned one (so that it knows which token a rejection
 * refers to), otherwise from the supplier. Logs the metadata at DEBUG with the token redacted.
 *
 * <p>Thread-safe.
 */
public final class CallMetadata implements ClientInterceptor {
  /** Call option pinning the token to send. */
  public static final CallOptions.Key<AccessToken> TOKEN = CallOptions.Key.create("forcelink-access-token");
  /** Call option pinning the trace id to send. */
  public static final CallOptions.Key<String> TRACE_ID = CallOptions.Key.create("forcelink-trace-id");

  /** The access token header. */
  public static final Metadata.Key<String> ACCESS_TOKEN = Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER);
  /** The instance URL header. */
  public static final Metadata.Key<String> INSTANCE_URL = Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER);
  /** The org id header. */
  public static final Metadata.Key<String> TENANT_ID = Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER);
  /** The per-call trace id header. */
  public static final Metadata.Key<String> CLIENT_TRACE_ID =
      Metadata.Key.of("x-client-trace-id", Metadata.ASCII_STRING_MARSHALLER);

  private static final Logger LOG = LoggerFactory.getLogger(CallMetadata.class);

  private final Supplier<AccessToken> tokens;
  private final String tenantIdOverride;

  /**
   * Creates the interceptor.
   *
   * @param tokens supplies the token when the call pinned none
   * @param tenantIdOverride the org id to send, or null to take it from the token
   */
  public CallMetadata(Supplier<AccessToken> tokens, String tenantIdOverride) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.tenantIdOverride = tenantIdOverride == null ? null : tenantId(tenantIdOverride);
  }

  /**
   * Returns the 18-character form of an org id.
   *
   * @param orgId a 15- or 18-character org id
   * @return the 18-character id
   * @throws IllegalArgumentException if it is not a valid Salesforce id
   */
  public static String tenantId(String orgId) {
    return SalesforceId.parse(orgId).to18();
  }

  /**
   * Returns the tenant id to send with {@code token}.
   *
   * @param token the token
   * @return the 18-character org id
   * @throws IllegalStateException if neither an override nor the token gives an org id
   */
  public String tenantIdFor(AccessToken token) {
    if (tenantIdOverride != null) {
      return tenantIdOverride;
    }
    return token.organizationId().map(CallMetadata::tenantId).orElseThrow(() -> new IllegalStateException(
        "The Pub/Sub API needs the org id (tenantid) but the access token does not carry one; set it with "
            + "PubSubClient.Builder.tenantId(...) or build the AccessToken with organizationId(...)"));
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        AccessToken token = options.getOption(TOKEN);
        if (token == null) {
          token = tokens.get();
        }
        String traceId = options.getOption(TRACE_ID);
        if (traceId == null) {
          traceId = UUID.randomUUID().toString();
        }
        headers.put(ACCESS_TOKEN, token.value().reveal());
        headers.put(INSTANCE_URL, token.instanceUrl().toString());
        headers.put(TENANT_ID, tenantIdFor(token));
        headers.put(CLIENT_TRACE_ID, traceId);
        if (LOG.isDebugEnabled()) {
          LOG.debug("Pub/Sub call {} with metadata accesstoken={}, instanceurl={}, tenantid={}, x-client-trace-id={}",
              method.getFullMethodName(), Redaction.REDACTED, token.instanceUrl(), tenantIdFor(token), traceId);
        }
        super.start(listener, headers);
      }
    };
  }
}
