package dev.forcelink.testkit.internal.rest.composite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One validated subrequest of a Composite or graph request. Immutable.
 *
 * @param method the HTTP method (POST, PUT, PATCH, GET or DELETE)
 * @param url the URL as sent, references unresolved
 * @param referenceId the reference id
 * @param body the body, or {@code null}
 * @param headers the subrequest's headers
 */
record Subrequest(String method, String url, String referenceId, JsonNode body, Map<String, String> headers) {
}
