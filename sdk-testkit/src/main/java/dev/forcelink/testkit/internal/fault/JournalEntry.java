package dev.forcelink.testkit.internal.fault;

import com.sun.net.httpserver.Headers;
import java.time.Duration;
import java.time.Instant;

/**
 * One request as the journal recorded it. The headers are the server's own (unredacted) object: redact before
 * showing them to anyone.
 *
 * @param receivedAt when the request arrived
 * @param requestId the id sent back in {@code x-sfdc-request-id}
 * @param method the request method
 * @param path the decoded path
 * @param rawQuery the raw query string, or {@code null}
 * @param headers the request headers
 * @param status the response status, or -1 when the connection was dropped
 * @param fault the injected fault in words, or {@code null}
 * @param injectedDelay latency added by faults
 */
public record JournalEntry(Instant receivedAt, String requestId, String method, String path, String rawQuery,
                           Headers headers, int status, String fault, Duration injectedDelay) {
}
