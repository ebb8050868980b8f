package dev.forcelink.testkit.internal.rest.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.testkit.internal.http.Exchange;
import dev.forcelink.testkit.internal.http.Json;
import dev.forcelink.testkit.internal.org.DmlException;
import java.io.IOException;

/**
 * Turns refused writes into Salesforce's responses: the REST envelope {@code [{"message","errorCode","fields"}]}
 * with its HTTP status, or a record-level error {@code {"statusCode","message","fields"}}. Stateless.
 */
public final class DmlErrors {

    private DmlErrors() {
    }

    /**
     * The HTTP status a REST resource answers a refusal with.
     *
     * @param statusCode the Salesforce code
     * @return 404 for {@code NOT_FOUND} and {@code ENTITY_IS_DELETED} (the status of the latter is unverified;
     *     Salesforce answers a deleted id as a missing resource), 400 otherwise
     */
    public static int httpStatus(String statusCode) {
        switch (statusCode) {
            case "NOT_FOUND": case "ENTITY_IS_DELETED":
                return 404;
            default:
                return 400;
        }
    }

    /**
     * Sends the REST error envelope for a refusal, with its {@code fields}.
     *
     * @param exchange the exchange
     * @param e the refusal
     * @throws IOException if writing fails
     */
    public static void send(Exchange exchange, DmlException e) throws IOException {
        exchange.sendError(httpStatus(e.statusCode()), e.statusCode(), e.getMessage(), e.fields());
    }

    /**
     * Builds a record-level error as save results carry it.
     *
     * @param e the refusal
     * @return {@code {"statusCode","message","fields"}}
     */
    public static ObjectNode recordError(DmlException e) {
        ObjectNode error = Json.mapper().createObjectNode();
        error.put("statusCode", e.statusCode());
        error.put("message", e.getMessage());
        error.putArray("fields").addAll(e.fields().stream().map(Json.mapper().getNodeFactory()::textNode).toList());
        return error;
    }

    /**
     * Reads a request's JSON body, turning malformed JSON into {@code JSON_PARSER_ERROR}.
     *
     * @param exchange the exchange
     * @return the body, or a missing node when empty
     * @throws DmlException {@code JSON_PARSER_ERROR} when the body is not JSON
     * @throws IOException if reading fails
     */
    public static JsonNode jsonBody(Exchange exchange) throws IOException {
        try {
            return exchange.jsonBody();
        } catch (JsonProcessingException e) {
            throw new DmlException("JSON_PARSER_ERROR", e.getOriginalMessage());
        }
    }
}
