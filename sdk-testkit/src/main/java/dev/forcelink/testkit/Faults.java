package dev.forcelink.testkit;

import dev.forcelink.testkit.internal.auth.TokenStore;
import dev.forcelink.testkit.internal.fault.BodyPacing;
import dev.forcelink.testkit.internal.fault.FaultRegistry;
import dev.forcelink.testkit.internal.fault.FaultRule;
import dev.forcelink.testkit.internal.org.RecordLocks;
import java.time.Duration;
import java.util.Objects;

/**
 * Scripts failures for coming requests, the token endpoint included: answer with an error, drop the connection,
 * add latency, send the response body slowly, or revoke a token.
 *
 * <pre>{@code
 * emulator.faults().next(2, RequestMatcher.pathStartsWith("/services/data/"))
 *         .respondError(503, "SERVER_UNAVAILABLE", "Server Unavailable");
 * emulator.faults().next(1, RequestMatcher.any()).dropConnection();
 * emulator.faults().next(1, RequestMatcher.any()).delay(Duration.ofMillis(300));
 * emulator.faults().next(1, RequestMatcher.any()).dribbleBody(10, Duration.ofSeconds(5));
 * emulator.faults().next(1, RequestMatcher.any()).stallBody(Duration.ofSeconds(30));
 * }</pre>
 * Rules of three sorts meet on one request. Every matching delay adds up and is waited out first; then the first
 * matching respond or drop rule decides the outcome (a request no such rule claims is handled normally); then,
 * unless the connection is dropped, the first matching body rule ({@code dribbleBody}, {@code stallBody},
 * {@code stallBodyThenDrop}) paces the body of whichever response is sent, real or scripted. Each rule applies to
 * its next {@code count} matching requests and is then spent; a body rule is not spent on a request whose
 * connection a drop rule closes. A delay holds one of the emulator's request threads while it waits; a slow body
 * does not, so many slow bodies at once do not keep the emulator from answering other requests.
 *
 * <p>Row locks work per record rather than per request: {@link #lockRecords} makes chosen record writes inside
 * Composite, sObject Collections, tree and graph requests and Bulk API 2.0 ingest jobs fail with the record-level
 * {@code UNABLE_TO_LOCK_ROW} while the rest of the call or job goes on as usual:
 * <pre>{@code
 * emulator.faults().lockRecords(RecordMatcher.object("Account").share(0.10, 7L), 1_000);
 * }</pre>
 *
 * <p>Thread-safe: concurrent requests never claim the same injection twice.
 */
public final class Faults {

    private final FaultRegistry registry;
    private final TokenStore tokens;
    private final RecordLocks recordLocks;

    Faults(FaultRegistry registry, TokenStore tokens, RecordLocks recordLocks) {
        this.registry = registry;
        this.tokens = tokens;
        this.recordLocks = recordLocks;
    }

    /**
     * Starts a fault for the next {@code count} requests that match.
     *
     * @param count how many requests, at least 1
     * @param matcher which requests
     * @return the step that says what to do to them
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public Injection next(int count, RequestMatcher matcher) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        return new Injection(count, Objects.requireNonNull(matcher, "matcher"));
    }

    /**
     * Revokes an access or refresh token now, as an administrator would; later calls with it get {@code 401
     * INVALID_SESSION_ID} (or {@code invalid_grant} for a refresh token).
     *
     * @param token the token text
     * @return whether the token was known
     */
    public boolean revokeToken(String token) {
        return tokens.revoke(token);
    }

    /**
     * Makes the next {@code count} record writes that match fail with the record-level error
     * {@code UNABLE_TO_LOCK_ROW} ("unable to obtain exclusive access to this record or 1 records: <id>"), as if
     * another transaction held the rows. Applies to the records written by Composite subrequests, sObject
     * Collections, sObject tree, Composite graph and Bulk API 2.0 ingest rows; the failed record is not written and
     * reports the error in its result (a Bulk row in {@code failedResults}), the others follow the call's
     * {@code allOrNone} rules.
     *
     * @param matcher which record writes
     * @param count how many writes, at least 1 ({@link Integer#MAX_VALUE} for "until cleared")
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public void lockRecords(RecordMatcher matcher, int count) {
        Objects.requireNonNull(matcher, "matcher");
        recordLocks.add(matcher::matches, count);
    }

    /** @return how many row-lock failures scripted with {@link #lockRecords} are still waiting */
    public int pendingRecordLocks() {
        return recordLocks.pending();
    }

    /** Removes every scripted fault that has not been used up, row locks included. */
    public void clear() {
        registry.clear();
        recordLocks.clear();
    }

    /** @return how many injections are still waiting, summed over all rules */
    public int pending() {
        return registry.pending();
    }

    /** What to do to the chosen requests. Each method registers the fault; use one per {@link Injection}. */
    public final class Injection {

        private final int count;
        private final RequestMatcher matcher;

        private Injection(int count, RequestMatcher matcher) {
            this.count = count;
            this.matcher = matcher;
        }

        /**
         * Answers with a fixed status and JSON body instead of handling the request.
         *
         * @param status the HTTP status, e.g. 503
         * @param jsonBody the body, sent as {@code application/json;charset=UTF-8}; empty or null for none
         */
        public void respond(int status, String jsonBody) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be an HTTP status code, got " + status);
            }
            registry.add(FaultRule.respond(matcher::matches, matcher.toString(), count, status, jsonBody));
        }

        /**
         * Answers with the REST error envelope {@code [{"message":…,"errorCode":…}]}, e.g. 503
         * {@code SERVER_UNAVAILABLE}, 403 {@code REQUEST_LIMIT_EXCEEDED}, 400 {@code UNABLE_TO_LOCK_ROW}.
         *
         * @param status the HTTP status
         * @param errorCode the Salesforce error code
         * @param message the message
         */
        public void respondError(int status, String errorCode, String message) {
            respond(status, "[{\"message\":" + quote(message) + ",\"errorCode\":" + quote(errorCode) + "}]");
        }

        /** Closes the connection without sending a response; the client sees an I/O error. */
        public void dropConnection() {
            registry.add(FaultRule.drop(matcher::matches, matcher.toString(), count));
        }

        /**
         * Waits before handling each request (recorded in {@link RecordedRequest#injectedDelay()}).
         *
         * @param latency the added latency, not negative
         */
        public void delay(Duration latency) {
            registry.add(FaultRule.delay(matcher::matches, matcher.toString(), count,
                    Objects.requireNonNull(latency, "latency")));
        }

        /**
         * Sends the response body in slow pieces: the request is handled normally (or answered by a matching
         * {@link #respond} rule), the client gets the status line and headers at once, with
         * {@code Transfer-Encoding: chunked}, then the body in {@code chunks} pieces of nearly equal size, one every
         * {@code total / chunks}, the last at {@code total}; a complete, byte-identical body arrives after at least
         * {@code total}. The pieces cut the bytes on the wire, so a gzipped body (the client sent
         * {@code Accept-Encoding: gzip}) is dribbled compressed and is still one valid gzip stream. A body shorter
         * than {@code chunks} bytes goes one byte per piece; a response without a body is sent as usual. When the
         * client gives up and closes the connection, the emulator notices at its next piece and stops. Recorded in
         * {@link RecordedRequest#fault()} as {@code dribble body in 10 chunks over PT5S}.
         *
         * @param chunks how many pieces, at least 1
         * @param total from the headers to the last piece, not negative
         * @throws IllegalArgumentException if {@code chunks} is below 1 or {@code total} is negative
         */
        public void dribbleBody(int chunks, Duration total) {
            pace(BodyPacing.dribble(chunks, total));
        }

        /**
         * Stalls the response body: the request is handled normally (or answered by a matching {@link #respond}
         * rule), the client gets the status line and headers at once, with {@code Transfer-Encoding: chunked}, and
         * the first few bytes of the body (at most 8, at most half of it), then nothing for {@code stall}, then the
         * rest, so that a complete body arrives after at least {@code stall}. A client with a read timeout shorter
         * than {@code stall} should give up; the emulator then notices when it sends the rest and stops. Bytes
         * are counted on the wire (gzipped when the client asked for gzip); a response without a body is sent as
         * usual. Recorded in {@link RecordedRequest#fault()} as {@code stall body PT30S}.
         *
         * @param stall how long the body stops, not negative
         * @throws IllegalArgumentException if {@code stall} is negative
         */
        public void stallBody(Duration stall) {
            pace(BodyPacing.stall(stall, false));
        }

        /**
         * Like {@link #stallBody}, but instead of the rest of the body the connection closes after the stall. The
         * headers announce the full {@code Content-Length} (so no chunked encoding), which lets the client tell
         * that the body was cut short: it sees an I/O error after the first few bytes. Recorded in
         * {@link RecordedRequest#fault()} as {@code stall body PT30S then drop connection}.
         *
         * @param stall how long the body stops before the connection closes, not negative
         * @throws IllegalArgumentException if {@code stall} is negative
         */
        public void stallBodyThenDrop(Duration stall) {
            pace(BodyPacing.stall(stall, true));
        }

        private void pace(BodyPacing pacing) {
            registry.add(FaultRule.paceBody(matcher::matches, matcher.toString(), count, pacing));
        }

        private String quote(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : String.valueOf(text).toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
    }
}
