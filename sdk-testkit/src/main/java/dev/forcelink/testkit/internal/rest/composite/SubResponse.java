package dev.forcelink.testkit.internal.rest.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.org.DmlException;
import dev.forcelink.testkit.internal.rest.data.DmlErrors;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one subrequest, as a Composite, batch or graph response reports it. Immutable once built.
 *
 * @param status the HTTP status the resource would have answered
 * @param body the response body, or {@code null} for none (204)
 * @param headers response headers worth reporting ({@code Location} of a create)
 * @param undoRequired whether the writes of this subrequest must be undone although its status is 2xx (an
 *     sObject Collections call with {@code allOrNone} and a failed record)
 */
record SubResponse(int status, JsonNode body, Map<String, String> headers, boolean undoRequired) {

    static SubResponse of(int status, JsonNode body) {
        return new SubResponse(status, body, Map.of(), false);
    }

    /** @return whether the subrequest counts as failed (4xx/5xx, or a rolled-back Collections call) */
    boolean failed() {
        return status >= 400 || undoRequired;
    }

    /**
     * @param status the HTTP status
     * @param errorCode the Salesforce error code
     * @param message the message
     * @return a response with the REST error envelope {@code [{"message","errorCode"}]}
     */
    static SubResponse error(int status, String errorCode, String message) {
        return of(status, errorBody(errorCode, message, null));
    }

    /**
     * @param e a refused write or read
     * @return the REST error response for it, with {@code fields}
     */
    static SubResponse error(DmlException e) {
        return of(DmlErrors.httpStatus(e.statusCode()), errorBody(e.statusCode(), e.getMessage(), e.fields()));
    }

    /**
     * @param errorCode the Salesforce error code
     * @param message the message
     * @param fields the fields, or {@code null} to leave {@code fields} out
     * @return {@code [{"message","errorCode","fields"}]}
     */
    static ArrayNode errorBody(String errorCode, String message, List<String> fields) {
        ArrayNode body = Json.mapper().createArrayNode();
        ObjectNode error = body.addObject();
        error.put("message", message);
        error.put("errorCode", errorCode);
        if (fields != null) {
            ArrayNode names = error.putArray("fields");
            fields.forEach(names::add);
        }
        return body;
    }
}
