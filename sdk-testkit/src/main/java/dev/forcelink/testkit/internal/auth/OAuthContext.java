package dev.forcelink.testkit.internal.auth;

import dev.forcelink.testkit.internal.http.ApiSession;
import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.org.OrgIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What every OAuth endpoint shares: the org, its connected app, the token store and the URLs, plus the shapes of
 * token responses and OAuth errors. Immutable and thread-safe.
 */
final class OAuthContext {

    final OrgIdentity identity;
    final ConnectedApp app;
    final TokenStore tokens;
    final Clock clock;
    final String loginUrl;
    final String instanceUrl;

    OAuthContext(OrgIdentity identity, ConnectedApp app, TokenStore tokens, Clock clock, String loginUrl,
                 String instanceUrl) {
        this.identity = identity;
        this.app = app;
        this.tokens = tokens;
        this.clock = clock;
        this.loginUrl = loginUrl;
        this.instanceUrl = instanceUrl;
    }

    /** @return the identity URL of the org's user, {@code {loginUrl}/id/{orgId}/{userId}} */
    String identityUrl() {
        return loginUrl + "/id/" + identity.orgId() + "/" + identity.userId();
    }

    ApiSession session(String scope) {
        return new ApiSession(identity.orgId(), identity.userId(), identity.username(), app.clientId(), scope);
    }

    /**
     * Builds a token response in Salesforce's field order.
     *
     * @param accessToken the access token
     * @param refreshToken a refresh token to include, or {@code null}
     * @param scope the granted scope
     * @param signed whether to include {@code issued_at} and {@code signature} (all flows but JWT bearer)
     * @return the body
     */
    Map<String, String> tokenResponse(String accessToken, String refreshToken, String scope, boolean signed) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        String issuedAt = Long.toString(clock.millis());
        if (signed) {
            body.put("signature", signature(identityUrl(), issuedAt));
        }
        body.put("scope", scope);
        body.put("instance_url", instanceUrl);
        body.put("id", identityUrl());
        body.put("token_type", "Bearer");
        if (signed) {
            body.put("issued_at", issuedAt);
        }
        return body;
    }

    /** Base64 HMAC-SHA256 of {@code id + issuedAt} keyed by the client secret. */
    String signature(String id, String issuedAt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(app.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((id + issuedAt).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no HmacSHA256", e);
        }
    }

    static void sendOAuthError(Exchange exchange, OAuthError error) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error.error());
        body.put("error_description", error.description());
        exchange.responseHeader("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private");
        exchange.sendJson(error.status(), body);
    }

    /**
     * Reads OAuth parameters: query string first, then a form body, which wins.
     *
     * @param exchange the request
     * @return the first value of each parameter
     * @throws IOException if the body cannot be read
     */
    static Map<String, String> parameters(Exchange exchange) throws IOException {
        Map<String, String> params = new HashMap<>();
        exchange.queryParameters().forEach((k, v) -> params.put(k, v.get(0)));
        String contentType = exchange.header("Content-Type");
        if (!"GET".equals(exchange.method())
                && (contentType == null || contentType.toLowerCase().startsWith("application/x-www-form-urlencoded"))) {
            Map<String, List<String>> form = exchange.formBody();
            form.forEach((k, v) -> params.put(k, v.get(0)));
        }
        return params;
    }

    /**
     * Finds the client credentials: HTTP Basic, or {@code client_id}/{@code client_secret} parameters.
     *
     * @return a two-element array {id, secret}; either may be {@code null}
     */
    static String[] clientCredentials(Exchange exchange, Map<String, String> params) {
        String authorization = exchange.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
                }
            } catch (IllegalArgumentException e) {
                return new String[] {null, null};
            }
        }
        return new String[] {params.get("client_id"), params.get("client_secret")};
    }

    /**
     * Checks the client id (and the secret when required or present).
     *
     * @throws OAuthError {@code invalid_client_id} or {@code invalid_client}
     */
    void authenticateClient(String clientId, String clientSecret, boolean secretRequired) {
        if (clientId == null || !app.clientId().equals(clientId)) {
            throw OAuthError.invalidClientId();
        }
        if ((secretRequired || clientSecret != null) && !app.clientSecret().equals(clientSecret)) {
            throw OAuthError.invalidClient();
        }
    }
}
