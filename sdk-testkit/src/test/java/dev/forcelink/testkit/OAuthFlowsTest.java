package dev.forcelink.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OAuthFlowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_PATH = "/services/oauth2/token";
    private static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private static MutableClock clock;
    private static SalesforceEmulator emulator;
    private static Http http;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
        emulator = SalesforceEmulator.builder().clock(clock).start();
        http = new Http(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void jwtBearerGrantIssuesAWorkingTokenWithoutSignature() throws Exception {
        HttpResponse<String> response = jwt(claims(emulator.loginUrl(), nowSeconds() + 180));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("access_token").asText()).startsWith(emulator.orgId().substring(0, 15) + "!");
        assertThat(body.get("instance_url").asText()).isEqualTo(emulator.instanceUrl());
        assertThat(body.get("id").asText())
                .isEqualTo(emulator.loginUrl() + "/id/" + emulator.orgId() + "/" + emulator.userId());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.has("issued_at")).isFalse();
        assertThat(body.has("signature")).isFalse();
        assertThat(http.get("/services/data/v60.0/limits", body.get("access_token").asText()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void jwtBearerAcceptsTheSalesforceLoginHostsAsAudience() throws Exception {
        assertThat(jwt(claims("https://login.salesforce.com", nowSeconds() + 60)).statusCode()).isEqualTo(200);
        assertThat(jwt(claims("https://test.salesforce.com/", nowSeconds() + 60)).statusCode()).isEqualTo(200);
    }

    @Test
    void jwtBearerRejectsAWrongAudience() throws Exception {
        assertOAuthError(jwt(claims("https://evil.example.com", nowSeconds() + 60)), "invalid_grant",
                "audience is invalid");
    }

    @Test
    void jwtBearerRejectsAnExpInMilliseconds() throws Exception {
        assertOAuthError(jwt(claims(emulator.loginUrl(), clock.millis() + 180_000)), "invalid_grant",
                "expired authorization code");
    }

    @Test
    void jwtBearerRejectsAnExpiredAssertion() throws Exception {
        assertOAuthError(jwt(claims(emulator.loginUrl(), nowSeconds() - 1)), "invalid_grant",
                "expired authorization code");
    }

    @Test
    void jwtBearerAcceptsANumericStringExp() throws Exception {
        Map<String, Object> claims = claims(emulator.loginUrl(), 0);
        claims.put("exp", Long.toString(nowSeconds() + 120));
        assertThat(jwt(claims).statusCode()).isEqualTo(200);
    }

    @Test
    void jwtBearerRejectsASignatureByAnUnregisteredKey() throws Exception {
        KeyPair stranger = java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String assertion = Jwts.sign(stranger.getPrivate(), claims(emulator.loginUrl(), nowSeconds() + 60));
        assertOAuthError(http.postForm(TOKEN_PATH, Map.of("grant_type", JWT_GRANT, "assertion", assertion)),
                "invalid_grant", "invalid assertion");
    }

    @Test
    void jwtBearerAcceptsAKeyPairGeneratedForTheTest() throws Exception {
        KeyPair pair = emulator.generateJwtKeyPair();
        String assertion = Jwts.sign(pair.getPrivate(), claims(emulator.loginUrl(), nowSeconds() + 60));
        assertThat(http.postForm(TOKEN_PATH, Map.of("grant_type", JWT_GRANT, "assertion", assertion)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void jwtBearerRejectsAnUnknownUser() throws Exception {
        Map<String, Object> claims = claims(emulator.loginUrl(), nowSeconds() + 60);
        claims.put("sub", "nobody@example.com");
        assertOAuthError(jwt(claims), "invalid_grant", "invalid user");
    }

    @Test
    void jwtBearerRejectsAnUnknownIssuer() throws Exception {
        Map<String, Object> claims = claims(emulator.loginUrl(), nowSeconds() + 60);
        claims.put("iss", "3MVG9unknown");
        assertOAuthError(jwt(claims), "invalid_client_id", "client identifier invalid");
    }

    @Test
    void jwtBearerRejectsGarbage() throws Exception {
        assertOAuthError(http.postForm(TOKEN_PATH, Map.of("grant_type", JWT_GRANT, "assertion", "not.a.jwt")),
                "invalid_grant", "invalid assertion");
    }

    @Test
    void jwtBearerForAUserWhoHasNotApprovedTheApp() throws Exception {
        try (SalesforceEmulator strict = SalesforceEmulator.builder().jwtPreAuthorized(false).start()) {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", strict.clientId());
            claims.put("sub", strict.username());
            claims.put("aud", strict.loginUrl());
            claims.put("exp", Instant.now().getEpochSecond() + 60);
            HttpResponse<String> response = new Http(strict).postForm(TOKEN_PATH,
                    Map.of("grant_type", JWT_GRANT, "assertion", Jwts.sign(strict.jwtPrivateKey(), claims)));
            assertOAuthError(response, "invalid_grant", "user hasn't approved this consumer");
        }
    }

    @Test
    void clientCredentialsInTheBodyAndSignatureIsTheHmacOfIdAndIssuedAt() throws Exception {
        HttpResponse<String> response = http.postForm(TOKEN_PATH, Map.of("grant_type", "client_credentials",
                "client_id", emulator.clientId(), "client_secret", emulator.clientSecret()));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        String issuedAt = body.get("issued_at").asText();
        assertThat(issuedAt).isEqualTo(Long.toString(clock.millis())).hasSize(13);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(emulator.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((body.get("id").asText() + issuedAt).getBytes(StandardCharsets.UTF_8)));
        assertThat(body.get("signature").asText()).isEqualTo(expected);
        assertThat(body.get("scope").asText()).isEqualTo("api");
    }

    @Test
    void clientCredentialsWithHttpBasic() throws Exception {
        String basic = Base64.getEncoder().encodeToString((emulator.clientId() + ":" + emulator.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(http.url(TOKEN_PATH)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).has("access_token")).isTrue();
    }

    @Test
    void wrongClientSecretAndWrongClientId() throws Exception {
        assertOAuthError(http.postForm(TOKEN_PATH, Map.of("grant_type", "client_credentials",
                "client_id", emulator.clientId(), "client_secret", "wrong")), "invalid_client",
                "invalid client credentials");
        assertOAuthError(http.postForm(TOKEN_PATH, Map.of("grant_type", "client_credentials",
                "client_id", "unknown", "client_secret", emulator.clientSecret())), "invalid_client_id",
                "client identifier invalid");
    }

    @Test
    void unknownGrantType() throws Exception {
        assertOAuthError(http.postForm(TOKEN_PATH, Map.of("grant_type", "magic")), "unsupported_grant_type",
                "grant type not supported");
    }

    @Test
    void passwordGrantWithAndWithoutTheSecurityToken() throws Exception {
        for (String password : new String[] {emulator.password(), emulator.password() + emulator.securityToken()}) {
            HttpResponse<String> response = http.postForm(TOKEN_PATH, passwordForm(password));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).has("signature")).isTrue();
        }
        assertOAuthError(http.postForm(TOKEN_PATH, passwordForm("wrong")), "invalid_grant", "authentication failure");
    }

    @Test
    void authorizationCodeWithPkceThenRefresh() throws Exception {
        String verifier = "a-verifier-of-enough-length-0123456789-abcdefghijklmnop";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String code = authorize(challenge, "xyz");

        HttpResponse<String> token = http.postForm(TOKEN_PATH, Map.of("grant_type", "authorization_code",
                "code", code, "client_id", emulator.clientId(), "redirect_uri", "http://localhost/callback",
                "code_verifier", verifier));
        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(token.body());
        String refreshToken = body.get("refresh_token").asText();
        assertThat(body.get("scope").asText()).isEqualTo("api refresh_token");

        HttpResponse<String> refreshed = http.postForm(TOKEN_PATH, Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", emulator.clientId(),
                "client_secret", emulator.clientSecret()));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode refreshedBody = JSON.readTree(refreshed.body());
        assertThat(refreshedBody.has("refresh_token")).isFalse();
        assertThat(refreshedBody.get("access_token").asText()).isNotEqualTo(body.get("access_token").asText());

        assertOAuthError(http.postForm(TOKEN_PATH, Map.of("grant_type", "authorization_code", "code", code,
                "client_id", emulator.clientId(), "redirect_uri", "http://localhost/callback",
                "code_verifier", verifier)), "invalid_grant", "expired authorization code");
    }

    @Test
    void authorizationCodeWithTheWrongVerifier() throws Exception {
        String code = authorize("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", null);
        assertOAuthError(http.postForm(TOKEN_PATH, Map.of("grant_type", "authorization_code", "code", code,
                "client_id", emulator.clientId(), "redirect_uri", "http://localhost/callback",
                "code_verifier", "not-the-verifier")), "invalid_grant", "invalid code verifier");
    }

    @Test
    void authorizeWithAnUnknownClient() throws Exception {
        HttpResponse<String> response = http.get("/services/oauth2/authorize?response_type=code&client_id=nope"
                + "&redirect_uri=http%3A%2F%2Flocalhost%2Fcallback", null);
        assertOAuthError(response, "invalid_client_id", "client identifier invalid");
    }

    @Test
    void refreshWithAnUnknownToken() throws Exception {
        assertOAuthError(http.postForm(TOKEN_PATH, Map.of("grant_type", "refresh_token", "refresh_token", "5Aepnope",
                "client_id", emulator.clientId())), "invalid_grant", "expired access/refresh token");
    }

    @Test
    void revokingARefreshTokenRevokesItsAccessTokens() throws Exception {
        String code = authorize(null, null);
        JsonNode body = JSON.readTree(http.postForm(TOKEN_PATH, Map.of("grant_type", "authorization_code",
                "code", code, "client_id", emulator.clientId(), "client_secret", emulator.clientSecret(),
                "redirect_uri", "http://localhost/callback")).body());
        String access = body.get("access_token").asText();
        assertThat(http.get("/services/data/v60.0/limits", access).statusCode()).isEqualTo(200);

        HttpResponse<String> revoke = http.postForm("/services/oauth2/revoke",
                Map.of("token", body.get("refresh_token").asText()));

        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThat(http.get("/services/data/v60.0/limits", access).statusCode()).isEqualTo(401);
    }

    @Test
    void revokeAnAccessTokenWithGet() {
        String token = emulator.issueAccessToken();
        assertThat(http.get("/services/oauth2/revoke?token=" + token, null).statusCode()).isEqualTo(200);
        assertThat(http.get("/services/data/v60.0/limits", token).statusCode()).isEqualTo(401);
        assertThat(http.get("/services/oauth2/revoke?token=" + token, null).statusCode()).isEqualTo(400);
    }

    @Test
    void introspectActiveInactiveAndUnauthenticated() throws Exception {
        String token = emulator.issueAccessToken();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("token_type_hint", "access_token");
        form.put("client_id", emulator.clientId());
        form.put("client_secret", emulator.clientSecret());

        JsonNode active = JSON.readTree(http.postForm("/services/oauth2/introspect", form).body());
        assertThat(active.get("active").asBoolean()).isTrue();
        assertThat(active.get("client_id").asText()).isEqualTo(emulator.clientId());
        assertThat(active.get("username").asText()).isEqualTo(emulator.username());
        assertThat(active.get("sub").asText()).endsWith("/id/" + emulator.orgId() + "/" + emulator.userId());
        assertThat(active.get("token_type").asText()).isEqualTo("access_token");
        assertThat(active.get("exp").asLong() - active.get("iat").asLong()).isEqualTo(7200);

        form.put("token", "00Dnope!AQ");
        assertThat(http.postForm("/services/oauth2/introspect", form).body()).isEqualTo("{\"active\":false}");

        form.remove("client_secret");
        assertThat(http.postForm("/services/oauth2/introspect", form).statusCode()).isEqualTo(401);
    }

    @Test
    void userInfoAndIdentityUrl() throws Exception {
        String token = emulator.issueAccessToken();
        JsonNode info = JSON.readTree(http.get("/services/oauth2/userinfo", token).body());
        assertThat(info.get("user_id").asText()).isEqualTo(emulator.userId());
        assertThat(info.get("organization_id").asText()).isEqualTo(emulator.orgId());
        assertThat(info.get("preferred_username").asText()).isEqualTo(emulator.username());
        assertThat(info.get("urls").get("rest").asText()).isEqualTo(emulator.instanceUrl() + "/services/data/v{version}/");
        assertThat(info.fieldNames()).toIterable().contains("sub", "nickname", "name", "email", "email_verified",
                "given_name", "family_name", "zoneinfo", "photos", "profile", "picture", "address",
                "is_salesforce_integration_user", "urls", "active", "user_type", "language", "locale", "utcOffset",
                "updated_at", "is_app_installed");

        HttpResponse<String> identity = http.get("/id/" + emulator.orgId() + "/" + emulator.userId(), token);
        assertThat(identity.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(identity.body()).get("username").asText()).isEqualTo(emulator.username());

        HttpResponse<String> bad = http.get("/services/oauth2/userinfo", "bad-token");
        assertThat(bad.statusCode()).isEqualTo(403);
        assertThat(bad.body()).isEqualTo("Bad_OAuth_Token");
    }

    @Test
    void tokensExpireAfterTheConfiguredLifetime() {
        MutableClock own = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
        try (SalesforceEmulator shortLived = SalesforceEmulator.builder().clock(own)
                .tokenLifetime(java.time.Duration.ofMinutes(5)).start()) {
            Http client = new Http(shortLived);
            String token = shortLived.issueAccessToken();
            own.advance(java.time.Duration.ofMinutes(4));
            assertThat(client.get("/services/data/v60.0/limits", token).statusCode()).isEqualTo(200);
            own.advance(java.time.Duration.ofMinutes(1));
            HttpResponse<String> expired = client.get("/services/data/v60.0/limits", token);
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.body()).isEqualTo("[{\"message\":\"Session expired or invalid\","
                    + "\"errorCode\":\"INVALID_SESSION_ID\"}]");
        }
    }

    @Test
    void expireAllTokensKeepsRefreshTokensWorking() throws Exception {
        String code = authorize(null, null);
        JsonNode body = JSON.readTree(http.postForm(TOKEN_PATH, Map.of("grant_type", "authorization_code",
                "code", code, "client_id", emulator.clientId(), "client_secret", emulator.clientSecret(),
                "redirect_uri", "http://localhost/callback")).body());

        emulator.expireAllTokens();

        assertThat(http.get("/services/data/v60.0/limits", body.get("access_token").asText()).statusCode())
                .isEqualTo(401);
        HttpResponse<String> refreshed = http.postForm(TOKEN_PATH, Map.of("grant_type", "refresh_token",
                "refresh_token", body.get("refresh_token").asText(), "client_id", emulator.clientId()));
        String fresh = JSON.readTree(refreshed.body()).get("access_token").asText();
        assertThat(http.get("/services/data/v60.0/limits", fresh).statusCode()).isEqualTo(200);
    }

    private String authorize(String challenge, String state) {
        StringBuilder query = new StringBuilder("/services/oauth2/authorize?response_type=code&client_id=")
                .append(emulator.clientId()).append("&redirect_uri=http%3A%2F%2Flocalhost%2Fcallback");
        if (challenge != null) {
            query.append("&code_challenge=").append(challenge);
        }
        if (state != null) {
            query.append("&state=").append(state);
        }
        HttpResponse<String> response = http.get(query.toString(), null);
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://localhost/callback?code=");
        if (state != null) {
            assertThat(location).endsWith("&state=" + state);
        }
        String code = location.substring(location.indexOf("code=") + 5);
        int amp = code.indexOf('&');
        return java.net.URLDecoder.decode(amp < 0 ? code : code.substring(0, amp), StandardCharsets.UTF_8);
    }

    private static Map<String, String> passwordForm(String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", emulator.clientId());
        form.put("client_secret", emulator.clientSecret());
        form.put("username", emulator.username());
        form.put("password", password);
        return form;
    }

    private static HttpResponse<String> jwt(Map<String, Object> claims) {
        return http.postForm(TOKEN_PATH, Map.of("grant_type", JWT_GRANT,
                "assertion", Jwts.sign(emulator.jwtPrivateKey(), claims)));
    }

    private static Map<String, Object> claims(String audience, long exp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", emulator.clientId());
        claims.put("sub", emulator.username());
        claims.put("aud", audience);
        claims.put("exp", exp);
        return claims;
    }

    private static long nowSeconds() {
        return clock.millis() / 1000;
    }

    private static void assertOAuthError(HttpResponse<String> response, String error, String description)
            throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_description").asText()).isEqualTo(description);
    }
}
