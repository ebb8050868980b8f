package dev.forcelink.testkit.internal.auth;

import dev.forcelink.testkit.internal.http.ApiSession;
import java.time.Instant;

/**
 * What the emulator remembers of one refresh token (the text is the map key, never in {@link #toString()}).
 *
 * @param session the session every refreshed access token gets
 * @param issuedAt when it was issued
 */
record RefreshGrant(ApiSession session, Instant issuedAt) {

    @Override
    public String toString() {
        return "RefreshGrant[user=" + session.userId() + ", issuedAt=" + issuedAt + "]";
    }
}
