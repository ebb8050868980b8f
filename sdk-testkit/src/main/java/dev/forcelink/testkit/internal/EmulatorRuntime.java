package dev.forcelink.testkit.internal;

import dev.forcelink.testkit.internal.auth.TokenStore;
import dev.forcelink.testkit.internal.http.Router;
import dev.forcelink.testkit.internal.http.TlsMaterial;
import dev.forcelink.testkit.internal.org.OrgIdentity;
import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.RecordStore;
import dev.forcelink.testkit.internal.pubsub.server.PubSubControl;
import dev.forcelink.testkit.internal.pubsub.server.PubSubSettings;
import dev.forcelink.testkit.internal.rest.ApiLimits;
import dev.forcelink.testkit.internal.rest.DataApi;
import java.time.Clock;

/**
 * The parts of one running emulator that features build on. Immutable holder; each part is thread-safe.
 *
 * @param identity the org, its user and connected app credentials
 * @param schema the org's sObject types
 * @param store the org's records and change log
 * @param router every HTTP route (use {@code dataApi} for versioned, authenticated resources)
 * @param dataApi adds routes under {@code /services/data/vXX.X/} with auth, version and limit handling
 * @param limits the org's limits
 * @param tokens issued tokens (to authenticate non-HTTP calls such as gRPC metadata)
 * @param clock the emulator's clock
 * @param instanceUrl {@code http(s)://127.0.0.1:port}
 * @param loginUrl the same server
 * @param pubSubHost the host the Pub/Sub gRPC service should bind
 * @param pubSubPort the port recorded for the Pub/Sub gRPC service
 * @param tls the TLS material, or {@code null} when TLS is off
 * @param pubSub the Pub/Sub settings, faults, managed subscriptions and bound port
 */
public record EmulatorRuntime(OrgIdentity identity, OrgSchema schema, RecordStore store, Router router,
                              DataApi dataApi, ApiLimits limits, TokenStore tokens, Clock clock, String instanceUrl,
                              String loginUrl, String pubSubHost, int pubSubPort, TlsMaterial tls,
                              PubSubControl pubSub) {

    /**
     * A runtime whose Pub/Sub service has Salesforce's default settings (for code that builds runtimes itself).
     *
     * @see #EmulatorRuntime(OrgIdentity, OrgSchema, RecordStore, Router, DataApi, ApiLimits, TokenStore, Clock,
     *     String, String, String, int, TlsMaterial, PubSubControl)
     */
    public EmulatorRuntime(OrgIdentity identity, OrgSchema schema, RecordStore store, Router router, DataApi dataApi,
                           ApiLimits limits, TokenStore tokens, Clock clock, String instanceUrl, String loginUrl,
                           String pubSubHost, int pubSubPort, TlsMaterial tls) {
        this(identity, schema, store, router, dataApi, limits, tokens, clock, instanceUrl, loginUrl, pubSubHost,
                pubSubPort, tls, new PubSubControl(PubSubSettings.defaults(), pubSubPort));
    }
}
