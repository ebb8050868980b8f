package dev.forcelink.testkit.internal.org;

/**
 * Who writes and through which API, as recorded on every change ({@code CreatedById}, {@code commitUser},
 * {@code changeOrigin}).
 *
 * @param userId the 18-character id of the user making the change
 * @param changeOrigin e.g. {@code com/salesforce/api/rest/60.0;client=my-app}, or empty
 */
public record WriteContext(String userId, String changeOrigin) {

    /**
     * @param userId the writing user
     * @return a context with no change origin
     */
    public static WriteContext of(String userId) {
        return new WriteContext(userId, "");
    }
}
