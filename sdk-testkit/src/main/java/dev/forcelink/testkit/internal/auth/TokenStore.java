package dev.forcelink.testkit.internal.auth;

import dev.forcelink.testkit.internal.http.ApiSession;
import dev.forcelink.testkit.internal.http.SessionResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issued access and refresh tokens, their lifetimes and revocation. Lookups are lock-free so that checking the
 * bearer token of every API call stays cheap.
 *
 * <p>Thread-safe. Bounded: beyond {@code maxTokens} access tokens, dead ones and then the oldest are forgotten.
 */
public final class TokenStore implements SessionResolver {

    private final Clock clock;
    private final Duration lifetime;
    private final int maxTokens;
    private final String orgId15;
    private final Map<String, IssuedToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicLong generations = new AtomicLong();
    private volatile long firstValidGeneration;

    /**
     * @param clock time source for issue and expiry
     * @param lifetime how long an access token works
     * @param maxTokens how many access tokens to remember at most
     * @param orgId15 the org's 15-character id, the prefix of each access token
     */
    public TokenStore(Clock clock, Duration lifetime, int maxTokens, String orgId15) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.maxTokens = maxTokens;
        this.orgId15 = orgId15;
    }

    /**
     * Issues an access token.
     *
     * @param session the session it grants
     * @param refreshToken the refresh token it belongs to, or {@code null}
     * @return the token text
     */
    public String issueAccessToken(ApiSession session, String refreshToken) {
        if (accessTokens.size() >= maxTokens) {
            evict();
        }
        String token = TokenText.accessToken(orgId15);
        Instant now = clock.instant();
        accessTokens.put(token, new IssuedToken(session, now, now.plus(lifetime), refreshToken,
                generations.incrementAndGet()));
        return token;
    }

    /**
     * Issues a refresh token.
     *
     * @param session the session its access tokens grant
     * @return the token text
     */
    public String issueRefreshToken(ApiSession session) {
        String token = TokenText.refreshToken();
        refreshTokens.put(token, new RefreshGrant(session, clock.instant()));
        return token;
    }

    @Override
    public ApiSession resolve(String accessToken) {
        IssuedToken issued = live(accessToken);
        return issued == null ? null : issued.session();
    }

    /**
     * @param accessToken token text
     * @return what was issued, if the token is still valid; else {@code null}
     */
    IssuedToken live(String accessToken) {
        IssuedToken issued = accessTokens.get(accessToken);
        if (issued == null || issued.generation() < firstValidGeneration
                || !clock.instant().isBefore(issued.expiresAt())) {
            return null;
        }
        return issued;
    }

    /**
     * @param refreshToken token text
     * @return the grant if the refresh token is valid, else {@code null}
     */
    RefreshGrant refreshGrant(String refreshToken) {
        return refreshToken == null ? null : refreshTokens.get(refreshToken);
    }

    /**
     * Revokes a token. Revoking a refresh token also revokes every access token issued from it.
     *
     * @param token access or refresh token text
     * @return whether the token was known
     */
    public boolean revoke(String token) {
        if (token == null) {
            return false;
        }
        if (refreshTokens.remove(token) != null) {
            accessTokens.values().removeIf(issued -> token.equals(issued.refreshToken()));
            return true;
        }
        return accessTokens.remove(token) != null;
    }

    /** Makes every access token issued so far expired; refresh tokens keep working. */
    public void expireAll() {
        firstValidGeneration = generations.get() + 1;
    }

    /** Revokes every access and refresh token issued so far. */
    public void revokeAll() {
        refreshTokens.clear();
        accessTokens.clear();
    }

    private void evict() {
        Instant now = clock.instant();
        accessTokens.values().removeIf(issued -> issued.generation() < firstValidGeneration
                || !now.isBefore(issued.expiresAt()));
        if (accessTokens.size() >= maxTokens) {
            long cutoff = generations.get() - maxTokens / 2;
            accessTokens.values().removeIf(issued -> issued.generation() <= cutoff);
        }
    }
}
