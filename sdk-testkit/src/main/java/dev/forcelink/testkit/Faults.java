package dev.forcelink.testkit;

import dev.forcelink.testkit.internal.auth.TokenStore;
import dev.forcelink.testkit.internal.fault.FaultRegistry;
import dev.forcelink.testkit.internal.fault.FaultRule;
import dev.forcelink.testkit.internal.org.RecordLocks;
import java.time.Duration;
import java.util.Objects;

/**
 * Scripts failures for coming requests, the token endpoint included: answer with an error, drop the connection,
 * add latency, or revoke a token.
 *
 * <pre>{@code
 * emulator.faults().next(2, RequestMatcher.pathStartsWith("/services/data/"))
 *         .respondError(503, "SERVER_UNAVAILABLE", "Server Unavailable");
 * emulator.faults().next(1, RequestMatcher.any()).dropConnection();
 * emulator.faults().next(1, RequestMatcher.any()).delay(Duration.ofMillis(300));
 * }</pre>
 * Every matching delay adds up; then the first matching respond or drop rule decides the outcome; a request no
 * rule claims is handled normally. Each rule applies to its next {@code count} matching requests and is then
 * spent.
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
