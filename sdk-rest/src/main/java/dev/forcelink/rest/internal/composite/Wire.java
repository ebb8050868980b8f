package dev.forcelink.rest.internal.composite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.core.exception.ResponseDecodeException;
import dev.forcelink.core.exception.SalesforceError;
import dev.forcelink.core.http.SalesforceResponse;
import dev.forcelink.core.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the JSON bodies of composite calls and reads the error lists they carry, in
 * both spellings Salesforce uses ({@code errorCode} in REST envelopes, {@code statusCode} in
 * record-level results). Stateless and thread-safe.
 */
public final class Wire {
  /** Keeps every number exactly as sent (currency values, say), trailing zeros included. */
  private static final com.fasterxml.jackson.databind.ObjectReader READER = Json.mapper().reader()
      .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .without(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private Wire() {}

  /**
   * Serialises a JSON tree.
   *
   * @param node the tree
   * @return UTF-8 bytes
   */
  public static byte[] bytes(JsonNode node) {
    try {
      return Json.mapper().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not serialise a composite request body", e);
    }
  }

  /**
   * Parses JSON text exactly (numbers as decimals).
   *
   * @param json the text
   * @return the tree
   * @throws IOException if the text is not JSON
   */
  public static JsonNode tree(String json) throws IOException {
    return READER.readTree(json);
  }

  /**
   * Parses a response body.
   *
   * @param response the response whose body is JSON bytes
   * @param what what was called, for the error message
   * @return the tree; a missing node for an empty body
   * @throws ResponseDecodeException if the body is not JSON
   */
  public static JsonNode tree(SalesforceResponse<byte[]> response, String what) {
    byte[] body = response.body();
    if (body == null || body.length == 0) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    try {
      return READER.readTree(body);
    } catch (IOException e) {
      throw new ResponseDecodeException(what + ": the response body is not valid JSON ("
          + (e instanceof com.fasterxml.jackson.core.JsonProcessingException
              ? ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage() : "unreadable")
          + "); the request may still have been carried out", e, response.correlationId());
    }
  }

  /**
   * Fails with a decode error naming what was wrong with a response's shape.
   *
   * @param response the response
   * @param what what was called
   * @param problem what is wrong
   * @return never returns normally; declared so callers can {@code throw}
   */
  public static ResponseDecodeException badShape(SalesforceResponse<?> response, String what, String problem) {
    return new ResponseDecodeException(what + ": unexpected response shape: " + problem
        + "; the request may still have been carried out", null, response.correlationId());
  }

  /**
   * Reads an error list: an array of {@code {statusCode|errorCode, message, fields}} objects.
   *
   * @param node the array (or a single error object); other nodes give an empty list
   * @return the errors, in order
   */
  public static List<SalesforceError> errors(JsonNode node) {
    List<SalesforceError> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (node.isObject()) {
      SalesforceError e = error(node);
      if (e != null) {
        out.add(e);
      }
      return out;
    }
    for (JsonNode item : node) {
      SalesforceError e = item.isObject() ? error(item) : null;
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Tells whether a node is a non-empty array of error objects.
   *
   * @param node the node
   * @return true for {@code [{"errorCode"|"statusCode":…}]}
   */
  public static boolean isErrorList(JsonNode node) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      return false;
    }
    for (JsonNode item : node) {
      if (!item.isObject() || !(item.has("errorCode") || item.has("statusCode")) || !item.has("message")) {
        return false;
      }
    }
    return true;
  }

  private static SalesforceError error(JsonNode node) {
    String code = text(node, "statusCode");
    if (code.isEmpty()) {
      code = text(node, "errorCode");
    }
    String message = text(node, "message");
    if (code.isEmpty() && message.isEmpty()) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    node.path("fields").forEach(f -> {
      if (f.isValueNode()) {
        fields.add(f.asText());
      }
    });
    return new SalesforceError(code.isEmpty() ? "UNKNOWN" : code, message, fields);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || !v.isValueNode() ? "" : v.asText();
  }
}
