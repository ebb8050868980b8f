package dev.forcelink.testkit.internal.auth;

import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.http.RouteHandler;
import java.io.IOException;

/**
 * {@code POST|GET /services/oauth2/revoke}: revokes an access or refresh token (a refresh token takes its access
 * tokens with it) and answers {@code 200} with no body. Thread-safe.
 */
final class RevokeEndpoint implements RouteHandler {

    private final TokenStore tokens;

    RevokeEndpoint(TokenStore tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        String token = OAuthContext.parameters(exchange).get("token");
        if (tokens.revoke(token)) {
            exchange.sendBytes(200, null, new byte[0]);
        } else {
            // The body Salesforce sends for an unknown token is unverified; this is the most common report.
            OAuthContext.sendOAuthError(exchange, new OAuthError("unsupported_token_type",
                    "this token type is not supported"));
        }
    }
}
