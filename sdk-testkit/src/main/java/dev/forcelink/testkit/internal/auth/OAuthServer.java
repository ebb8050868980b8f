package dev.forcelink.testkit.internal.auth;

import dev.forcelink.testkit.internal.http.Router;
import dev.forcelink.testkit.internal.org.OrgIdentity;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Installs the OAuth 2.0 endpoints and the identity URL on a router. Thread-safe once installed.
 */
public final class OAuthServer {

    private OAuthServer() {
    }

    /**
     * Adds {@code /services/oauth2/token}, {@code authorize}, {@code revoke}, {@code introspect}, {@code userinfo}
     * and {@code /id/{orgId}/{userId}}.
     *
     * @param router where to add the routes
     * @param identity the org and its user
     * @param app the connected app
     * @param tokens the token store
     * @param clock time source
     * @param loginUrl the emulator's login URL (also accepted as a JWT audience)
     * @param instanceUrl the emulator's instance URL
     */
    public static void install(Router router, OrgIdentity identity, ConnectedApp app, TokenStore tokens, Clock clock,
                               String loginUrl, String instanceUrl) {
        OAuthContext context = new OAuthContext(identity, app, tokens, clock, loginUrl, instanceUrl);
        AuthorizationCodes codes = new AuthorizationCodes(clock);
        Set<String> audiences = new LinkedHashSet<>();
        audiences.add(JwtAssertionVerifier.stripSlash(loginUrl));
        audiences.add(JwtAssertionVerifier.stripSlash(instanceUrl));
        audiences.add(loginUrl.replace("127.0.0.1", "localhost"));
        audiences.add("https://login.salesforce.com");
        audiences.add("https://test.salesforce.com");
        router.add("POST", "/services/oauth2/token", new TokenEndpoint(context, codes, Set.copyOf(audiences)));
        router.add("GET", "/services/oauth2/authorize", new AuthorizeEndpoint(context, codes));
        RevokeEndpoint revoke = new RevokeEndpoint(tokens);
        router.add("POST", "/services/oauth2/revoke", revoke);
        router.add("GET", "/services/oauth2/revoke", revoke);
        router.add("POST", "/services/oauth2/introspect", new IntrospectEndpoint(context));
        IdentityEndpoints identityEndpoints = new IdentityEndpoints(context);
        router.add("GET", "/services/oauth2/userinfo", identityEndpoints::userInfo);
        router.add("POST", "/services/oauth2/userinfo", identityEndpoints::userInfo);
        router.add("GET", "/id/{orgId}/{userId}", identityEndpoints::identity);
    }
}
