package dev.forcelink.testkit.internal.http;

import java.util.concurrent.ThreadLocalRandom;

/** Makes the 32-hex-digit request ids sent as {@code x-sfdc-request-id}. Thread-safe. */
public final class RequestIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    /** @return a new random 32-hex-digit id */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[32];
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 0; i < 16; i++) {
            out[i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xF];
            out[16 + i] = HEX[(int) (low >>> (60 - 4 * i)) & 0xF];
        }
        return new String(out);
    }
}
