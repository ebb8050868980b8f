package dev.forcelink.testkit.internal.http;

/** Looks up the live session of an access token. Implementations are thread-safe. */
@FunctionalInterface
public interface SessionResolver {

    /**
     * @param accessToken the token text from {@code Authorization: Bearer …}
     * @return the session, or {@code null} if the token is unknown, expired or revoked
     */
    ApiSession resolve(String accessToken);

    /**
     * Extracts the token from an {@code Authorization} header ({@code Bearer} or the older {@code OAuth} scheme).
     *
     * @param authorization the header value, may be {@code null}
     * @return the token, or {@code null} if there is none
     */
    static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = value.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer") && !scheme.equalsIgnoreCase("OAuth")) {
            return null;
        }
        String token = value.substring(space + 1).trim();
        return token.isEmpty() ? null : token;
    }
}
