package dev.forcelink.testkit.internal.auth;

import dev.forcelink.testkit.internal.http.ApiSession;
import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.http.SessionResolver;
import dev.forcelink.testkit.internal.org.OrgIdentity;
import dev.forcelink.testkit.internal.org.SalesforceFormats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /services/oauth2/userinfo} and the identity URL {@code GET /id/{orgId}/{userId}}, both with a bearer
 * token. A missing or bad token gets {@code 403} with {@code Missing_OAuth_Token} / {@code Bad_OAuth_Token} in
 * plain text, as the identity service answers (not the REST envelope). Thread-safe.
 */
final class IdentityEndpoints {

    private final OAuthContext context;
    private final Instant updatedAt;

    IdentityEndpoints(OAuthContext context) {
        this.context = context;
        this.updatedAt = context.clock.instant();
    }

    void userInfo(Exchange exchange) throws IOException {
        ApiSession session = authenticate(exchange);
        if (session == null) {
            return;
        }
        OrgIdentity id = context.identity;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", context.identityUrl());
        body.put("user_id", id.userId());
        body.put("organization_id", id.orgId());
        body.put("preferred_username", id.username());
        body.put("nickname", nickname(id));
        body.put("name", id.displayName());
        body.put("email", id.email());
        body.put("email_verified", true);
        body.put("given_name", id.firstName());
        body.put("family_name", id.lastName());
        body.put("zoneinfo", "America/Los_Angeles");
        body.put("photos", photos());
        body.put("profile", context.instanceUrl + "/" + id.userId());
        body.put("picture", context.instanceUrl + "/profilephoto/005/F");
        body.put("address", Map.of("country", "US"));
        body.put("is_salesforce_integration_user", false);
        body.put("urls", urls());
        body.put("active", true);
        body.put("user_type", "STANDARD");
        body.put("language", "en_US");
        body.put("locale", "en_US");
        body.put("utcOffset", -28_800_000);
        body.put("updated_at", SalesforceFormats.dateTime(updatedAt));
        body.put("is_app_installed", true);
        exchange.sendJson(200, body);
    }

    void identity(Exchange exchange) throws IOException {
        ApiSession session = authenticate(exchange);
        if (session == null) {
            return;
        }
        OrgIdentity id = context.identity;
        if (!id.orgId().equals(exchange.pathVariable("orgId")) || !id.userId().equals(exchange.pathVariable("userId"))) {
            sendText(exchange, 403, "Bad_Id");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", context.identityUrl());
        body.put("asserted_user", true);
        body.put("user_id", id.userId());
        body.put("organization_id", id.orgId());
        body.put("username", id.username());
        body.put("nick_name", nickname(id));
        body.put("display_name", id.displayName());
        body.put("email", id.email());
        body.put("email_verified", true);
        body.put("first_name", id.firstName());
        body.put("last_name", id.lastName());
        body.put("timezone", "America/Los_Angeles");
        body.put("photos", photos());
        body.put("addr_country", "US");
        body.put("status", Map.of());
        body.put("urls", urls());
        body.put("active", true);
        body.put("user_type", "STANDARD");
        body.put("language", "en_US");
        body.put("locale", "en_US");
        body.put("utcOffset", -28_800_000);
        body.put("last_modified_date", SalesforceFormats.dateTime(updatedAt));
        body.put("is_app_installed", true);
        exchange.sendJson(200, body);
    }

    private ApiSession authenticate(Exchange exchange) throws IOException {
        String token = SessionResolver.bearerToken(exchange.header("Authorization"));
        if (token == null) {
            sendText(exchange, 403, "Missing_OAuth_Token");
            return null;
        }
        ApiSession session = context.tokens.resolve(token);
        if (session == null) {
            sendText(exchange, 403, "Bad_OAuth_Token");
        }
        return session;
    }

    private Map<String, String> photos() {
        return Map.of("picture", context.instanceUrl + "/profilephoto/005/F",
                "thumbnail", context.instanceUrl + "/profilephoto/005/T");
    }

    private Map<String, String> urls() {
        String base = context.instanceUrl;
        String orgId = context.identity.orgId();
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("enterprise", base + "/services/Soap/c/{version}/" + orgId);
        urls.put("metadata", base + "/services/Soap/m/{version}/" + orgId);
        urls.put("partner", base + "/services/Soap/u/{version}/" + orgId);
        urls.put("rest", base + "/services/data/v{version}/");
        urls.put("sobjects", base + "/services/data/v{version}/sobjects/");
        urls.put("search", base + "/services/data/v{version}/search/");
        urls.put("query", base + "/services/data/v{version}/query/");
        urls.put("recent", base + "/services/data/v{version}/recent/");
        urls.put("tooling_soap", base + "/services/Soap/T/{version}/" + orgId);
        urls.put("tooling_rest", base + "/services/data/v{version}/tooling/");
        urls.put("profile", base + "/" + context.identity.userId());
        urls.put("feeds", base + "/services/data/v{version}/chatter/feeds");
        urls.put("groups", base + "/services/data/v{version}/chatter/groups");
        urls.put("users", base + "/services/data/v{version}/chatter/users");
        urls.put("feed_items", base + "/services/data/v{version}/chatter/feed-items");
        urls.put("feed_elements", base + "/services/data/v{version}/chatter/feed-elements");
        urls.put("custom_domain", base);
        return urls;
    }

    private static String nickname(OrgIdentity id) {
        int at = id.username().indexOf('@');
        return at > 0 ? id.username().substring(0, at) : id.username();
    }

    private static void sendText(Exchange exchange, int status, String text) throws IOException {
        exchange.sendBytes(status, "text/plain;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }
}
