package dev.forcelink.testkit.internal.auth;

import dev.forcelink.testkit.internal.http.ApiSession;
import java.time.Instant;

/**
 * What the emulator remembers of one access token. The token text is the map key and is never part of
 * {@link #toString()}.
 *
 * @param session the session it grants
 * @param issuedAt when it was issued
 * @param expiresAt when it stops working
 * @param refreshToken the refresh token it came from or with, or {@code null}
 * @param generation issue order; tokens below the store's valid generation are expired
 */
record IssuedToken(ApiSession session, Instant issuedAt, Instant expiresAt, String refreshToken, long generation) {

    @Override
    public String toString() {
        return "IssuedToken[user=" + session.userId() + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
