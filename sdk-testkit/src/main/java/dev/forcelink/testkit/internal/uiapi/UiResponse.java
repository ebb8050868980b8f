package dev.forcelink.testkit.internal.uiapi;

/**
 * A UI API response as it is sent and, for idempotent calls, replayed. Immutable and thread-safe (the body array
 * is never modified after construction).
 *
 * @param status the HTTP status
 * @param body the JSON body, empty for none
 */
record UiResponse(int status, byte[] body) {
}
