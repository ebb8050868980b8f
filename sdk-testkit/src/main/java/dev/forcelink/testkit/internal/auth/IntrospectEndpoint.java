package dev.forcelink.testkit.internal.auth;

import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.http.RouteHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /services/oauth2/introspect}: tells an authenticated client whether a token is active, with the
 * fields of the Salesforce response. Thread-safe.
 */
final class IntrospectEndpoint implements RouteHandler {

    private final OAuthContext context;

    IntrospectEndpoint(OAuthContext context) {
        this.context = context;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        Map<String, String> params = OAuthContext.parameters(exchange);
        String[] client = OAuthContext.clientCredentials(exchange, params);
        try {
            context.authenticateClient(client[0], client[1], true);
        } catch (OAuthError error) {
            OAuthContext.sendOAuthError(exchange, new OAuthError(401, error.error(), error.description()));
            return;
        }
        String token = params.get("token");
        Map<String, Object> body = new LinkedHashMap<>();
        IssuedToken access = token == null ? null : context.tokens.live(token);
        RefreshGrant refresh = access == null ? context.tokens.refreshGrant(token) : null;
        if (access == null && refresh == null) {
            body.put("active", false);
            exchange.sendJson(200, body);
            return;
        }
        var session = access != null ? access.session() : refresh.session();
        body.put("active", true);
        body.put("scope", session.scope());
        body.put("client_id", session.clientId());
        body.put("username", session.username());
        body.put("sub", context.identityUrl());
        body.put("token_type", access != null ? "access_token" : "refresh_token");
        if (access != null) {
            body.put("exp", access.expiresAt().getEpochSecond());
            body.put("iat", access.issuedAt().getEpochSecond());
            body.put("nbf", access.issuedAt().getEpochSecond());
        } else {
            body.put("iat", refresh.issuedAt().getEpochSecond());
            body.put("nbf", refresh.issuedAt().getEpochSecond());
        }
        exchange.sendJson(200, body);
    }
}
