package dev.forcelink.testkit.internal.auth;

import dev.forcelink.testkit.internal.http.ApiSession;
import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.http.RouteHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /services/oauth2/token}: the JWT bearer, client credentials, refresh token, authorization code
 * (with PKCE) and password grants. Thread-safe.
 */
final class TokenEndpoint implements RouteHandler {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final String DEFAULT_SCOPE = "api";

    private final OAuthContext context;
    private final AuthorizationCodes codes;
    private final JwtAssertionVerifier jwtVerifier;

    TokenEndpoint(OAuthContext context, AuthorizationCodes codes, Set<String> jwtAudiences) {
        this.context = context;
        this.codes = codes;
        this.jwtVerifier = new JwtAssertionVerifier(context.app, jwtAudiences, context.clock);
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        try {
            Map<String, String> params = OAuthContext.parameters(exchange);
            Map<String, String> body = grant(exchange, params);
            exchange.responseHeader("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private");
            exchange.sendJson(200, body);
        } catch (OAuthError error) {
            OAuthContext.sendOAuthError(exchange, error);
        }
    }

    private Map<String, String> grant(Exchange exchange, Map<String, String> params) {
        String grantType = params.get("grant_type");
        if (grantType == null) {
            throw new OAuthError("unsupported_grant_type", "grant type not supported");
        }
        switch (grantType) {
            case JWT_BEARER:
                return jwtBearer(params);
            case "client_credentials":
                return clientCredentials(exchange, params);
            case "password":
                return password(exchange, params);
            case "refresh_token":
                return refresh(exchange, params);
            case "authorization_code":
                return authorizationCode(exchange, params);
            default:
                throw new OAuthError("unsupported_grant_type", "grant type not supported");
        }
    }

    private Map<String, String> jwtBearer(Map<String, String> params) {
        String username = jwtVerifier.verify(params.get("assertion"));
        if (!username.equalsIgnoreCase(context.identity.username())) {
            throw OAuthError.invalidGrant("invalid user");
        }
        if (!context.app.preAuthorized()) {
            throw OAuthError.invalidGrant("user hasn't approved this consumer");
        }
        ApiSession session = context.session(DEFAULT_SCOPE);
        return context.tokenResponse(context.tokens.issueAccessToken(session, null), null, DEFAULT_SCOPE, false);
    }

    private Map<String, String> clientCredentials(Exchange exchange, Map<String, String> params) {
        String[] client = OAuthContext.clientCredentials(exchange, params);
        context.authenticateClient(client[0], client[1], true);
        ApiSession session = context.session(DEFAULT_SCOPE);
        return context.tokenResponse(context.tokens.issueAccessToken(session, null), null, DEFAULT_SCOPE, true);
    }

    private Map<String, String> password(Exchange exchange, Map<String, String> params) {
        String[] client = OAuthContext.clientCredentials(exchange, params);
        context.authenticateClient(client[0], client[1], true);
        String username = params.get("username");
        String password = params.get("password");
        boolean knownUser = username != null && username.equalsIgnoreCase(context.identity.username());
        boolean rightPassword = password != null && (password.equals(context.identity.password())
                || password.equals(context.identity.password() + context.identity.securityToken()));
        if (!knownUser || !rightPassword) {
            throw OAuthError.invalidGrant("authentication failure");
        }
        ApiSession session = context.session(DEFAULT_SCOPE);
        return context.tokenResponse(context.tokens.issueAccessToken(session, null), null, DEFAULT_SCOPE, true);
    }

    private Map<String, String> refresh(Exchange exchange, Map<String, String> params) {
        String[] client = OAuthContext.clientCredentials(exchange, params);
        context.authenticateClient(client[0], client[1], false);
        String refreshToken = params.get("refresh_token");
        RefreshGrant grant = context.tokens.refreshGrant(refreshToken);
        if (grant == null) {
            throw OAuthError.invalidGrant("expired access/refresh token");
        }
        String accessToken = context.tokens.issueAccessToken(grant.session(), refreshToken);
        return context.tokenResponse(accessToken, null, grant.session().scope(), true);
    }

    private Map<String, String> authorizationCode(Exchange exchange, Map<String, String> params) {
        String[] client = OAuthContext.clientCredentials(exchange, params);
        String verifier = params.get("code_verifier");
        // A public client proves itself with PKCE instead of the secret.
        context.authenticateClient(client[0], client[1], verifier == null);
        AuthorizationCodes.Grant grant = codes.redeem(params.get("code"));
        if (grant == null) {
            throw OAuthError.invalidGrant("expired authorization code");
        }
        if (grant.redirectUri != null && !grant.redirectUri.equals(params.get("redirect_uri"))) {
            throw new OAuthError("redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        if (grant.codeChallenge != null && (verifier == null || !grant.codeChallenge.equals(s256(verifier)))) {
            throw OAuthError.invalidGrant("invalid code verifier");
        }
        ApiSession session = context.session(grant.scope);
        boolean offline = (" " + grant.scope + " ").contains(" refresh_token ")
                || (" " + grant.scope + " ").contains(" offline_access ");
        String refreshToken = offline ? context.tokens.issueRefreshToken(session) : null;
        String accessToken = context.tokens.issueAccessToken(session, refreshToken);
        return context.tokenResponse(accessToken, refreshToken, grant.scope, true);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK offers no SHA-256", e);
        }
    }
}
