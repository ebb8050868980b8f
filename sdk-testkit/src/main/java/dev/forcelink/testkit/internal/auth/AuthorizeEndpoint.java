package dev.forcelink.testkit.internal.auth;

import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.http.RouteHandler;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /services/oauth2/authorize} without a browser: the user approves at once and the response is the
 * {@code 302} redirect to {@code redirect_uri?code=…&state=…}. The PKCE challenge is remembered with the code.
 * Thread-safe.
 */
final class AuthorizeEndpoint implements RouteHandler {

    private static final String DEFAULT_SCOPE = "api refresh_token";

    private final OAuthContext context;
    private final AuthorizationCodes codes;

    AuthorizeEndpoint(OAuthContext context, AuthorizationCodes codes) {
        this.context = context;
        this.codes = codes;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        Map<String, String> params = OAuthContext.parameters(exchange);
        if (!context.app.clientId().equals(params.get("client_id"))) {
            OAuthContext.sendOAuthError(exchange, OAuthError.invalidClientId());
            return;
        }
        String redirectUri = params.get("redirect_uri");
        if (redirectUri == null || redirectUri.isBlank()) {
            OAuthContext.sendOAuthError(exchange, new OAuthError("redirect_uri_mismatch",
                    "redirect_uri must match configuration"));
            return;
        }
        String state = params.get("state");
        if (!"code".equals(params.get("response_type"))) {
            redirect(exchange, redirectUri, "error=unsupported_response_type&error_description="
                    + encode("response type not supported"), state);
            return;
        }
        String method = params.get("code_challenge_method");
        if (method != null && !method.equals("S256")) {
            redirect(exchange, redirectUri, "error=invalid_request&error_description="
                    + encode("code_challenge_method must be S256"), state);
            return;
        }
        String scope = params.get("scope");
        String code = codes.issue(redirectUri, scope == null || scope.isBlank() ? DEFAULT_SCOPE : scope.trim(),
                params.get("code_challenge"));
        redirect(exchange, redirectUri, "code=" + encode(code), state);
    }

    private static void redirect(Exchange exchange, String redirectUri, String query, String state) throws IOException {
        String location = redirectUri + (redirectUri.contains("?") ? "&" : "?") + query
                + (state == null ? "" : "&state=" + encode(state));
        exchange.responseHeader("Location", location);
        exchange.responseHeader("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private");
        exchange.sendEmpty(302);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
