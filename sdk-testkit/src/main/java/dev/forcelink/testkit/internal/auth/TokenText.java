package dev.forcelink.testkit.internal.auth;

import java.security.SecureRandom;

/**
 * Makes token and code texts in Salesforce's shapes: access tokens start with the 15-character org id and
 * {@code !}, refresh tokens with {@code 5Aep}, authorization codes with {@code aPrx}. Thread-safe.
 */
final class TokenText {

    private static final char[] TOKEN_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._".toCharArray();
    private static final char[] CODE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenText() {
    }

    static String accessToken(String orgId15) {
        return orgId15 + "!AQ" + random(TOKEN_CHARS, 94);
    }

    static String refreshToken() {
        return "5Aep861" + random(TOKEN_CHARS, 80);
    }

    static String authorizationCode() {
        return "aPrx" + random(CODE_CHARS, 80);
    }

    private static String random(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
