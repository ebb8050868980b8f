package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.testkit.internal.http.ApiSession;
import dev.forcelink.testkit.internal.http.SessionResolver;
import dev.forcelink.testkit.internal.org.SalesforceIds;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every Pub/Sub call from the metadata Salesforce's Pub/Sub API requires: {@code accesstoken} must be
 * a live token of the org, {@code instanceurl} must be present, and {@code tenantid} must be the org id (15 or 18
 * characters). Anything else closes the call with {@code UNAUTHENTICATED} and {@code service.auth.error}.
 *
 * <p>Thread-safe. The token never reaches a log line or a message.
 */
final class AuthInterceptor implements ServerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(AuthInterceptor.class);
    private static final Metadata.Key<String> ACCESS_TOKEN =
            Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> INSTANCE_URL =
            Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> TENANT_ID = Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER);

    private final SessionResolver sessions;
    private final String orgId;

    AuthInterceptor(SessionResolver sessions, String orgId) {
        this.sessions = sessions;
        this.orgId = orgId;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        String rpcId = UUID.randomUUID().toString();
        String token = headers.get(ACCESS_TOKEN);
        String instanceUrl = headers.get(INSTANCE_URL);
        String tenantId = headers.get(TENANT_ID);
        ApiSession session = token == null || token.isBlank() ? null : sessions.resolve(token);
        String problem = session == null ? "missing, expired or revoked access token"
                : instanceUrl == null || instanceUrl.isBlank() ? "missing instanceurl"
                : !sameOrg(tenantId) ? "tenantid is not this org's id" : null;
        if (problem != null) {
            LOG.debug("Pub/Sub call {} refused ({}), rpcId {}", call.getMethodDescriptor().getBareMethodName(),
                    problem, rpcId);
            StatusRuntimeException error = PubSubErrors.auth(rpcId);
            call.close(error.getStatus(), error.getTrailers());
            return new ServerCall.Listener<>() {
            };
        }
        Context context = Context.current().withValue(CallContext.KEY, new CallContext(session, token, rpcId));
        return Contexts.interceptCall(context, call, headers, next);
    }

    private boolean sameOrg(String tenantId) {
        return tenantId != null && SalesforceIds.isValid(tenantId) && SalesforceIds.to18(tenantId).equals(orgId);
    }
}
