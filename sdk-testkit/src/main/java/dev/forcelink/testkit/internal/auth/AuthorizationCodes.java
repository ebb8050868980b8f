package dev.forcelink.testkit.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization codes handed out by {@code /services/oauth2/authorize}: each is single-use and valid for 15
 * minutes, and remembers its redirect URI, scope and PKCE challenge. Thread-safe.
 */
final class AuthorizationCodes {

    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final int MAX_CODES = 10_000;

    private final Clock clock;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    AuthorizationCodes(Clock clock) {
        this.clock = clock;
    }

    String issue(String redirectUri, String scope, String codeChallenge) {
        if (codes.size() >= MAX_CODES) {
            Instant now = clock.instant();
            codes.values().removeIf(grant -> !now.isBefore(grant.expiresAt));
        }
        String code = TokenText.authorizationCode();
        codes.put(code, new Grant(redirectUri, scope, codeChallenge, clock.instant().plus(LIFETIME)));
        return code;
    }

    /**
     * Takes a code (it cannot be used again).
     *
     * @return the grant, or {@code null} when the code is unknown, used or expired
     */
    Grant redeem(String code) {
        Grant grant = code == null ? null : codes.remove(code);
        if (grant == null || !clock.instant().isBefore(grant.expiresAt)) {
            return null;
        }
        return grant;
    }

    /** One pending authorization; holds no secret worth hiding (the challenge is a hash). */
    static final class Grant {
        final String redirectUri;
        final String scope;
        final String codeChallenge;
        final Instant expiresAt;

        Grant(String redirectUri, String scope, String codeChallenge, Instant expiresAt) {
            this.redirectUri = redirectUri;
            this.scope = scope;
            this.codeChallenge = codeChallenge;
            this.expiresAt = expiresAt;
        }
    }
}
