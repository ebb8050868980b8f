package dev.forcelink.testkit.internal.org;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes and checks Salesforce record ids: 15 case-sensitive characters (3-character key prefix, 2-character
 * instance, 1 reserved, 9-character base-62 counter) plus the 3-character case-insensitivity checksum.
 *
 * <p>Thread-safe: the counter is atomic, so ids from one generator never repeat.
 */
public final class SalesforceIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final int COUNTER_LENGTH = 9;

    private final String instance;
    private final AtomicLong counter;

    /**
     * Creates a generator whose ids carry the given two-character instance code.
     *
     * @param instance two base-62 characters, e.g. {@code "5g"}
     * @param firstValue the first counter value to hand out (at least 1)
     * @throws IllegalArgumentException if {@code instance} is not two base-62 characters
     */
    public SalesforceIds(String instance, long firstValue) {
        if (instance.length() != 2 || BASE62.indexOf(instance.charAt(0)) < 0 || BASE62.indexOf(instance.charAt(1)) < 0) {
            throw new IllegalArgumentException("instance must be two base-62 characters: " + instance);
        }
        this.instance = instance;
        this.counter = new AtomicLong(Math.max(1, firstValue));
    }

    /**
     * Returns the next 18-character id with the given key prefix.
     *
     * @param keyPrefix three characters such as {@code 001}
     * @return a new id, unique for this generator
     */
    public String next(String keyPrefix) {
        return withChecksum(keyPrefix + instance + "0" + base62(counter.getAndIncrement(), COUNTER_LENGTH));
    }

    /**
     * Returns a random 18-character id with the given key prefix, for org and user ids of a new org.
     *
     * @param keyPrefix three characters such as {@code 00D}
     * @return a random id with a valid checksum
     */
    public static String random(String keyPrefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(keyPrefix);
        id.append(BASE62.charAt(random.nextInt(10))).append(BASE62.charAt(10 + random.nextInt(52))).append('0');
        // Real org and user ids start their counter with zeros; the tail is the random part.
        id.append("0000");
        while (id.length() < 15) {
            id.append(BASE62.charAt(random.nextInt(62)));
        }
        return withChecksum(id.toString());
    }

    /**
     * Appends the checksum to a 15-character id.
     *
     * @param id15 a 15-character case-sensitive id
     * @return the 18-character form
     * @throws IllegalArgumentException if {@code id15} is not 15 characters long
     */
    public static String withChecksum(String id15) {
        if (id15.length() != 15) {
            throw new IllegalArgumentException("a 15-character id is needed, got " + id15.length() + " characters");
        }
        StringBuilder id = new StringBuilder(18).append(id15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            id.append(CHECKSUM_ALPHABET.charAt(bits));
        }
        return id.toString();
    }

    /**
     * Tells whether a string is a well-formed 15- or 18-character id (an 18-character one must carry the right
     * checksum).
     *
     * @param id the candidate, may be {@code null}
     * @return {@code true} if it is a valid id
     */
    public static boolean isValid(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18)) {
            return false;
        }
        for (int i = 0; i < 15; i++) {
            if (BASE62.indexOf(id.charAt(i)) < 0) {
                return false;
            }
        }
        return id.length() == 15 || withChecksum(id.substring(0, 15)).equals(id);
    }

    /**
     * Returns the 18-character form of a valid 15- or 18-character id.
     *
     * @param id a valid id
     * @return the 18-character id
     * @throws IllegalArgumentException if the id is not valid
     */
    public static String to18(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("not a valid Salesforce id: " + id);
        }
        return id.length() == 18 ? id : withChecksum(id);
    }

    private static String base62(long value, int width) {
        char[] digits = new char[width];
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (rest % 62));
            rest /= 62;
        }
        return new String(digits);
    }
}
