package dev.forcelink.testkit.internal.bulk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Query-result and job-list locators. Salesforce's look like base64 of a row number ({@code MTAwMDA} is
 * "10000"), so the emulator's are exactly that, unpadded; the end of the results is the literal {@code null}.
 * Stateless and thread-safe.
 */
final class Locators {

    /** The {@code Sforce-Locator} value after the last page. */
    static final String END = "null";

    private Locators() {
    }

    static String encode(long row) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(row).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @param locator a locator from {@link #encode}, or {@code null}/empty for the start
     * @return the row it points at
     * @throws BulkException 400 {@code INVALIDLOCATOR} when the text is not a locator
     */
    static long decode(String locator) {
        if (locator == null || locator.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(locator), StandardCharsets.US_ASCII);
            long row = Long.parseLong(text);
            if (row < 0) {
                throw new NumberFormatException(text);
            }
            return row;
        } catch (IllegalArgumentException e) {
            // Salesforce's code for this case is not documented; INVALIDLOCATOR names the problem.
            throw new BulkException(400, "INVALIDLOCATOR", "Invalid locator: " + locator
                    + ". Use the Sforce-Locator value of the previous page.");
        }
    }
}
