package dev.forcelink.testkit.internal.rest.data;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** HTTP dates ({@code Last-Modified}, {@code If-Modified-Since}) at whole-second precision. Stateless. */
public final class HttpDates {

    private HttpDates() {
    }

    /**
     * @param instant a time
     * @return its RFC 1123 form, e.g. {@code Tue, 3 Jun 2008 11:05:30 GMT}
     */
    public static String format(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS)
                .atOffset(ZoneOffset.UTC));
    }

    /**
     * @param header a header value, may be {@code null}
     * @return the time, or {@code null} when absent or unparseable (then the condition is ignored, as HTTP says)
     */
    public static Instant parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(header.trim()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * @param lastModified when the resource last changed
     * @param since a client's {@code If-Modified-Since}
     * @return whether the resource changed after {@code since}, comparing whole seconds
     */
    public static boolean modifiedSince(Instant lastModified, Instant since) {
        return lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
    }
}
