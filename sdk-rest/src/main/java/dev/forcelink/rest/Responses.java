package dev.forcelink.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.core.exception.ResponseDecodeException;
import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.http.SalesforceResponse;
import dev.forcelink.core.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Small decoders shared by the operations. Stateless. */
final class Responses {
  private static final int EXCERPT = 300;

  private Responses() {}

  static ResponseDecodeException decodeFailure(SalesforceRequest request, SalesforceResponse<byte[]> response,
      Exception cause) {
    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException) {
      why = ((com.fasterxml.jackson.core.JsonProcessingException) cause).getOriginalMessage();
    }
    return new ResponseDecodeException(request.description() + ": could not read the HTTP " + response.statusCode()
        + " response (" + why + "); body starts with: " + excerpt(response.body()), cause, response.correlationId());
  }

  static String excerpt(byte[] body) {
    if (body == null || body.length == 0) {
      return "<empty>";
    }
    String s = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8)
        .replaceAll("\\p{Cntrl}", " ");
    return s.length() > EXCERPT ? s.substring(0, EXCERPT) + "…" : s;
  }

  static JsonNode tree(SalesforceResponse<byte[]> r) throws IOException {
    byte[] body = r.body();
    if (body == null || body.length == 0) {
      throw new IOException("the body is empty");
    }
    JsonNode n = Json.mapper().readTree(body);
    if (n == null) {
      throw new IOException("the body is empty");
    }
    return n;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(SalesforceResponse<byte[]> r) throws IOException {
    Object v = Json.mapper().readValue(r.body(), Object.class);
    if (!(v instanceof Map)) {
      throw new IOException("expected a JSON object");
    }
    return (Map<String, Object>) v;
  }

  static String requiredText(JsonNode n, String field) throws IOException {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new IOException("the body has no \"" + field + "\"");
    }
    return v.asText();
  }
}
