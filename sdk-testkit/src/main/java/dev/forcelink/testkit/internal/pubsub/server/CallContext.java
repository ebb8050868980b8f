package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.testkit.internal.http.ApiSession;
import io.grpc.Context;

/**
 * What the auth interceptor learned about a call, for the service methods: the session, the access token (to
 * re-check it on long streams; never logged) and the call's rpc id.
 *
 * @param session the caller's session
 * @param accessToken the token the call authenticated with
 * @param rpcId the call's rpc id, a UUID
 */
record CallContext(ApiSession session, String accessToken, String rpcId) {

    static final Context.Key<CallContext> KEY = Context.key("forcelink-pubsub-call");

    /** @return the context of the current call */
    static CallContext current() {
        return KEY.get();
    }

    @Override
    public String toString() {
        return "CallContext[user=" + session.userId() + ", rpcId=" + rpcId + "]";
    }
}
